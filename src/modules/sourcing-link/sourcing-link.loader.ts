import type { EntityManager } from '@mikro-orm/postgresql';
import { ident, list, sql } from '../../database/sql';
import { LoaderFamily } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { SourcingLink } from './sourcing-link.entity';

type LinkParent = 'brand' | 'facility';

/**
 * The sourcing links of each brand or facility (`parent`), at `disclosedAt` or at every date when null,
 * ordered by date then id; the first `limit` of each parent.
 */
export function createLinksOfLoader(em: EntityManager, parent: LinkParent) {
  const column = ident(`sl.${parent}_id`, ['sl.brand_id', 'sl.facility_id']);
  return new LoaderFamily<{ disclosedAt: string | null; limit: number }, number, SourcingLink[]>(({ disclosedAt, limit }) =>
    firstPerParent<number, SourcingLink>(
      em,
      SourcingLink,
      (parentIds) => sql`select ${column} as __parent, sl.* from sourcing_link sl
                 where ${column} in (${list(parentIds)}) and (${disclosedAt}::date is null or sl.disclosed_at = ${disclosedAt}::date)`,
      sql`s.disclosed_at, s.id`,
    ).with({ limit }),
  );
}
