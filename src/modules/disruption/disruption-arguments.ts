import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { resolveReporter } from '../concentration/trade-arguments';
import type { TradeReporter } from '../concentration/trade-reporter';
import { checkHsLevel } from '../product/hs-code';
import type { DisruptionInput } from './disruption.types';
import type { Removal } from './removal';

/* Disruption arguments resolved on the request context (its per-request loaders): what resolvers call before delegating. */

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
    manufacturers: await requireIds(
      input.manufacturers ?? [],
      'remove.manufacturers',
      'manufacturer',
      (id) => ctx.loaders.manufacturer.load(id),
      ErrorCode.UNKNOWN_MANUFACTURER,
    ),
    facilities: await requireIds(
      input.facilities ?? [],
      'remove.facilities',
      'facility',
      (id) => ctx.loaders.facility.load(id),
      ErrorCode.UNKNOWN_FACILITY,
    ),
  };
  if (removal.countries.length + removal.manufacturers.length + removal.facilities.length === 0) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, 'remove: name at least one country, country group, manufacturer or facility.', {
      argument: 'remove',
    });
  }
  return removal;
}

/** Brand ids of a filter, each checked to exist (UNKNOWN_BRAND). */
export function requireBrandIds(ctx: GraphQLContext, raw: readonly string[], argument: string): Promise<number[]> {
  return requireIds(raw, argument, 'brand', (id) => ctx.loaders.brand.load(id), ErrorCode.UNKNOWN_BRAND);
}

/** The importers asked, each once (countries, or groups each read as one importer); null = every importer country. */
export async function resolveImporters(ctx: GraphQLContext, importers: readonly string[] | null): Promise<TradeReporter[] | null> {
  if (importers == null) return null;
  return Promise.all([...new Set(importers.map((i) => i.trim().toUpperCase()))].map((i) => resolveReporter(ctx, i, 'importers')));
}

/** The HS level of import markets: `level`, else that of `product`, else 6; never coarser than `product` (INVALID_ARGUMENT). */
export function marketLevel(level: number | null, product: string | null): number {
  const marketLevel = level ?? product?.length ?? 6;
  checkHsLevel(marketLevel, 'level');
  if (marketLevel < (product?.length ?? 2)) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `level must not be coarser than product (got ${level} for "${product}").`, {
      argument: 'level',
      value: level,
    });
  }
  return marketLevel;
}
