import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, MAX_BATCH } from '../../graphql/loader-utils';
import { qualitySignalCells, type QualitySignalArgs, type QualitySignalCell } from './quality-signals.sql';

/** Quality-signal cells of many brands in one statement per argument set (`qualitySignalCells`). */
export function createQualitySignalsLoader(em: EntityManager, args: QualitySignalArgs) {
  return new DataLoader<number, QualitySignalCell[]>(
    async (brandIds) => alignMany(brandIds, await qualitySignalCells(em, brandIds, args), (c) => Number(c.brandId)),
    { maxBatchSize: MAX_BATCH },
  );
}
