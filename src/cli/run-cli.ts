import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The exit codes of every command (`npm run import`, `seed`, `export`, `keys`, `migrate`, `schema`), so
 * that a script can tell a mistake of its own from bad data and from a failure of ours.
 */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** An unexpected failure: the database unreachable, a bug. */
  FAILURE: 1,
  /** A wrong command line: unknown option, missing or extra argument, bad option value. */
  USAGE: 2,
  /** Input that fails validation (a data file: the message names the file and line); nothing changed. */
  INVALID_INPUT: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The convention as every command's --help ends with it. */
export const EXIT_CODES_HELP = `Exit codes: 0 done; 1 failure (an unexpected error, the database unreachable); 2 wrong command line
(unknown option, missing or extra argument, bad option value); 3 invalid input (a file or value that
fails validation: the message names the file and line).`;

/** A command stopped with a message and the exit code it means (see EXIT). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A wrong command line: exits 2, with the usage. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.USAGE);
    this.name = 'UsageError';
  }
}

/** Input that fails validation: exits 3. */
export class InvalidInputError extends CliError {
  constructor(message: string) {
    super(message, EXIT.INVALID_INPUT);
    this.name = 'InvalidInputError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command line parsed against `O` (strict: every option known, every value of its type). */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

export interface Command<O extends Options> {
  /**
   * Printed by --help (on stdout), EXIT_CODES_HELP appended; its first line (the synopsis) follows the
   * message of a usage error (on stderr).
   */
  usage: string;
  /** The command's options (`--help`/`-h` is every command's). */
  options: O;
  /**
   * The positional arguments the command takes (default none): how many, and how the usage names them
   * (`<format> <file...>`). The command checks their values.
   */
  positionals?: { min: number; max: number; names: string };
  run(args: ParsedArgs<O>): Promise<ExitCode>;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses `argv` with node:util's parseArgs, strictly: an unknown option, a value missing or given to a
 * flag, or a wrong number of positional arguments is a UsageError. 'help' when --help (or -h) was given.
 */
export function parseCommandLine<O extends Options>(
  command: Pick<Command<O>, 'options' | 'positionals'>,
  argv: readonly string[],
): ParsedArgs<O> | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...command.options, ...HELP }, strict: true, allowPositionals: true });
  } catch (error) {
    if (argv.includes('--help') || argv.includes('-h')) return 'help';
    // parseArgs throws TypeErrors whose code names the mistake (ERR_PARSE_ARGS_UNKNOWN_OPTION, …).
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
  if (parsed.values.help) return 'help';
  const { min, max, names } = command.positionals ?? { min: 0, max: 0, names: '' };
  const given = parsed.positionals.length;
  if (given < min) throw new UsageError(`missing argument: expected ${names}`);
  if (given > max)
    throw new UsageError(
      `unexpected argument "${parsed.positionals[max]}"${names ? `: expected ${names}` : ': this command takes no positional arguments'}`,
    );
  return parsed as ParsedArgs<O>;
}

/** The help text of a command: its usage, then the exit codes. */
export function helpText(command: Pick<Command<Options>, 'usage'>): string {
  return `${command.usage}\n\n${EXIT_CODES_HELP}`;
}

/**
 * Runs a command on `argv` and returns its exit code: --help prints the help on stdout (0); a usage error
 * prints the message and the synopsis on stderr (2); a CliError its message (its code); anything else its
 * message, no stack (1).
 */
export async function runCommand<O extends Options>(command: Command<O>, argv: readonly string[]): Promise<ExitCode> {
  try {
    const args = parseCommandLine(command, argv);
    if (args === 'help') {
      console.log(helpText(command));
      return EXIT.OK;
    }
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${command.usage.split('\n')[0]}\nRun with --help for the options and exit codes.`);
      return EXIT.USAGE;
    }
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      return error.exitCode;
    }
    console.error(`error: ${messageOf(error)}`);
    return EXIT.FAILURE;
  }
}

/** An error's message; a connection failure's AggregateError has none of its own, but its errors do. */
function messageOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(messageOf).join('; ');
  if (error instanceof Error) return error.message || String((error as { code?: unknown }).code ?? error.name);
  return String(error);
}

/** The entry point of a command: runs it on the process's arguments and sets the exit code. */
export function runCli<const O extends Options>(command: Command<O>): void {
  void runCommand(command, process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
