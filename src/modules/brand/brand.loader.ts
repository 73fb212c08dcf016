import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, byPrimaryKey, firstChildrenByParent, LoaderFamily, listByParent, MAX_BATCH } from '../../graphql/loader-utils';
import { queryRows } from '../../database/query';
import { list, sql } from '../../database/sql';
import { Facility } from '../facility/facility.entity';
import { Brand } from './brand.entity';

/** Brands by id. */
export const createBrandLoader = (em: EntityManager) => byPrimaryKey<Brand, number>(em, Brand, 'id');

/** Brands headquartered in each country (first `limit` by id). */
export const createBrandsByHqCountryLoader = (em: EntityManager) =>
  firstChildrenByParent<string, Brand>(em, Brand, 'brand', 'hq_country_id');

/**
 * The facilities each brand disclosed at `disclosedAt` — by default at the brand's own latest
 * disclosure — first `limit` by id.
 */
export const createBrandFacilitiesLoader = (em: EntityManager) =>
  new LoaderFamily<{ disclosedAt: string | null; limit: number }, number, Facility[]>(({ disclosedAt, limit }) =>
    listByParent<number, Facility>(
      em,
      Facility,
      (brandIds) => sql`with picked as (
          select distinct sl.brand_id, sl.facility_id from sourcing_link sl
          where sl.brand_id in (${list(brandIds)})
            and sl.disclosed_at = coalesce(${disclosedAt}::date, (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id))
        ), ranked as (
          select brand_id, facility_id, row_number() over (partition by brand_id order by facility_id) as rn from picked
        )
        select r.brand_id as __parent, f.* from ranked r join facility f on f.id = r.facility_id
        where r.rn <= ${limit} order by r.brand_id, f.id`,
    ),
  );

/** The disclosure dates of each brand, oldest first (YYYY-MM-DD). */
export const createBrandDisclosureDatesLoader = (em: EntityManager) =>
  new DataLoader<number, string[]>(
    async (brandIds) => {
      const rows = await queryRows<{ brandId: number; date: string }>(
        em,
        sql`select distinct brand_id as "brandId", to_char(disclosed_at, 'YYYY-MM-DD') as "date" from sourcing_link
            where brand_id in (${list(brandIds)}) order by "brandId", "date"`,
      );
      return alignMany(brandIds, rows, (r) => r.brandId).map((dates) => dates.map((r) => r.date));
    },
    { maxBatchSize: MAX_BATCH },
  );
