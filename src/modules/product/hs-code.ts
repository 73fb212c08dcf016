import { AppError, ErrorCode } from '../../errors/app-error';

/** Checks an HS code or prefix: 2, 4 or 6 digits with leading zeros ("61", "6109", "610910"). */
export function parseHsCode(raw: string, argument: string): string {
  const code = raw.trim();
  if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) {
    throw new AppError(
      ErrorCode.MALFORMED_HS_CODE,
      `${argument}: "${raw}" is not an HS code; use 2, 4 or 6 digits with leading zeros (e.g. "61", "6109", "610910").`,
      { argument, value: raw },
    );
  }
  return code;
}

/** Checks an HS level argument: 2 (chapter), 4 (heading) or 6 (subheading). */
export function checkHsLevel(level: number, argument: string): number {
  if (![2, 4, 6].includes(level))
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `${argument} must be 2, 4 or 6 (got ${level}).`, { argument, value: level });
  return level;
}
