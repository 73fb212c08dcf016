import { AppError, ErrorCode } from '../../errors/app-error';

/** `limit=`: a whole number of rows, 1 or more; absent for every row. */
export function parseLimit(raw: string | undefined, argument = 'limit'): number | null {
  if (raw === undefined || raw === '') return null;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(limit) || limit < 1) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `${argument} must be a whole number of rows, 1 or more (got "${raw}").`, {
      argument,
      value: raw,
    });
  }
  return limit;
}
