import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { EXIT, runCli, UsageError } from './run-cli';

const USAGE = `Usage: npm run migrate [-- up | pending | create [--initial]]

  up        apply pending migrations (default)
  pending   list migrations not yet applied
  create    write a new migration from the difference between the entities and the last snapshot
            (--initial: the first migration, from the entities alone)

Uses DATABASE_URL when set, else the embedded database in TRADEGRAPH_DATA_DIR.`;

const COMMANDS = ['up', 'pending', 'create'] as const;

runCli({
  usage: USAGE,
  options: { initial: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: 'up, pending or create' },
  async run({ values, positionals: [command = 'up'] }) {
    if (!(COMMANDS as readonly string[]).includes(command))
      throw new UsageError(`Unknown command "${command}": use up, pending or create.`);
    if (values.initial && command !== 'create') throw new UsageError('--initial belongs to create.');
    const config = loadConfig();
    const db = await openDatabase(config.database, { snapshot: command === 'create' });
    try {
      const migrator = db.orm.getMigrator();
      if (command === 'up') {
        const applied = await migrate(db.orm);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      } else if (command === 'pending') {
        const pending = await migrator.getPendingMigrations();
        console.log(pending.length ? pending.map((m) => m.name).join('\n') : 'No pending migrations.');
      } else {
        const result = await migrator.createMigration(undefined, false, values.initial ?? false);
        console.log(result.fileName ? `Created ${result.fileName}` : 'No changes: entities match the snapshot.');
      }
      return EXIT.OK;
    } finally {
      await db.close();
    }
  },
});
