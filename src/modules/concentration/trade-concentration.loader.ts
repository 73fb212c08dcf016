import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import type { ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';
import { joinSql, type BoundSql } from '../../database/sql';
import { TradeMarketKind } from './trade-market-kind';
import { tradeWeightsSql } from './trade-weights.sql';

export interface TradeMarketArgs {
  kind: TradeMarketKind;
  datasetId: number;
  /** The dataset's FlowShape (per-request `flowShape` loader). */
  mixed: boolean;
  worldRollup: boolean;
  year: number;
  /** What the keys are: reporter countries (product fixed) or HS codes (reporter fixed, or none for WORLD_EXPORTERS). */
  keys: 'REPORTER' | 'PRODUCT';
  /** The product of every market when keyed by reporter (a filter for EXPORT_PRODUCTS). */
  product: string | null;
  /** The reporter of every market when keyed by product (null for WORLD_EXPORTERS). */
  reporter: { members: string[]; group: boolean } | null;
  k: number;
  top: number;
}

/**
 * Concentration of many trade markets of one kind in one statement: the batched form behind
 * `Country.importConcentration` / `Country.exportConcentration` (keys = reporter countries) and
 * `Product.exportConcentration` / `Product.importConcentration` (keys = HS codes; one union branch per
 * HS level present).
 */
export function createTradeConcentrationLoader(em: EntityManager, args: TradeMarketArgs) {
  return new DataLoader<string, ConcentrationRow | undefined>(
    async (keys) => {
      const connection = em.getConnection();
      const common = { kind: args.kind, datasetId: args.datasetId, mixed: args.mixed, worldRollup: args.worldRollup, years: { from: args.year, to: args.year } };
      let weights: BoundSql;
      if (args.keys === 'PRODUCT') {
        const levels = [...new Set(keys.map((code) => code.length))];
        const branches = levels.map((level) =>
          tradeWeightsSql({
            ...common,
            product: null,
            reporters: args.reporter?.members ?? null,
            extraGroup: args.reporter?.group ?? false,
            products: keys.filter((code) => code.length === level),
            marketBy: 'PRODUCT',
          }),
        );
        weights = joinSql(branches, ' union all ');
      } else {
        weights = tradeWeightsSql({ ...common, product: args.product, reporters: [...keys], extraGroup: false, marketBy: 'REPORTER' });
      }
      const rows = await connection.execute<Array<ConcentrationRow & { market: string }>>(
        concentrationSql(weights.sql, { k: args.k, top: args.top }),
        weights.params as never[],
      );
      return alignOne(keys, rows, (r) => String(r.market).trim()).map((r) => r ?? undefined);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
