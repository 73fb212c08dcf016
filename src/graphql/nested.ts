import { AppError, ErrorCode } from '../errors/app-error';

/** Default and maximum number of items in a nested list field (e.g. `Country.facilities`). */
export const NESTED_DEFAULT = 100;
export const NESTED_MAX = 1000;

/** Validates the `first` argument of a nested list field. */
export function nestedLimit(first: number | null | undefined): number {
  if (first == null) return NESTED_DEFAULT;
  if (first < 0) throw new AppError(ErrorCode.INVALID_PAGE_SIZE, `first must be 0 or more (got ${first}).`, { argument: 'first' });
  if (first > NESTED_MAX) {
    throw new AppError(ErrorCode.PAGE_SIZE_TOO_LARGE, `first must be at most ${NESTED_MAX} in a nested list (got ${first}); use the root connection to page further.`, {
      argument: 'first',
      max: NESTED_MAX,
    });
  }
  return first;
}

export const NESTED_FIRST_DESCRIPTION = `At most this many items, the first ones by id (default ${NESTED_DEFAULT}, max ${NESTED_MAX}).`;
