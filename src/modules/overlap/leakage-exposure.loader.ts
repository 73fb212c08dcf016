import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { leakageExposures, type LeakageArgs, type LeakageRow } from './leakage-exposure.sql';

/** A brand without facilities by then: nothing exposed, no share. */
const noExposure = (brandId: number): LeakageRow => ({
  brandId,
  asOf: null,
  facilities: 0,
  participants: 0,
  capacity: 0,
  unknownCapacity: 0,
  exposedFacilities: 0,
  exposedParticipants: 0,
  exposedCapacity: 0,
  exposedUnknownCapacity: 0,
  share: null,
  rivals: 0,
});

/** Leakage exposure of many brands in one statement per argument set (`leakageExposures`). */
export function createLeakageExposureLoader(em: EntityManager, args: LeakageArgs) {
  return new DataLoader<number, LeakageRow>(
    async (brandIds) => {
      const rows = alignOne(brandIds, await leakageExposures(em, brandIds, args), (r) => r.brandId);
      return brandIds.map((brandId, i) => rows[i] ?? noExposure(brandId));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
