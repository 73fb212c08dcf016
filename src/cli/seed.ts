import 'reflect-metadata';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { seedReference } from '../../seeds/reference';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { Progress } from './progress';

const USAGE = `Usage: npm run seed -- <reference | demo> [options]

  reference            countries (ISO 3166 + UN M49), country groups, HS sections and chapters,
                       product-type <-> HS mapping. Idempotent.
  demo                 reference data, then the synthetic demo (deterministic: same options, same data)
    --flows N          trade flows to generate (default 60000; 10000000 for a BACI-scale benchmark)
    --seed N           random seed (default 42)
    --years A-B        years of flows (default 2018-2023)
    --brands N --manufacturers N --facilities N
                       size of the sourcing side (defaults 24, 120, 600)

Writes to DATABASE_URL when set, else to the embedded database (stop the server first: a PGlite
data directory belongs to one process). Migrations are applied first.`;

function parseArgs(argv: string[]): { command: string; options: Record<string, number> } {
  const [command, ...rest] = argv;
  const options: Record<string, number> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === '--years' && value && /^\d{4}-\d{4}$/.test(value)) {
      [options.yearFrom, options.yearTo] = value.split('-').map(Number);
      i++;
    } else if (['--flows', '--seed', '--brands', '--manufacturers', '--facilities'].includes(flag) && value && /^\d+$/.test(value)) {
      options[flag.slice(2)] = Number(value);
      i++;
    } else {
      throw new Error(`Unknown or malformed option "${flag}${value ? ` ${value}` : ''}".\n\n${USAGE}`);
    }
  }
  return { command, options };
}

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const { command, options } = parseArgs(argv);
  if (command !== 'reference' && command !== 'demo') throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await migrate(db.orm);
    const started = Date.now();
    await seedReference(db.orm.em.fork());
    console.error(`Reference data: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (command === 'demo') {
      const progress = new Progress('Trade flows', options.flows ?? 60_000);
      const result = await seedDemo(db, options, { onFlows: (written) => progress.update(written) });
      if (result.alreadyLoaded) console.error('This demo (same options) is already loaded: nothing to do.');
      else {
        progress.finish(result.flows);
        console.error(`Demo dataset #${result.datasetId}: ${result.summary}; ${result.seconds.toFixed(1)} s in all, one transaction.`);
      }
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
