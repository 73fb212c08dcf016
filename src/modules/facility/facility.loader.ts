import type { EntityManager } from '@mikro-orm/postgresql';
import { list, sql } from '../../database/sql';
import { byPrimaryKey, firstChildrenByParent, LoaderFamily } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { Brand } from '../brand/brand.entity';
import { ProductType } from '../product-type/product-type.entity';
import { Facility } from './facility.entity';

/** Facilities by id. */
export const createFacilityLoader = (em: EntityManager) => byPrimaryKey<Facility, number>(em, Facility, 'id');

/** The facilities in each country (first `limit` by id). */
export const createFacilitiesByCountryLoader = (em: EntityManager) =>
  firstChildrenByParent<string, Facility>(em, Facility, 'facility', 'country_id');

/** The brands that disclosed each facility: at `disclosedAt`, or at any date when it is null; first `limit` by id. */
export const createFacilityBrandsLoader = (em: EntityManager) =>
  new LoaderFamily<{ disclosedAt: string | null; limit: number }, number, Brand[]>(({ disclosedAt, limit }) =>
    firstPerParent<number, Brand>(
      em,
      Brand,
      (facilityIds) => sql`select distinct sl.facility_id as __parent, b.* from sourcing_link sl join brand b on b.id = sl.brand_id
                 where sl.facility_id in (${list(facilityIds)}) and (${disclosedAt}::date is null or sl.disclosed_at = ${disclosedAt}::date)`,
      sql`s.id`,
    ).with({ limit }),
  );

/** The product types brands disclosed for each facility, over all dates; first `limit` by id. */
export const createFacilityProductTypesLoader = (em: EntityManager) =>
  firstPerParent<number, ProductType>(
    em,
    ProductType,
    (
      facilityIds,
    ) => sql`select distinct sl.facility_id as __parent, t.* from sourcing_link sl join product_type t on t.id = sl.product_type_id
               where sl.facility_id in (${list(facilityIds)})`,
    sql`s.id`,
  );
