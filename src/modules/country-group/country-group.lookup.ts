import type { CatalogSnapshot } from '../../catalog/catalog';
import { AppError, ErrorCode } from '../../errors/app-error';

/**
 * Checks that a country group exists (code case-insensitive: "eu27 " is EU27) and returns its code as
 * stored, for a `{ kind: 'group' }` membership; UNKNOWN_COUNTRY_GROUP naming the known groups otherwise.
 */
export function requireGroup(catalog: CatalogSnapshot, raw: string, argument: string): string {
  const code = raw.trim().toUpperCase();
  if (catalog.groupMembers(code)) return code;
  throw new AppError(
    ErrorCode.UNKNOWN_COUNTRY_GROUP,
    `${argument}: no country group "${raw}". Known: ${catalog.groupCodes().join(', ')}.`,
    {
      argument,
      value: raw,
    },
  );
}
