import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { ident, sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';

export type RegionLevel = 'region' | 'sub_region';

/** The UN M49 names of a level that some country has, in order. */
function regionNames(em: EntityManager, level: RegionLevel): Promise<Array<{ name: string }>> {
  const column = ident(level, ['region', 'sub_region']);
  return queryRows<{ name: string }>(em, sql`select distinct ${column} as name from country where ${column} is not null order by 1`);
}

/** Checks that a UN M49 region or sub-region name exists (case-insensitive) and returns its stored spelling. */
export async function requireRegionName(em: EntityManager, level: RegionLevel, name: string, argument: string): Promise<string> {
  const rows = await regionNames(em, level);
  const match = rows.find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  if (!match) {
    throw new AppError(
      ErrorCode.INVALID_ARGUMENT,
      `${argument}: unknown UN M49 ${level === 'region' ? 'region' : 'sub-region'} "${name}". Known: ${rows.map((r) => r.name).join(', ')}.`,
      {
        argument,
        value: name,
      },
    );
  }
  return match.name;
}
