import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findChildrenLimited } from '../../database/raw';
import { alignMany, alignOne, LoaderFamily, MAX_BATCH } from '../../graphql/loader-utils';
import { Facility } from '../facility/facility.entity';
import { Manufacturer } from './manufacturer.entity';

/** Manufacturers by id. */
export function createManufacturerLoader(em: EntityManager) {
  return new DataLoader<number, Manufacturer | null>(
    async (ids) => alignOne(ids, await em.find(Manufacturer, { id: { $in: [...ids] } }), (m) => m.id),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The facilities each manufacturer owns (first `limit` by id). */
export function createManufacturerFacilitiesLoader(em: EntityManager) {
  return new LoaderFamily<{ limit: number }, number, Facility[]>(
    ({ limit }) =>
      new DataLoader(
        async (ids) => {
          const rows = await findChildrenLimited<number, Facility>(em, Facility, { table: 'facility', parentColumn: 'manufacturer_id', parentKeys: ids, limit });
          return alignMany(ids, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
        },
        { maxBatchSize: MAX_BATCH },
      ),
  );
}
