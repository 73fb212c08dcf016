import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { checkYear, checkYearRange } from '../../graphql/years';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst } from '../../graphql/nested';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';

/** Most exporters one unitValues request takes (one statement for all of them). */
export const MAX_UNIT_VALUE_EXPORTERS = LIST_BOUNDS.unitValueExporters.max;
/** Longest year range of a unit-value series. */
export const MAX_UNIT_VALUE_YEARS = 50;
/** Longest drop window, in years. */
export const MAX_DROP_WINDOW = 10;
/** Largest `first` of a unit-value ranking (every country of the table fits). */
export const RANKING_MAX = LIST_BOUNDS.unitValueRanking.max;

const invalid = (argument: string, message: string) => new AppError(ErrorCode.INVALID_ARGUMENT, `${argument}: ${message}`, { argument });

/** The thresholds shared by unit-value fields. */
@ArgsType()
export class UnitValueThresholds {
  @Field(() => Float, {
    defaultValue: 0.5,
    description:
      'Rows whose coverage (share of value with a known quantity) is below this are flagged `lowCoverage` (0–1). [Coverage](/docs/metrics#coverage).',
  })
  coverageThreshold!: number;

  @Field(() => Float, {
    defaultValue: 0.15,
    description:
      'A drop is flagged when RUV falls by more than this fraction over `dropWindow` years (0.15 = 15 %). [Drops](/docs/metrics#unit-value-trend-and-drops).',
  })
  dropThreshold!: number;

  @Field(() => Int, {
    defaultValue: 1,
    description: `Years over which a drop is measured: RUV_t against RUV_{t−window} (1–${MAX_DROP_WINDOW}).`,
  })
  dropWindow!: number;
}

/** Checks a fraction in [0, 1] and a window in 1–MAX_DROP_WINDOW. */
export function checkThresholds({ coverageThreshold, dropThreshold, dropWindow }: UnitValueThresholds): void {
  for (const [name, value] of [
    ['coverageThreshold', coverageThreshold],
    ['dropThreshold', dropThreshold],
  ] as const)
    if (!Number.isFinite(value) || value < 0 || value > 1) throw invalid(name, `must be a fraction from 0 to 1 (got ${value}).`);
  if (!Number.isInteger(dropWindow) || dropWindow < 1 || dropWindow > MAX_DROP_WINDOW)
    throw invalid('dropWindow', `must be 1–${MAX_DROP_WINDOW} years (got ${dropWindow}).`);
}

@ArgsType()
export class UnitValuesArgs {
  @Field(() => String, { nullable: true, description: 'One exporting country (ISO alpha-3); give this or `exporters`.' })
  exporter?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Several exporters (ISO alpha-3, at most ${MAX_UNIT_VALUE_EXPORTERS}), in one statement.`,
  })
  exporters?: string[] | null;

  @Field(() => String, {
    description:
      'HS code (2, 4 or 6 digits): at HS 4 or 2 the flows are rolled up as in [HS roll-up](/docs/metrics#hs-roll-up); quantities are added only in metric tons.',
  })
  product!: string;

  @Field(() => Int, { description: 'First year of the range.' })
  fromYear!: number;

  @Field(() => Int, { description: `Last year of the range (at most ${MAX_UNIT_VALUE_YEARS} years).` })
  toYear!: number;

  @Field(() => String, { nullable: true, description: 'Only the flows to this importer (ISO alpha-3): UV and world UV alike.' })
  importer?: string | null;

  @Field(() => ID, { nullable: true, description: DATASET_DESCRIPTION })
  dataset?: string | null;
}

/** Checks the years and that exactly one of exporter / exporters is given, within the bound. */
export function checkUnitValuesArgs(args: UnitValuesArgs): string[] {
  checkYearRange(args.fromYear, args.toYear, 'fromYear', 'toYear');
  if (args.toYear - args.fromYear + 1 > MAX_UNIT_VALUE_YEARS)
    throw invalid('toYear', `a series covers at most ${MAX_UNIT_VALUE_YEARS} years.`);
  const given = args.exporters ?? (args.exporter == null ? null : [args.exporter]);
  if (given === null || (args.exporter != null && args.exporters != null))
    throw invalid('exporter', 'give either `exporter` or `exporters`.');
  if (given.length === 0 || given.length > MAX_UNIT_VALUE_EXPORTERS)
    throw invalid('exporters', `give 1–${MAX_UNIT_VALUE_EXPORTERS} exporters (got ${given.length}).`);
  return given;
}

/** Checks a ranking's year, `first` and `minCoverage`. */
export function checkRankingArgs(year: number, first: number, minCoverage: number | null): void {
  checkYear(year, 'year');
  boundedFirst(first, LIST_BOUNDS.unitValueRanking);
  if (minCoverage !== null && (!Number.isFinite(minCoverage) || minCoverage < 0 || minCoverage > 1))
    throw invalid('minCoverage', `must be a fraction from 0 to 1 (got ${minCoverage}).`);
}
