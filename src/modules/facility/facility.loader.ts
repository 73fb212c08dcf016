import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findChildrenLimited, findWithParent } from '../../database/raw';
import { alignMany, alignOne, LoaderFamily, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import { Brand } from '../brand/brand.entity';
import { ProductType } from '../product-type/product-type.entity';
import { Facility } from './facility.entity';

/** Facilities by id. */
export function createFacilityLoader(em: EntityManager) {
  return new DataLoader<number, Facility | null>(
    async (ids) => alignOne(ids, await em.find(Facility, { id: { $in: [...ids] } }), (f) => f.id),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The facilities in each country (first `limit` by id). */
export function createFacilitiesByCountryLoader(em: EntityManager) {
  return new LoaderFamily<{ limit: number }, string, Facility[]>(
    ({ limit }) =>
      new DataLoader(
        async (countryIds) => {
          const rows = await findChildrenLimited<string, Facility>(em, Facility, { table: 'facility', parentColumn: 'country_id', parentKeys: countryIds, limit });
          return alignMany(countryIds, rows, (r) => r.parent.trim()).map((list) => list.map((r) => r.entity));
        },
        { maxBatchSize: MAX_BATCH },
      ),
  );
}

/** The brands that disclosed each facility: at `disclosedAt`, or at any date when it is null. */
export function createFacilityBrandsLoader(em: EntityManager) {
  return new LoaderFamily<{ disclosedAt: string | null }, number, Brand[]>(
    ({ disclosedAt }) =>
      new DataLoader(
        async (facilityIds) => {
          const rows = await findWithParent<number, Brand>(
            em,
            Brand,
            `select distinct sl.facility_id as __parent, b.* from sourcing_link sl join brand b on b.id = sl.brand_id
             where sl.facility_id in (${placeholders(facilityIds.length)}) and (?::date is null or sl.disclosed_at = ?::date)
             order by sl.facility_id, b.id`,
            [...facilityIds, disclosedAt, disclosedAt],
          );
          return alignMany(facilityIds, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
        },
        { maxBatchSize: MAX_BATCH },
      ),
  );
}

/** The product types brands disclosed for each facility, over all dates. */
export function createFacilityProductTypesLoader(em: EntityManager) {
  return new DataLoader<number, ProductType[]>(
    async (facilityIds) => {
      const rows = await findWithParent<number, ProductType>(
        em,
        ProductType,
        `select distinct sl.facility_id as __parent, t.* from sourcing_link sl join product_type t on t.id = sl.product_type_id
         where sl.facility_id in (${placeholders(facilityIds.length)}) order by sl.facility_id, t.id`,
        [...facilityIds],
      );
      return alignMany(facilityIds, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
