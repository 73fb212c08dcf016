import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, alignOne, LoaderFamily, listByParent, MAX_BATCH } from '../../graphql/loader-utils';
import { Facility } from '../facility/facility.entity';
import type { ShareShift } from './share-shift.types';
import {
  changedFacilities,
  disclosureShares,
  facilityDiffs,
  type ChangedFacilitiesArgs,
  type DisclosurePair,
  type FacilityDiff,
  type ShareArgs,
} from './disclosure-change.sql';

/** Facilities added, dropped and kept by many brands, with the dates read, in one statement (`facilityDiffs`). */
export function createFacilityDiffLoader(em: EntityManager, pair: DisclosurePair) {
  return new DataLoader<number, FacilityDiff>(
    async (brandIds) =>
      alignOne(brandIds, await facilityDiffs(em, brandIds, pair), (d) => Number(d.brandId)).map(
        (d) => d ?? { fromDate: null, toDate: null, added: 0, dropped: 0, kept: 0 },
      ),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The facilities of one kind of change (first `limit` by id) of many brands, in one statement per argument set. */
export const createChangedFacilitiesLoader = (em: EntityManager) =>
  new LoaderFamily<ChangedFacilitiesArgs, number, Facility[]>((args) =>
    listByParent<number, Facility>(em, Facility, (brandIds) => changedFacilities(brandIds, args)),
  );

/** Share shifts of many brands' supplier markets between the two sides, in one statement (`disclosureShares`). */
export function createDisclosureSharesLoader(em: EntityManager, args: ShareArgs) {
  return new DataLoader<number, ShareShift[]>(
    async (brandIds) =>
      alignMany(brandIds, await disclosureShares(em, brandIds, args), (s) => s.brandId).map((shifts) => shifts.map((s) => s.shift)),
    { maxBatchSize: MAX_BATCH },
  );
}
