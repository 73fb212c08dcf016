import { placeholders, type BoundSql } from '../../database/sql';
import { hsPrefixSql, hsRollupCondition } from '../trade-flow/hs-rollup.sql';
import { needsProduct, needsReporter, TradeMarketKind } from './trade-market-kind';

/** What `tradeWeightsSql` splits: one kind of market, sliced by the rest. */
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
 * `concentrationSql` or any other aggregate over participants. The HS roll-up of METRICS.md applies
 * at the markets' level (HS-6 for EXPORT_PRODUCTS, chapters for "every product"). The participant is an
 * alpha-3 country code, or an HS-6 code for EXPORT_PRODUCTS.
 */
export function tradeWeightsSql(q: TradeWeightsQuery): BoundSql {
  const reporterColumn = q.kind === TradeMarketKind.IMPORT_SOURCES ? 'f.importer_id' : 'f.exporter_id';
  const partnerColumn = q.kind === TradeMarketKind.IMPORT_SOURCES ? 'f.exporter_id' : 'f.importer_id';
  const participant =
    q.kind === TradeMarketKind.EXPORT_PRODUCTS ? 'left(f.product_code, 6)' : q.kind === TradeMarketKind.EXPORT_DESTINATIONS ? 'f.importer_id' : 'f.exporter_id';
  const productLevel = q.products?.[0]?.length ?? q.product?.length;
  const level = q.kind === TradeMarketKind.EXPORT_PRODUCTS ? 6 : (q.level ?? productLevel ?? 2);
  if (productLevel !== undefined && level < productLevel) throw new Error('tradeWeightsSql: level is coarser than the product');
  const perReporter = q.marketBy === 'REPORTER' || q.marketBy === 'REPORTER_PRODUCT';
  const perProduct = q.marketBy === 'PRODUCT' || q.marketBy === 'REPORTER_PRODUCT';
  const reporterKey = q.reporterLabel === undefined ? reporterColumn : '?::text';
  const productKey = `left(f.product_code, ${level})`;
  const market = { ONE: '1', YEAR: 'f.year', REPORTER: reporterKey, PRODUCT: productKey, REPORTER_PRODUCT: `${reporterKey} || ':' || ${productKey}` }[q.marketBy];
  const where = ['f.dataset_id = ?', q.years.from === q.years.to ? 'f.year = ?' : 'f.year between ? and ?'];
  const params: unknown[] = [
    ...(perReporter && q.reporterLabel !== undefined ? [q.reporterLabel] : []),
    q.datasetId,
    ...(q.years.from === q.years.to ? [q.years.from] : [q.years.from, q.years.to]),
  ];
  if (q.reporters) {
    if (q.reporters.length === 0) throw new Error('tradeWeightsSql: an empty reporter list');
    where.push(`${reporterColumn} in (${placeholders(q.reporters.length)})`);
    params.push(...q.reporters);
    if (q.extraGroup) {
      where.push(`${partnerColumn} not in (${placeholders(q.reporters.length)})`);
      params.push(...q.reporters);
    }
  } else if (needsReporter(q.kind) && !perReporter) {
    throw new Error(`tradeWeightsSql: ${q.kind} needs reporters`);
  }
  if (q.products) {
    if (q.products.length === 0 || q.products.some((code) => code.length !== level)) throw new Error('tradeWeightsSql: products must be codes of one level');
    where.push(`left(f.product_code, ${level}) in (${placeholders(q.products.length)})`);
    params.push(...q.products);
  } else if (q.product) {
    const prefix = hsPrefixSql('f.product_code', q.product);
    where.push(prefix.sql);
    params.push(...prefix.params);
  } else if (needsProduct(q.kind) && !perProduct) {
    throw new Error(`tradeWeightsSql: ${q.kind} needs a product`);
  }
  where.push(hsRollupCondition(level, q.mixed));
  const overImporters = q.kind === TradeMarketKind.WORLD_EXPORTERS || (q.kind === TradeMarketKind.EXPORT_PRODUCTS && !q.extraGroup);
  const table = q.worldRollup && overImporters ? 'trade_world_export' : 'trade_flow';
  return {
    sql: `select ${market} as market, ${participant} as participant, f.value_usd as weight from ${table} f where ${where.join(' and ')}`,
    params,
  };
}
