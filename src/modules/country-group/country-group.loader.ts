import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findWithParent } from '../../database/raw';
import { alignMany, alignOne, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import { Country } from '../country/country.entity';
import { CountryGroup } from './country-group.entity';

/** Country groups by code. */
export function createCountryGroupLoader(em: EntityManager) {
  return new DataLoader<string, CountryGroup | null>(
    async (ids) => alignOne(ids, await em.find(CountryGroup, { id: { $in: [...ids] } }), (g) => g.id),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The member countries of each group, by country id. */
export function createGroupMembersLoader(em: EntityManager) {
  return new DataLoader<string, Country[]>(
    async (ids) => {
      const rows = await findWithParent<string, Country>(
        em,
        Country,
        `select m.group_id as __parent, c.* from country_group_member m join country c on c.id = m.country_id
         where m.group_id in (${placeholders(ids.length)}) order by m.group_id, c.id`,
        [...ids],
      );
      return alignMany(ids, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
