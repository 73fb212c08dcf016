import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogDataset } from '../../catalog/catalog';
import { AppError, ErrorCode } from '../../errors/app-error';
import { WarningCode } from '../../errors/warning-code';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { warn } from '../../graphql/warnings';
import { requireCountries } from '../country/country-code';
import { importsOnlyWarning } from '../dataset/dataset-coverage';

export const INDICATOR_DATASET_DESCRIPTION =
  'Dataset of bilateral flows (BACI, Comtrade) the figure is computed from; its world totals are every flow it holds that year. Default: the default trade dataset. Exporter totals hold no partners and are refused.';

export const MAX_INDICATOR_COUNTRIES = LIST_BOUNDS.indicatorCountries.max;

/**
 * The countries of a `x | xs` argument pair: exactly one of the two, every code a known country (UNKNOWN_COUNTRY
 * or MALFORMED_COUNTRY_CODE naming the argument), at most MAX_INDICATOR_COUNTRIES of them, duplicates once.
 */
export async function countriesArgument(
  ctx: GraphQLContext,
  one: string | null | undefined,
  many: readonly string[] | null | undefined,
  names: [one: string, many: string],
): Promise<string[]> {
  if ((one == null) === (many == null))
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `Name either \`${names[0]}\` or \`${names[1]}\` (one of the two).`, {
      argument: names[1],
    });
  const raws = one != null ? [one] : many!;
  if (raws.length === 0 || raws.length > MAX_INDICATOR_COUNTRIES)
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `${names[1]}: name 1 to ${MAX_INDICATOR_COUNTRIES} countries (got ${raws.length}).`, {
      argument: names[1],
    });
  return requireCountries(await ctx.catalog.snapshot(), raws, one != null ? names[0] : names[1]);
}

/**
 * What an indicator answer must say besides its figures: world exports read from an imports-only dataset
 * (IMPORTS_ONLY_DATASET: X_c, X_w and exporters' structures are then the exports to its few reporters), and a
 * year without any flow (NO_MATCHING_ROWS: the nulls are no finding).
 */
export function warnIndicator(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  dataset: CatalogDataset,
  figure: string,
  year: number,
  empty: boolean,
) {
  const partial = importsOnlyWarning(dataset, figure);
  if (partial) warn(ctx.warnings, info, partial.code, partial.message);
  if (empty)
    warn(
      ctx.warnings,
      info,
      WarningCode.NO_MATCHING_ROWS,
      `Dataset ${dataset.id} ("${dataset.name}" ${dataset.version}) holds no flow for ${figure} in ${year}: the nulls and zeros are no finding.`,
    );
}

/** A count threshold: a number ≥ 0 (INVALID_ARGUMENT naming `threshold`). */
export function checkThreshold(threshold: number): void {
  if (!(threshold >= 0) || !Number.isFinite(threshold))
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `threshold must be a number ≥ 0 (got ${threshold}).`, { argument: 'threshold' });
}
