import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, byPrimaryKey, firstChildrenByParent, LoaderFamily, listByParent, MAX_BATCH } from '../../graphql/loader-utils';
import { placeholders } from '../../database/sql';
import { Facility } from '../facility/facility.entity';
import { Brand } from './brand.entity';

/** Brands by id. */
export const createBrandLoader = (em: EntityManager) => byPrimaryKey<Brand, number>(em, Brand, 'id');

/** Brands headquartered in each country (first `limit` by id). */
export const createBrandsByHqCountryLoader = (em: EntityManager) => firstChildrenByParent<string, Brand>(em, Brand, 'brand', 'hq_country_id');

/**
 * The facilities each brand disclosed at `disclosedAt` — by default at the brand's own latest
 * disclosure — first `limit` by id.
 */
export const createBrandFacilitiesLoader = (em: EntityManager) =>
  new LoaderFamily<{ disclosedAt: string | null; limit: number }, number, Facility[]>(({ disclosedAt, limit }) =>
    listByParent<number, Facility>(
      em,
      Facility,
      (list) => `with picked as (
          select distinct sl.brand_id, sl.facility_id from sourcing_link sl
          where sl.brand_id in (${list})
            and sl.disclosed_at = coalesce(?::date, (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id))
        ), ranked as (
          select brand_id, facility_id, row_number() over (partition by brand_id order by facility_id) as rn from picked
        )
        select r.brand_id as __parent, f.* from ranked r join facility f on f.id = r.facility_id
        where r.rn <= ? order by r.brand_id, f.id`,
      () => [disclosedAt, limit],
    ),
  );

/** The disclosure dates of each brand, oldest first (YYYY-MM-DD). */
export const createBrandDisclosureDatesLoader = (em: EntityManager) =>
  new DataLoader<number, string[]>(
    async (brandIds) => {
      const rows: Array<{ brand_id: number; d: string }> = await em.getConnection().execute(
        `select distinct brand_id, to_char(disclosed_at, 'YYYY-MM-DD') as d from sourcing_link
         where brand_id in (${placeholders(brandIds.length)}) order by brand_id, d`,
        [...brandIds],
      );
      return alignMany(brandIds, rows, (r) => r.brand_id).map((list) => list.map((r) => r.d));
    },
    { maxBatchSize: MAX_BATCH },
  );
