import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { Dataset } from './dataset.entity';

/** Datasets by id. */
export function createDatasetLoader(em: EntityManager) {
  return new DataLoader<number, Dataset | null>(
    async (ids) => alignOne(ids, await em.find(Dataset, { id: { $in: [...ids] } }), (d) => d.id),
    { maxBatchSize: MAX_BATCH },
  );
}
