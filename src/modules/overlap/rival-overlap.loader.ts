import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { noOverlap, rivalOverlaps, type BrandOverlap, type RivalOverlapArgs } from './rival-overlap.sql';

/** Rival overlap of many brands in one statement per argument set (`rivalOverlaps`). */
export function createRivalOverlapLoader(em: EntityManager, args: RivalOverlapArgs) {
  return new DataLoader<number, BrandOverlap>(
    async (brandIds) => {
      const overlaps = alignOne(brandIds, await rivalOverlaps(em, brandIds, args), (o) => o.brandId);
      return brandIds.map((brandId, i) => overlaps[i] ?? noOverlap(brandId));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
