/**
 * What stopped an import: bad input (a file is not what its format expects, a record is invalid), a
 * request that cannot be carried out as given (an unknown format, a missing file), or a failure of the
 * database's state. The command's exit code follows from it (src/cli/run-cli.ts).
 */
export type ImportErrorKind = 'invalid-input' | 'usage' | 'failure';

/**
 * Why an import stopped, with where: the file and line of the offending record. Nothing was imported.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
    readonly kind: ImportErrorKind = 'invalid-input',
  ) {
    super(line === null ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'ImportError';
  }
}
