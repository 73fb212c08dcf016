import type { EntityManager } from '@mikro-orm/postgresql';
import { byPrimaryKey, firstChildrenByParent, LoaderFamily, listByParent } from '../../graphql/loader-utils';
import { Brand } from '../brand/brand.entity';
import { ProductType } from '../product-type/product-type.entity';
import { Facility } from './facility.entity';

/** Facilities by id. */
export const createFacilityLoader = (em: EntityManager) => byPrimaryKey<Facility, number>(em, Facility, 'id');

/** The facilities in each country (first `limit` by id). */
export const createFacilitiesByCountryLoader = (em: EntityManager) => firstChildrenByParent<string, Facility>(em, Facility, 'facility', 'country_id');

/** The brands that disclosed each facility: at `disclosedAt`, or at any date when it is null. */
export const createFacilityBrandsLoader = (em: EntityManager) =>
  new LoaderFamily<{ disclosedAt: string | null }, number, Brand[]>(({ disclosedAt }) =>
    listByParent<number, Brand>(
      em,
      Brand,
      (list) => `select distinct sl.facility_id as __parent, b.* from sourcing_link sl join brand b on b.id = sl.brand_id
                 where sl.facility_id in (${list}) and (?::date is null or sl.disclosed_at = ?::date)
                 order by sl.facility_id, b.id`,
      () => [disclosedAt, disclosedAt],
    ),
  );

/** The product types brands disclosed for each facility, over all dates. */
export const createFacilityProductTypesLoader = (em: EntityManager) =>
  listByParent<number, ProductType>(
    em,
    ProductType,
    (list) => `select distinct sl.facility_id as __parent, t.* from sourcing_link sl join product_type t on t.id = sl.product_type_id
               where sl.facility_id in (${list}) order by sl.facility_id, t.id`,
  );
