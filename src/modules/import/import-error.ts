/**
 * Why an import stopped, with where: the file and line of the offending record. Nothing was imported.
 * `exitCode` is what the command exits with, so scripts can tell bad input from a failure of ours.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
    readonly exitCode: number = EXIT.INVALID_INPUT,
  ) {
    super(line === null ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** Exit codes of `npm run import` / `npm run export`. */
export const EXIT = {
  OK: 0,
  /** Unexpected failure (database down, bug). */
  FAILURE: 1,
  /** Wrong command line. */
  USAGE: 2,
  /** A file is not what the format expects, or a record is invalid; nothing was imported. */
  INVALID_INPUT: 3,
} as const;
