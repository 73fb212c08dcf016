import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';

const USAGE = `Usage: npm run migrate [-- up | pending | create [--initial]]

  up        apply pending migrations (default)
  pending   list migrations not yet applied
  create    write a new migration from the difference between the entities and the last snapshot

Uses DATABASE_URL when set, else the embedded database in TRADEGRAPH_DATA_DIR.`;

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'up';
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  if (!['up', 'pending', 'create'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
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
      const result = await migrator.createMigration(undefined, false, argv.includes('--initial'));
      console.log(result.fileName ? `Created ${result.fileName}` : 'No changes: entities match the snapshot.');
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
