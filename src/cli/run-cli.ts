import { EXIT } from '../modules/import/import-error';

/**
 * Runs a command's `main(argv)` and sets the process's exit code from its result; a failure nobody
 * expected prints its message (no stack) and exits with EXIT.FAILURE.
 */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = EXIT.FAILURE;
    },
  );
}
