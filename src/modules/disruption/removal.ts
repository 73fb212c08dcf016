import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { boundInList, joinSql, type BoundSql } from '../../database/sql';
import { resolveReporter } from '../concentration/trade-arguments';
import type { DisruptionInput } from './disruption.types';

/** The set R of a scenario, validated: every id exists; groups expanded to their members. */
export interface Removal {
  /** Alpha-3 codes, sorted, without duplicates. */
  countries: string[];
  manufacturers: number[];
  facilities: number[];
}

/** Existing numeric ids, sorted and deduplicated, or `code` naming the first unknown one. */
async function requireIds<T>(
  raw: readonly string[],
  argument: string,
  what: string,
  load: (id: number) => Promise<T | null>,
  code: ErrorCode,
): Promise<number[]> {
  const ids = [...new Set(raw.map((value) => parseNumericId(value, argument, what)))].sort((a, b) => a - b);
  const found = await Promise.all(ids.map(load));
  const missing = ids.find((_, i) => !found[i]);
  if (missing !== undefined) throw new AppError(code, `${argument}: no ${what} with id ${missing}.`, { argument, value: String(missing) });
  return ids;
}

/** Validates `remove`: countries or groups (UNKNOWN_COUNTRY), manufacturers, facilities; an empty set is INVALID_ARGUMENT. */
export async function resolveRemoval(ctx: GraphQLContext, input: DisruptionInput): Promise<Removal> {
  const reporters = await Promise.all((input.countries ?? []).map((value) => resolveReporter(ctx, value, 'remove.countries')));
  const removal: Removal = {
    countries: [...new Set(reporters.flatMap((r) => r.members))].sort(),
    manufacturers: await requireIds(input.manufacturers ?? [], 'remove.manufacturers', 'manufacturer', (id) => ctx.loaders.manufacturer.load(id), ErrorCode.UNKNOWN_MANUFACTURER),
    facilities: await requireIds(input.facilities ?? [], 'remove.facilities', 'facility', (id) => ctx.loaders.facility.load(id), ErrorCode.UNKNOWN_FACILITY),
  };
  if (removal.countries.length + removal.manufacturers.length + removal.facilities.length === 0) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, 'remove: name at least one country, country group, manufacturer or facility.', { argument: 'remove' });
  }
  return removal;
}

/** Brand ids of a filter, each checked to exist (UNKNOWN_BRAND). */
export function requireBrandIds(ctx: GraphQLContext, raw: readonly string[], argument: string): Promise<number[]> {
  return requireIds(raw, argument, 'brand', (id) => ctx.loaders.brand.load(id), ErrorCode.UNKNOWN_BRAND);
}

/** SQL condition on facility `f`: it is in R (its country, its manufacturer or itself removed). */
export function removedFacilitySql(removal: Removal): BoundSql {
  const any = joinSql([boundInList('f.country_id', removal.countries), boundInList('f.manufacturer_id', removal.manufacturers), boundInList('f.id', removal.facilities)], ' or ');
  return { sql: `(${any.sql})`, params: any.params };
}
