import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { CountryGroup } from './country-group.entity';
import { memberIds } from './membership.sql';

/** A group code as stored: trimmed, upper case ("eu27 " is EU27). */
const groupCode = (raw: string) => raw.trim().toUpperCase();

/**
 * The alpha-3 ids of a group's members, by group code (case-insensitive), in one statement; null when
 * there is no such group.
 */
export async function groupMembers(em: EntityManager, raw: string): Promise<string[] | null> {
  const code = groupCode(raw);
  const rows = await queryRows<{ countryId: string | null }>(
    em,
    sql`select s.country_id as "countryId" from country_group g left join (${memberIds({ kind: 'group', code })}) s on true
        where g.id = ${code} order by s.country_id`,
  );
  if (rows.length === 0) return null;
  return rows.flatMap((r) => (r.countryId === null ? [] : [r.countryId.trim()]));
}

/**
 * Checks that a country group exists (code case-insensitive) and returns its code as stored, for a
 * `{ kind: 'group' }` membership; UNKNOWN_COUNTRY_GROUP naming the known groups otherwise.
 */
export async function requireGroup(em: EntityManager, raw: string, argument: string): Promise<string> {
  const code = groupCode(raw);
  if ((await em.count(CountryGroup, { id: code })) > 0) return code;
  const known = await em.find(CountryGroup, {}, { orderBy: { id: 'asc' }, fields: ['id'] });
  throw new AppError(
    ErrorCode.UNKNOWN_COUNTRY_GROUP,
    `${argument}: no country group "${raw}". Known: ${known.map((g) => g.id).join(', ')}.`,
    {
      argument,
      value: raw,
    },
  );
}
