import { ArgsType, Field, ID, Int } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { checkYearRange } from '../../graphql/years';
import { DATASET_DESCRIPTION, MAX_TOP } from '../concentration/concentration.args';
import { TradeMarketKind } from '../concentration/trade-market-kind';

/** Longest year range of a trend: bounds the scan and the response. */
export const MAX_TREND_YEARS = 50;

/** The market and years of `Query.concentrationTrend` (in this argument order; the concentration options follow). */
@ArgsType()
export class ConcentrationTrendArgs {
  @Field(() => TradeMarketKind, {
    description: 'Which trade market: import sources, world exporters, export destinations or export products.',
  })
  market!: TradeMarketKind;

  @Field(() => String, {
    nullable: true,
    description:
      'The importer (IMPORT_SOURCES) or exporter (EXPORT_*) whose trade is split: ISO alpha-3 or a group code (read extra-group). Required except for WORLD_EXPORTERS, which takes none.',
  })
  reporter?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'HS code (2/4/6). Required for IMPORT_SOURCES and WORLD_EXPORTERS; for EXPORT_* optional (the product exported, or the prefix of the HS-6 products), default every product.',
  })
  product?: string | null;

  @Field(() => Int, { description: 'First year of the range.' })
  fromYear!: number;

  @Field(() => Int, { description: `Last year of the range (at most ${MAX_TREND_YEARS} years from fromYear).` })
  toYear!: number;

  /** The dataset id; absent or null = the default dataset. */
  @Field(() => ID, { nullable: true, description: DATASET_DESCRIPTION })
  dataset?: string | null;

  @Field(() => Int, {
    defaultValue: 10,
    description: `shareShifts lists the participants among this many largest at either end (0–${MAX_TOP}).`,
  })
  participants!: number;
}

export function invalidTrendArgument(argument: string, message: string): AppError {
  return new AppError(ErrorCode.INVALID_ARGUMENT, `${argument}: ${message}`, { argument });
}

/** Checks the year range (at most MAX_TREND_YEARS years) and `participants` (0–MAX_TOP). */
export function checkTrendArgs({ fromYear, toYear, participants }: ConcentrationTrendArgs): void {
  checkYearRange(fromYear, toYear, 'fromYear', 'toYear');
  if (toYear - fromYear + 1 > MAX_TREND_YEARS)
    throw invalidTrendArgument('toYear', `a trend covers at most ${MAX_TREND_YEARS} years (asked ${fromYear}–${toYear}).`);
  if (!Number.isInteger(participants) || participants < 0 || participants > MAX_TOP) {
    throw invalidTrendArgument('participants', `must be 0–${MAX_TOP} (got ${participants}).`);
  }
}
