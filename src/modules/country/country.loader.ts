import type { EntityManager } from '@mikro-orm/postgresql';
import { byPrimaryKey } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { CountryGroup } from '../country-group/country-group.entity';
import { Country } from './country.entity';

/** Countries by ISO alpha-3 id. */
export const createCountryLoader = (em: EntityManager) => byPrimaryKey<Country, string>(em, Country, 'id');

/** The groups (EU27, G7…) each country belongs to, first `limit` by code. */
export const createGroupsOfCountryLoader = (em: EntityManager) =>
  firstPerParent<string, CountryGroup>(
    em,
    CountryGroup,
    (list) => `select m.country_id as __parent, g.* from country_group_member m join country_group g on g.id = m.group_id
               where m.country_id in (${list})`,
    's.id',
  );
