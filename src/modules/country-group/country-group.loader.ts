import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../database/sql';
import { byPrimaryKey } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { Country } from '../country/country.entity';
import { CountryGroup } from './country-group.entity';
import { groupMemberships } from './membership.sql';

/** Country groups by code. */
export const createCountryGroupLoader = (em: EntityManager) => byPrimaryKey<CountryGroup, string>(em, CountryGroup, 'id');

/** The member countries of each group, first `limit` by country id. */
export const createGroupMembersLoader = (em: EntityManager) =>
  firstPerParent<string, Country>(
    em,
    Country,
    (groups) => sql`select m.group_id as __parent, c.* from (${groupMemberships({ groups })}) m join country c on c.id = m.country_id`,
    sql`s.id`,
  );
