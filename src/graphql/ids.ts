import { AppError, ErrorCode } from '../errors/app-error';

/** Parses a numeric entity id given as a GraphQL ID; `what` names the entity in the error. */
export function parseNumericId(raw: string | number, argument: string, what: string): number {
  const id = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `${argument}: "${raw}" is not a ${what} id (a positive integer).`, {
      argument,
      value: raw,
    });
  }
  return id;
}
