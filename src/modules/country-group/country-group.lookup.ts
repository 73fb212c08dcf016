import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { CountryGroup } from './country-group.entity';

/**
 * The alpha-3 ids of a group's members, by group code (case-insensitive), in one statement; null when
 * there is no such group.
 */
export async function groupMembers(em: EntityManager, code: string): Promise<string[] | null> {
  const rows: Array<{ country_id: string | null }> = await em
    .getConnection()
    .execute(
      'select m.country_id from country_group g left join country_group_member m on m.group_id = g.id where g.id = ? order by m.country_id',
      [code.trim().toUpperCase()],
      'all',
    );
  if (rows.length === 0) return null;
  return rows.filter((r) => r.country_id !== null).map((r) => r.country_id!.trim());
}

/** A group's members by code, or UNKNOWN_COUNTRY_GROUP naming the known groups. */
export async function requireGroupMembers(em: EntityManager, code: string, argument: string): Promise<string[]> {
  const members = await groupMembers(em, code);
  if (members) return members;
  const known = await em.find(CountryGroup, {}, { orderBy: { id: 'asc' }, fields: ['id'] });
  throw new AppError(ErrorCode.UNKNOWN_COUNTRY_GROUP, `${argument}: no country group "${code}". Known: ${known.map((g) => g.id).join(', ')}.`, {
    argument,
    value: code,
  });
}
