import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, MAX_BATCH } from '../../graphql/loader-utils';
import { unitValueCells, type UnitValueCell } from './unit-value.sql';

/** What a product's ranking depends on besides the product. */
export interface RankingCellArgs {
  datasetId: number;
  mixed: boolean;
  year: number;
  importer: string | null;
}

/**
 * Every exporter's unit-value cells of many products in one year: one statement per HS level among the
 * products (a list of products is usually of one level, so one statement).
 */
export function createUnitValueRankingLoader(em: EntityManager, args: RankingCellArgs) {
  return new DataLoader<string, UnitValueCell[]>(
    async (codes) => {
      const levels = [...new Set(codes.map((c) => c.length))];
      const cells = await Promise.all(
        levels.map((level) =>
          unitValueCells(em, {
            ...args,
            products: [...new Set(codes.filter((c) => c.length === level))],
            years: { from: args.year, to: args.year },
            exporters: null,
          }),
        ),
      );
      return alignMany(codes, cells.flat(), (c) => c.productCode);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
