import { AppError, ErrorCode } from '../errors/app-error';

/**
 * Years the database accepts (trade_flow_year_range), and so the only ones worth asking for or importing
 * (wider than any real release, to catch swapped columns).
 */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;

/** Checks one year argument. */
export function checkYear(year: number | null | undefined, argument: string): void {
  if (year === null || year === undefined) return;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError(ErrorCode.YEAR_OUT_OF_RANGE, `${argument}: ${year} is outside ${MIN_YEAR}–${MAX_YEAR}.`, { argument, value: year });
  }
}

/** Checks a `from`–`to` year range (either end optional). */
export function checkYearRange(from: number | null | undefined, to: number | null | undefined, fromArg: string, toArg: string): void {
  checkYear(from, fromArg);
  checkYear(to, toArg);
  if (from != null && to != null && from > to) {
    throw new AppError(ErrorCode.YEAR_OUT_OF_RANGE, `${fromArg} (${from}) is after ${toArg} (${to}).`, { argument: fromArg, value: from });
  }
}
