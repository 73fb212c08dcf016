import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';

export type RegionLevel = 'region' | 'sub_region';

/** Checks that a UN M49 region or sub-region name exists (case-insensitive) and returns its stored spelling. */
export async function requireRegionName(em: EntityManager, level: RegionLevel, name: string, argument: string): Promise<string> {
  const rows: Array<{ name: string }> = await em
    .getConnection()
    .execute(`select distinct ${level} as name from country where ${level} is not null order by 1`, [], 'all');
  const match = rows.find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  if (!match) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `${argument}: unknown UN M49 ${level === 'region' ? 'region' : 'sub-region'} "${name}". Known: ${rows.map((r) => r.name).join(', ')}.`, {
      argument,
      value: name,
    });
  }
  return match.name;
}
