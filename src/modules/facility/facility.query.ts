import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import type { RequestCatalog } from '../../graphql/context';
import { andWhereSql } from '../../database/raw';
import { join, sql, type Sql } from '../../database/sql';
import { parseNumericId } from '../../graphql/ids';
import { containsPattern } from '../../graphql/like';
import { requireCountries } from '../country/country-code';
import { requireGroup } from '../country-group/country-group.lookup';
import { memberOfAll } from '../country-group/membership.sql';
import { Facility } from './facility.entity';
import type { FacilityFilter } from './facility.input';
import { requireProductType } from '../product-type/product-type.lookup';

/**
 * Builds the facility query for a filter, validating every argument first.
 * Wrapped in an object because a MikroORM QueryBuilder is thenable: awaiting it directly would run it.
 */
export async function facilityQuery(
  em: EntityManager,
  catalog: RequestCatalog,
  filter: FacilityFilter | null,
): Promise<{ qb: QueryBuilder<Facility> }> {
  const qb = em.createQueryBuilder(Facility, 'f');
  if (!filter) return { qb };
  if (filter.countries?.length)
    qb.andWhere({ country: { $in: requireCountries(await catalog.snapshot(), filter.countries, 'filter.countries') } });
  if (filter.countryGroup) {
    andWhereSql(
      qb,
      memberOfAll(sql`f.country_id`, [
        { kind: 'group', code: requireGroup(await catalog.snapshot(), filter.countryGroup, 'filter.countryGroup') },
      ]),
    );
  }
  if (filter.manufacturer) qb.andWhere({ manufacturer: parseNumericId(filter.manufacturer, 'filter.manufacturer', 'manufacturer') });
  if (filter.search) {
    const like = containsPattern(filter.search);
    qb.andWhere({ $or: [{ name: { $ilike: like } }, { address: { $ilike: like } }, { city: { $ilike: like } }] });
  }
  // Conditions on one sourcing link of the facility: all must hold for the same link.
  const link: Sql[] = [];
  if (filter.brand) link.push(sql`sl.brand_id = ${parseNumericId(filter.brand, 'filter.brand', 'brand')}`);
  if (filter.disclosedAt) link.push(sql`sl.disclosed_at = ${filter.disclosedAt}`);
  if (filter.productType) link.push(sql`sl.product_type_id = ${await requireProductType(em, filter.productType, 'filter.productType')}`);
  if (link.length > 0) andWhereSql(qb, sql`exists (select 1 from sourcing_link sl where sl.facility_id = f.id and ${join(link, ' and ')})`);
  return { qb };
}
