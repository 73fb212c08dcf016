import type { EntityManager } from '@mikro-orm/postgresql';
import { join } from '../../database/sql';
import { readsImportMarkets, type FlowShape } from '../trade-flow/hs-rollup.sql';
import { statisticsSuffice, type ConcentrationRow, type MarketStatistics } from './concentration.result';
import { marketConcentrations, type ConcentrationCuts } from './concentration.sql';
import { readImportMarkets } from './import-market.sql';
import { TradeMarketKind } from './trade-market-kind';
import { tradeWeights, type TradeWeightsQuery } from './trade-weights.sql';

/** A batch of trade markets of one kind, one year and one dataset, keyed by reporter country or by HS code. */
export interface TradeMarketArgs extends ConcentrationCuts {
  kind: TradeMarketKind;
  datasetId: number;
  /** The dataset's FlowShape (from the catalog). */
  mixed: boolean;
  worldRollup: boolean;
  year: number;
  /** What the keys are: reporter countries (product fixed) or HS codes (reporter fixed, or none for WORLD_EXPORTERS). */
  keys: 'REPORTER' | 'PRODUCT';
  /** The product of every market when keyed by reporter (a filter for EXPORT_PRODUCTS). */
  product: string | null;
  /** The reporter of every market when keyed by product (null for WORLD_EXPORTERS). */
  reporter: { members: string[]; group: boolean } | null;
  /**
   * Read the markets' statistics from trade_import_market instead of their flows (`importMarketsServe` said
   * they may): the rows are then MarketStatistics, for `fromStatistics`.
   */
  statistics?: boolean;
}

/**
 * Whether the markets of `args` may be read from trade_import_market: import sources of countries (a group's
 * extra-group market is no sum of its members' statistics) of a dataset that has them, for a selection that
 * statistics answer (`statisticsSuffice`).
 */
export function importMarketsServe(
  args: Pick<TradeMarketArgs, 'kind' | 'reporter'> & { shape: FlowShape; fields: ReadonlySet<string>; k: number },
): boolean {
  return (
    args.kind === TradeMarketKind.IMPORT_SOURCES &&
    !args.reporter?.group &&
    readsImportMarkets(args.shape) &&
    statisticsSuffice(args.fields, args.k)
  );
}

/** A FlowShape with the groups whose import markets the dataset has (the catalog's datasets carry both). */
export type GroupedFlowShape = FlowShape & { groupMarkets: readonly string[] };

/**
 * Whether a group's import-source markets at HS 6 may be read from trade_group_market: the dataset has that
 * group's markets (HS-6 codes alone, and the group's members unchanged since the load) and statistics answer the
 * selection (`statisticsSuffice`). The markets hold HS-6 products alone.
 */
export function groupMarketsServe(args: {
  kind: TradeMarketKind;
  reporter: { code: string; group: boolean } | null;
  shape: GroupedFlowShape;
  level: number;
  fields: ReadonlySet<string>;
  k: number;
}): boolean {
  return (
    args.kind === TradeMarketKind.IMPORT_SOURCES &&
    !!args.reporter?.group &&
    args.level === 6 &&
    !args.shape.mixed &&
    args.shape.groupMarkets.includes(args.reporter.code) &&
    statisticsSuffice(args.fields, args.k)
  );
}

/** One market of a batch: its key (a reporter's alpha-3 code or an HS code) and its figures (or statistics). */
export interface KeyedConcentration {
  key: string;
  row: ConcentrationRow | MarketStatistics;
}

/**
 * Concentration of many trade markets of one kind in one statement: the batch behind
 * `Country.importConcentration` / `Country.exportConcentration` (keys = reporter countries) and
 * `Product.exportConcentration` / `Product.importConcentration` (keys = HS codes; one union branch per
 * HS level present). A market without participants has no row.
 */
export async function tradeConcentrations(
  em: EntityManager,
  args: TradeMarketArgs,
  keys: readonly string[],
): Promise<KeyedConcentration[]> {
  if (args.statistics) {
    const byReporter = args.keys === 'REPORTER';
    const rows = await readImportMarkets(em, {
      datasetId: args.datasetId,
      year: args.year,
      importers: byReporter ? keys : (args.reporter?.members ?? []),
      products: byReporter ? [args.product ?? ''] : keys,
    });
    return rows.map((row) => ({ key: byReporter ? row.importer : row.product, row }));
  }
  const common = {
    kind: args.kind,
    datasetId: args.datasetId,
    mixed: args.mixed,
    worldRollup: args.worldRollup,
    years: { from: args.year, to: args.year },
  };
  const weights =
    args.keys === 'PRODUCT'
      ? join(
          [...new Set(keys.map((code) => code.length))].map((level) =>
            tradeWeights({
              ...common,
              product: null,
              reporters: args.reporter?.members ?? null,
              extraGroup: args.reporter?.group ?? false,
              products: keys.filter((code) => code.length === level),
              marketBy: 'PRODUCT',
            }),
          ),
          ' union all ',
        )
      : tradeWeights({ ...common, product: args.product, reporters: [...keys], extraGroup: false, marketBy: 'REPORTER' });
  const rows = await marketConcentrations(em, weights, args);
  return rows.map(({ market, ...row }) => ({ key: String(market).trim(), row }));
}

/** One trade market's concentration in one statement (undefined when it has no participants). */
export async function tradeConcentration(
  em: EntityManager,
  q: Omit<TradeWeightsQuery, 'marketBy'>,
  cuts: ConcentrationCuts,
): Promise<ConcentrationRow | undefined> {
  const [row] = await marketConcentrations(em, tradeWeights({ ...q, marketBy: 'ONE' }), cuts);
  return row;
}
