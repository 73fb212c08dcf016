import type { EntityManager } from '@mikro-orm/postgresql';
import type { Dataset } from '../dataset/dataset.entity';
import { readsImportMarkets } from '../trade-flow/hs-rollup.sql';
import { fromStatistics, statisticsSuffice, toConcentration } from './concentration.result';
import type { BandGuidelines, Concentration } from './concentration.types';
import { marketConcentrations } from './concentration.sql';
import { ImportMarketOrder, type ProductConcentration } from './import-concentrations.types';
import { readGroupMarkets, readImportMarkets, type ImportMarketRow } from './import-market.sql';
import { ParticipantKind } from './concentration.types';
import { TradeMarketKind } from './trade-market-kind';
import type { TradeReporter } from './trade-reporter';
import { groupMarketsServe, type GroupedFlowShape } from './trade-concentration.sql';
import { tradeWeights } from './trade-weights.sql';

/** Every import market of an importer-year at one HS level: what `importConcentrations` answers. */
export interface ImportMarketsQuery {
  dataset: Dataset;
  shape: GroupedFlowShape;
  reporter: TradeReporter;
  year: number;
  level: number;
  prefix: string | null;
  k: number;
  top: number;
  guidelines: BandGuidelines;
  order: ImportMarketOrder;
  first: number;
  /** The fields asked of each market's Concentration. */
  fields: ReadonlySet<string>;
}

/**
 * The import-source concentration of every product the importer imports in the year, in one statement: when the
 * fields asked follow from statistics, one range of trade_import_market (an importer country of a dataset that has
 * it) or of trade_group_market (a group at HS 6 whose markets the dataset has); otherwise every market at once from
 * the flows (the `concentration` statement over the importer's year, one market per product). Both give the same
 * numbers (tested). Ordered and cut here: there are at most a few thousand.
 */
export async function importConcentrations(em: EntityManager, q: ImportMarketsQuery): Promise<ProductConcentration[]> {
  let markets: ProductConcentration[];
  const statistics = await readStatistics(em, q);
  if (statistics) {
    markets = statistics.map((row) => ({ productCode: row.product, concentration: fromStatistics(row, q.dataset, q.guidelines, q.k) }));
  } else {
    const weights = tradeWeights({
      kind: TradeMarketKind.IMPORT_SOURCES,
      datasetId: q.dataset.id,
      mixed: q.shape.mixed,
      worldRollup: q.shape.worldRollup,
      years: { from: q.year, to: q.year },
      product: q.prefix,
      reporters: q.reporter.members,
      extraGroup: q.reporter.group,
      level: q.level,
      marketBy: 'PRODUCT',
    });
    const rows = await marketConcentrations(em, weights, { k: q.k, top: q.top });
    markets = rows.map(({ market, ...row }) => ({
      productCode: String(market).trim(),
      concentration: toConcentration(row, q.dataset, q.guidelines, q.k, ParticipantKind.COUNTRY),
    }));
  }
  return sortMarkets(markets, q.order).slice(0, q.first);
}

/** The markets' statistics from the table that holds them for this question, or null when the flows must answer. */
function readStatistics(em: EntityManager, q: ImportMarketsQuery): Promise<ImportMarketRow[]> | null {
  const { dataset, year, reporter, level, prefix } = q;
  if (!reporter.group && readsImportMarkets(q.shape) && statisticsSuffice(q.fields, q.k))
    return readImportMarkets(em, { datasetId: dataset.id, year, importers: reporter.members, products: { level, prefix } });
  if (groupMarketsServe({ kind: TradeMarketKind.IMPORT_SOURCES, reporter, shape: q.shape, level, fields: q.fields, k: q.k }))
    return readGroupMarkets(em, { datasetId: dataset.id, year, group: reporter.code, products: { prefix } });
  return null;
}

const byCode = (a: ProductConcentration, b: ProductConcentration) =>
  a.productCode < b.productCode ? -1 : a.productCode > b.productCode ? 1 : 0;

function sortMarkets(markets: ProductConcentration[], order: ImportMarketOrder): ProductConcentration[] {
  if (order === ImportMarketOrder.PRODUCT) return markets.sort(byCode);
  const hhi = (c: Concentration) => c.hhi ?? -1;
  return markets.sort((a, b) => hhi(b.concentration) - hhi(a.concentration) || byCode(a, b));
}
