import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../database/sql';
import { byPrimaryKey } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { CountryGroup } from '../country-group/country-group.entity';
import { groupMemberships } from '../country-group/membership.sql';
import { Country } from './country.entity';

/** Countries by ISO alpha-3 id. */
export const createCountryLoader = (em: EntityManager) => byPrimaryKey<Country, string>(em, Country, 'id');

/** The groups (EU27, G7…) each country belongs to, first `limit` by code. */
export const createGroupsOfCountryLoader = (em: EntityManager) =>
  firstPerParent<string, CountryGroup>(
    em,
    CountryGroup,
    (countries) =>
      sql`select m.country_id as __parent, g.* from (${groupMemberships({ countries })}) m join country_group g on g.id = m.group_id`,
    sql`s.id`,
  );
