import type { CatalogSnapshot } from '../../catalog/catalog';
import { AppError, ErrorCode } from '../../errors/app-error';

export type RegionLevel = 'region' | 'sub_region';

/** Checks that a UN M49 region or sub-region name exists (case-insensitive) and returns its stored spelling. */
export function requireRegionName(catalog: CatalogSnapshot, level: RegionLevel, name: string, argument: string): string {
  const names = catalog.regionNames(level);
  const match = names.find((n) => n.toLowerCase() === name.trim().toLowerCase());
  if (!match) {
    throw new AppError(
      ErrorCode.INVALID_ARGUMENT,
      `${argument}: unknown UN M49 ${level === 'region' ? 'region' : 'sub-region'} "${name}". Known: ${names.join(', ')}.`,
      {
        argument,
        value: name,
      },
    );
  }
  return match;
}
