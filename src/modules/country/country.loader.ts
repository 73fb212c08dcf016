import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findWithParent } from '../../database/raw';
import { alignMany, alignOne, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import { CountryGroup } from '../country-group/country-group.entity';
import { Country } from './country.entity';

/** Countries by ISO alpha-3 id. */
export function createCountryLoader(em: EntityManager) {
  return new DataLoader<string, Country | null>(
    async (ids) => alignOne(ids, await em.find(Country, { id: { $in: [...ids] } }), (c) => c.id),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The groups (EU27, G7…) each country belongs to. */
export function createGroupsOfCountryLoader(em: EntityManager) {
  return new DataLoader<string, CountryGroup[]>(
    async (ids) => {
      const rows = await findWithParent<string, CountryGroup>(
        em,
        CountryGroup,
        `select m.country_id as __parent, g.* from country_group_member m join country_group g on g.id = m.group_id
         where m.country_id in (${placeholders(ids.length)}) order by m.country_id, g.id`,
        [...ids],
      );
      return alignMany(ids, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
