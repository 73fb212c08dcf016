import type { EntityManager } from '@mikro-orm/postgresql';
import { LoaderFamily } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { SourcingLink } from './sourcing-link.entity';

type LinkParent = 'brand' | 'facility';

/**
 * The sourcing links of each brand or facility (`parent`), at `disclosedAt` or at every date when null,
 * ordered by date then id; the first `limit` of each parent.
 */
export function createLinksOfLoader(em: EntityManager, parent: LinkParent) {
  const column = `${parent}_id`;
  return new LoaderFamily<{ disclosedAt: string | null; limit: number }, number, SourcingLink[]>(({ disclosedAt, limit }) =>
    firstPerParent<number, SourcingLink>(
      em,
      SourcingLink,
      (list) => `select sl.${column} as __parent, sl.* from sourcing_link sl
                 where sl.${column} in (${list}) and (?::date is null or sl.disclosed_at = ?::date)`,
      's.disclosed_at, s.id',
      () => [disclosedAt, disclosedAt],
    ).with({ limit }),
  );
}
