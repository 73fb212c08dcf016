import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { parseNumericId } from '../../graphql/ids';
import { containsPattern } from '../../graphql/like';
import { requireCountries } from '../country/country-code';
import { requireGroupMembers } from '../country-group/country-group.lookup';
import { Facility } from './facility.entity';
import type { FacilityFilter } from './facility.input';
import { requireProductType } from '../product-type/product-type.lookup';

/**
 * Builds the facility query for a filter, validating every argument first.
 * Wrapped in an object because a MikroORM QueryBuilder is thenable: awaiting it directly would run it.
 */
export async function facilityQuery(em: EntityManager, filter: FacilityFilter | null): Promise<{ qb: QueryBuilder<Facility> }> {
  const qb = em.createQueryBuilder(Facility, 'f');
  if (!filter) return { qb };
  if (filter.countries?.length) qb.andWhere({ country: { $in: await requireCountries(em, filter.countries, 'filter.countries') } });
  if (filter.countryGroup) {
    qb.andWhere({ country: { $in: await requireGroupMembers(em, filter.countryGroup, 'filter.countryGroup') } });
  }
  if (filter.manufacturer) qb.andWhere({ manufacturer: parseNumericId(filter.manufacturer, 'filter.manufacturer', 'manufacturer') });
  if (filter.search) {
    const like = containsPattern(filter.search);
    qb.andWhere({ $or: [{ name: { $ilike: like } }, { address: { $ilike: like } }, { city: { $ilike: like } }] });
  }
  const linkConditions: string[] = [];
  const params: unknown[] = [];
  if (filter.brand) {
    linkConditions.push('sl.brand_id = ?');
    params.push(parseNumericId(filter.brand, 'filter.brand', 'brand'));
  }
  if (filter.disclosedAt) {
    linkConditions.push('sl.disclosed_at = ?');
    params.push(filter.disclosedAt);
  }
  if (filter.productType) {
    linkConditions.push('sl.product_type_id = ?');
    params.push(await requireProductType(em, filter.productType, 'filter.productType'));
  }
  if (linkConditions.length > 0) {
    qb.andWhere(`exists (select 1 from sourcing_link sl where sl.facility_id = f.id and ${linkConditions.join(' and ')})`, params);
  }
  return { qb };
}
