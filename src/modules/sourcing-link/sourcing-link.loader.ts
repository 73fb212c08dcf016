import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, LoaderFamily, MAX_BATCH } from '../../graphql/loader-utils';
import { SourcingLink } from './sourcing-link.entity';

type LinkParent = 'brand' | 'facility';

/**
 * The sourcing links of each brand or facility (`parent`), at `disclosedAt` or at every date when null,
 * ordered by date then id.
 */
export function createLinksOfLoader(em: EntityManager, parent: LinkParent) {
  return new LoaderFamily<{ disclosedAt: string | null }, number, SourcingLink[]>(
    ({ disclosedAt }) =>
      new DataLoader(
        async (ids) => {
          const where = { [parent]: { $in: [...ids] }, ...(disclosedAt ? { disclosedAt } : {}) };
          const rows = await em.find(SourcingLink, where, { orderBy: { disclosedAt: 'asc', id: 'asc' } });
          return alignMany(ids, rows, (link) => link[parent].unwrap().id);
        },
        { maxBatchSize: MAX_BATCH },
      ),
  );
}
