import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import { hsRollupCondition, MIXED_LEVELS_SQL } from '../trade-flow/hs-rollup.sql';
import type { ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';

export interface ImportMarketArgs {
  datasetId: number;
  product: string;
  year: number;
  k: number;
  top: number;
}

/**
 * Import-source concentration of many importing countries (one market each) in one statement: the
 * batched form of `importConcentration`, for `Country.importConcentration` under a list of countries.
 */
export function createImportConcentrationLoader(em: EntityManager, args: ImportMarketArgs) {
  return new DataLoader<string, ConcentrationRow | undefined>(
    async (importers) => {
      const connection = em.getConnection();
      const [{ mixed }] = await connection.execute<Array<{ mixed: boolean }>>(MIXED_LEVELS_SQL, [args.datasetId]);
      const weights = `select f.importer_id as market, f.exporter_id as participant, f.value_usd as weight from trade_flow f
        where f.dataset_id = ? and f.year = ? and f.importer_id in (${placeholders(importers.length)})
          and f.product_code like ? and ${hsRollupCondition(args.product.length, mixed)}`;
      const rows = await connection.execute<Array<ConcentrationRow & { market: string }>>(concentrationSql(weights, { k: args.k, top: args.top }), [
        args.datasetId,
        args.year,
        ...importers,
        `${args.product}%`,
      ] as never[]);
      return alignOne(importers, rows, (r) => r.market.trim()).map((r) => r ?? undefined);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
