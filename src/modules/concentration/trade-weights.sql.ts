import { ident, int, join, list, sql, type Sql } from '../../database/sql';
import { hsPrefix, hsRollup } from '../trade-flow/hs-rollup.sql';
import { needsProduct, needsReporter, TradeMarketKind } from './trade-market-kind';

/** What `tradeWeights` splits: one kind of market, sliced by the rest. */
export interface TradeWeightsQuery {
  kind: TradeMarketKind;
  datasetId: number;
  /** Whether the dataset mixes HS levels (FlowShape), which switches the roll-up's ancestor test on. */
  mixed: boolean;
  /**
   * Whether the dataset's world exports are materialised (FlowShape): then markets that sum an exporter's
   * flows over every importer (WORLD_EXPORTERS, and EXPORT_PRODUCTS of a country) read trade_world_export,
   * which has the same columns but the importer, instead of the flows.
   */
  worldRollup?: boolean;
  /** Inclusive year range (one year: from = to). */
  years: { from: number; to: number };
  /**
   * HS code the market is about (rolled up by prefix); for EXPORT_PRODUCTS an optional filter on the
   * HS-6 products. Null only where `needsProduct` is false (every product counts, rolled up to chapters),
   * or for per-product markets (every product at `level`).
   */
  product: string | null;
  /**
   * The reporter countries (importers for IMPORT_SOURCES, exporters otherwise); null for WORLD_EXPORTERS,
   * or for every reporter when the market is per reporter.
   */
  reporters: string[] | null;
  /** Leave out flows between two reporters (a group read extra-group). */
  extraGroup: boolean;
  /** The market key of the reporters when they are read as one (a group's code, e.g. "EU27"); default each reporter's own code. */
  reporterLabel?: string;
  /**
   * HS level (2, 4 or 6) of the markets' products, at least the length of `product`: default the
   * product's own level (chapters for every product). EXPORT_PRODUCTS is always HS-6.
   */
  level?: number;
  /**
   * Several products of one HS level, each its own market (marketBy PRODUCT, batched fields); replaces
   * `product`.
   */
  products?: string[];
  /**
   * The market column: one market, one per year, per reporter country or per product (batched fields), or
   * per reporter and product ("USA:640399"). Per-product markets without `product(s)` cover every product.
   */
  marketBy: 'ONE' | 'YEAR' | 'REPORTER' | 'PRODUCT' | 'REPORTER_PRODUCT';
}

/**
 * SQL selecting (market, participant, weight) rows of a trade market from one dataset, for
 * `concentration` or any other aggregate over participants. The HS roll-up of METRICS.md applies
 * at the markets' level (HS-6 for EXPORT_PRODUCTS, chapters for "every product"). The participant is an
 * alpha-3 country code, or an HS-6 code for EXPORT_PRODUCTS.
 */
export function tradeWeights(q: TradeWeightsQuery): Sql {
  const columns = ['f.importer_id', 'f.exporter_id'] as const;
  const reporterColumn = ident(q.kind === TradeMarketKind.IMPORT_SOURCES ? 'f.importer_id' : 'f.exporter_id', columns);
  const partnerColumn = ident(q.kind === TradeMarketKind.IMPORT_SOURCES ? 'f.exporter_id' : 'f.importer_id', columns);
  const productLevel = q.products?.[0]?.length ?? q.product?.length;
  const level = q.kind === TradeMarketKind.EXPORT_PRODUCTS ? 6 : (q.level ?? productLevel ?? 2);
  if (productLevel !== undefined && level < productLevel) throw new Error('tradeWeights: level is coarser than the product');
  const productKey = sql`left(f.product_code, ${int(level, { min: 2, max: 6 })})`;
  const participant =
    q.kind === TradeMarketKind.EXPORT_PRODUCTS
      ? sql`left(f.product_code, 6)`
      : q.kind === TradeMarketKind.EXPORT_DESTINATIONS
        ? sql`f.importer_id`
        : sql`f.exporter_id`;
  const perReporter = q.marketBy === 'REPORTER' || q.marketBy === 'REPORTER_PRODUCT';
  const perProduct = q.marketBy === 'PRODUCT' || q.marketBy === 'REPORTER_PRODUCT';
  const reporterKey = q.reporterLabel === undefined ? reporterColumn : sql`${q.reporterLabel}::text`;
  const market = {
    ONE: sql`1`,
    YEAR: sql`f.year`,
    REPORTER: reporterKey,
    PRODUCT: productKey,
    REPORTER_PRODUCT: sql`${reporterKey} || ':' || ${productKey}`,
  }[q.marketBy];
  const where: Sql[] = [
    sql`f.dataset_id = ${q.datasetId}`,
    q.years.from === q.years.to ? sql`f.year = ${q.years.from}` : sql`f.year between ${q.years.from} and ${q.years.to}`,
  ];
  if (q.reporters) {
    if (q.reporters.length === 0) throw new Error('tradeWeights: an empty reporter list');
    where.push(sql`${reporterColumn} in (${list(q.reporters)})`);
    if (q.extraGroup) where.push(sql`${partnerColumn} not in (${list(q.reporters)})`);
  } else if (needsReporter(q.kind) && !perReporter) {
    throw new Error(`tradeWeights: ${q.kind} needs reporters`);
  }
  if (q.products) {
    if (q.products.length === 0 || q.products.some((code) => code.length !== level))
      throw new Error('tradeWeights: products must be codes of one level');
    where.push(sql`${productKey} in (${list(q.products)})`);
  } else if (q.product) {
    where.push(hsPrefix(sql`f.product_code`, q.product));
  } else if (needsProduct(q.kind) && !perProduct) {
    throw new Error(`tradeWeights: ${q.kind} needs a product`);
  }
  where.push(hsRollup(level, q.mixed));
  const overImporters = q.kind === TradeMarketKind.WORLD_EXPORTERS || (q.kind === TradeMarketKind.EXPORT_PRODUCTS && !q.extraGroup);
  const table = ident(q.worldRollup && overImporters ? 'trade_world_export' : 'trade_flow', ['trade_world_export', 'trade_flow']);
  return sql`select ${market} as market, ${participant} as participant, f.value_usd as weight from ${table} f where ${join(where, ' and ')}`;
}
