import type { EntityManager } from '@mikro-orm/postgresql';
import { byPrimaryKey, listByParent } from '../../graphql/loader-utils';
import { Country } from '../country/country.entity';
import { CountryGroup } from './country-group.entity';

/** Country groups by code. */
export const createCountryGroupLoader = (em: EntityManager) => byPrimaryKey<CountryGroup, string>(em, CountryGroup, 'id');

/** The member countries of each group, by country id. */
export const createGroupMembersLoader = (em: EntityManager) =>
  listByParent<string, Country>(
    em,
    Country,
    (list) => `select m.group_id as __parent, c.* from country_group_member m join country c on c.id = m.country_id
               where m.group_id in (${list}) order by m.group_id, c.id`,
  );
