import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { CountryGroup } from './country-group.entity';

/** Finds a group by code (case-insensitive) or fails with UNKNOWN_COUNTRY_GROUP naming the known ones. */
export async function requireCountryGroup(em: EntityManager, code: string, argument: string): Promise<CountryGroup> {
  const group = await em.findOne(CountryGroup, { id: code.trim().toUpperCase() });
  if (group) return group;
  const known = await em.find(CountryGroup, {}, { orderBy: { id: 'asc' }, fields: ['id'] });
  throw new AppError(ErrorCode.UNKNOWN_COUNTRY_GROUP, `${argument}: no country group "${code}". Known: ${known.map((g) => g.id).join(', ')}.`, {
    argument,
    value: code,
  });
}

/** The alpha-3 ids of a group's members. */
export async function groupMemberIds(em: EntityManager, groupId: string): Promise<string[]> {
  const rows: Array<{ country_id: string }> = await em
    .getConnection()
    .execute('select country_id from country_group_member where group_id = ? order by country_id', [groupId], 'all');
  return rows.map((r) => r.country_id.trim());
}
