import 'reflect-metadata';
import { seedDemo } from '../../seeds/demo/seed-demo';
import { DEMO_INPUT_SHARE } from '../../seeds/demo/types';
import { seedReference } from '../../seeds/reference';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { Progress } from './progress';
import { EXIT, runCli, UsageError, type ParsedArgs } from './run-cli';

const USAGE = `Usage: npm run seed -- <reference | demo> [options]

  reference            countries (ISO 3166 + UN M49), country groups, HS sections and chapters,
                       product-type <-> HS and product-type -> input mappings. Idempotent.
  demo                 reference data, then the synthetic demo (deterministic: same options, same data)
    --flows N          trade flows to generate (default 60000; 10000000 for a BACI-scale benchmark)
    --seed N           random seed (default 42)
    --years A-B        years of flows (default 2018-2023)
    --input-flows N    flows of input products (leather, rubber, yarn, fabric) into the facilities'
                       countries, on top of --flows (default a tenth of --flows)
    --brands N --manufacturers N --facilities N
                       size of the sourcing side (defaults 24, 120, 600)

Writes to DATABASE_URL when set, else to the embedded database (stop the server first: a PGlite
data directory belongs to one process). Migrations are applied first.`;

const COUNTS = ['flows', 'seed', 'brands', 'manufacturers', 'facilities', 'input-flows'] as const;

const OPTIONS = {
  flows: { type: 'string' },
  seed: { type: 'string' },
  years: { type: 'string' },
  brands: { type: 'string' },
  manufacturers: { type: 'string' },
  facilities: { type: 'string' },
  'input-flows': { type: 'string' },
} as const;

/** The seed a command line asks for, with the demo's options; a UsageError when it is not one. */
function seedCommand({ values, positionals: [command] }: ParsedArgs<typeof OPTIONS>): {
  command: 'reference' | 'demo';
  options: Record<string, number>;
} {
  if (command !== 'reference' && command !== 'demo') throw new UsageError(`Unknown command "${command}": use reference or demo.`);
  const options: Record<string, number> = {};
  for (const name of COUNTS) {
    const value = values[name];
    if (value === undefined) continue;
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: "${value}" is not a whole number`);
    options[name === 'input-flows' ? 'inputFlows' : name] = Number(value);
  }
  if (values.years !== undefined) {
    if (!/^\d{4}-\d{4}$/.test(values.years)) throw new UsageError(`--years: "${values.years}" is not A-B (e.g. 2018-2023)`);
    [options.yearFrom, options.yearTo] = values.years.split('-').map(Number);
  }
  if (command === 'reference' && Object.keys(options).length > 0)
    throw new UsageError('the demo options (--flows, --seed, --years, …) belong to demo.');
  return { command, options };
}

runCli({
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 1, max: 1, names: '<reference | demo>' },
  async run(args) {
    const { command, options } = seedCommand(args);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    try {
      await migrate(db.orm);
      const started = Date.now();
      await seedReference(db.orm.em.fork());
      console.error(`Reference data: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (command === 'demo') {
        const progress = new Progress('Trade flows', (options.flows ?? 60_000) * (1 + DEMO_INPUT_SHARE));
        // The input flows (#12, upstream exposure): a tenth of the flows unless --input-flows says otherwise.
        const inputFlows = options.inputFlows ?? Math.round((options.flows ?? 60_000) * DEMO_INPUT_SHARE);
        const result = await seedDemo(db, { ...options, inputFlows }, { onFlows: (written) => progress.update(written) });
        if (result.alreadyLoaded) console.error('This demo (same options) is already loaded: nothing to do.');
        else {
          progress.finish(result.flows);
          console.error(`Demo dataset #${result.datasetId}: ${result.summary}; ${result.seconds.toFixed(1)} s in all, one transaction.`);
        }
      }
      return EXIT.OK;
    } finally {
      await db.close();
    }
  },
});
