import { checkFirst } from './pagination';

/** Default and maximum number of items in a nested list field (e.g. `Country.facilities`). */
export const NESTED_DEFAULT = 100;
export const NESTED_MAX = 1000;

/** Validates the `first` argument of a nested list field. */
export function nestedLimit(first: number | null | undefined): number {
  if (first == null) return NESTED_DEFAULT;
  return checkFirst(first, NESTED_MAX, 'a nested list is not paged: use the root connection to page further');
}

export const NESTED_FIRST_DESCRIPTION = `At most this many items, the first ones by id (default ${NESTED_DEFAULT}, max ${NESTED_MAX}).`;
