import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { AppError } from '../errors/app-error';
import { currentCatalog, markDefaultDataset } from '../modules/dataset/default-dataset.sql';
import { defaultTradeDataset } from '../modules/dataset/trade-dataset';
import { textTable } from './text-table';
import { EXIT, runCli, UsageError, type ParsedArgs } from './run-cli';

const USAGE = `Usage: npm run datasets -- <command>

  list                        every dataset: id, kind, name, version, rows, imported, default
  default <name> [<version>]  make <name> the default trade dataset: what trade figures are computed from when a
                              query names no dataset. With <version>, for that release only; without, for any
                              release loaded under <name> (a new release keeps the mark).

Without a mark, the first BACI or Comtrade dataset loaded is marked at its load; where the mark names no dataset
holding trade flows, the first loaded that holds them is the default (real data before synthetic, the demo's).
Running servers answer from the new default at once (it changes the data version, and so every cache key).
Uses DATABASE_URL when set, else the embedded database in TRADEGRAPH_DATA_DIR.
A dataset that does not exist or holds no trade rows is invalid input (exit 3).`;

const OPTIONS = {} as const;

type Command = { command: 'list' } | { command: 'default'; name: string; version: string | null };

/** The command a parsed command line asks for; a UsageError when it is not one. */
function datasetsCommand({ positionals }: ParsedArgs<typeof OPTIONS>): Command {
  const [command, ...rest] = positionals;
  if (command === 'list') {
    if (rest.length) throw new UsageError('list takes no arguments.');
    return { command };
  }
  if (command === 'default') {
    if (rest.length < 1 || rest.length > 2)
      throw new UsageError('default takes a dataset name and, optionally, its version (quote a name with spaces).');
    if (rest[0].trim() === '') throw new UsageError('default: the dataset name is empty.');
    return { command, name: rest[0], version: rest[1] ?? null };
  }
  throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command: list or default.');
}

const date = (value: Date) => value.toISOString().replace(/\.\d{3}Z$/, 'Z');

runCli({
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 0, max: Infinity, names: '<command> [<name> [<version>]]' },
  async run(args) {
    const parsed = datasetsCommand(args);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    try {
      // The embedded database is migrated on use, as the server does; a server only by `npm run migrate`.
      if (config.migrateOnStart) await migrate(db.orm);
      const em = db.orm.em.fork();
      if (parsed.command === 'default') {
        const dataset = await markDefaultDataset(em, parsed.name, parsed.version);
        const release = parsed.version === null ? 'any release of' : 'release';
        console.log(
          `Default trade dataset: ${release} "${dataset.name}"${parsed.version === null ? ` (now ${dataset.version}, id ${dataset.id})` : ` ${dataset.version} (id ${dataset.id})`}.`,
        );
        return EXIT.OK;
      }
      const catalog = await currentCatalog(em);
      if (catalog.datasets.length === 0) {
        console.log('No datasets yet: load one with `npm run import` (or `npm run seed` for the demo).');
        return EXIT.OK;
      }
      const chosen = defaultTradeDataset(catalog);
      const rows = [
        ['id', 'kind', 'name', 'version', 'rows', 'imported', 'default'],
        ...[...catalog.datasets]
          .sort((a, b) => a.importedAt.getTime() - b.importedAt.getTime() || a.id - b.id)
          .map((d) => [String(d.id), d.kind, d.name, d.version, String(d.rowCount), date(d.importedAt), d.id === chosen?.id ? 'yes' : '']),
      ];
      console.log(textTable(rows, [0, 4]));
      return EXIT.OK;
    } catch (error) {
      // The AppErrors left once the command line is checked: no such dataset, or one without trade rows (exit 3).
      if (error instanceof AppError) {
        console.error(`error [${error.code}]: ${error.message}`);
        return EXIT.INVALID_INPUT;
      }
      throw error;
    } finally {
      await db.close();
    }
  },
});
