import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { createApollo } from '../graphql/apollo';
import { createContext, LOCAL_OPERATOR } from '../graphql/create-context';
import { createSchema } from '../graphql/schema';
import { EXIT } from '../modules/import/import-error';
import { runCsvQuery } from '../modules/export/run-csv-query';
import { createCostFunction } from '../server/cost';
import { edgePlugin } from '../server/edge-plugin';
import { runCli } from './run-cli';

const USAGE = `Usage: npm run export -- (--query '<GraphQL>' | --query-file FILE) [--variables '<JSON>'] [--operation NAME] [--out FILE]

Runs a GraphQL query with one root list (a connection's nodes, a list, or an aggregate's rows) against
the database and writes it as CSV (header row, RFC 4180 quoting, numbers without locale) to --out or to
standard output. The same query works at GET /csv?query=… on a running server.

Example:
  npm run export -- --query '{ tradeFlows(first: 500, filter: { year: 2022, hsPrefix: "64" }) { nodes { year exporter { id } importer { id } valueUsd } } }' --out flows.csv`;

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--query', '--query-file', '--variables', '--operation', '--out'].includes(argv[i]) || argv[i + 1] === undefined) {
      console.error(`Unknown or incomplete option "${argv[i]}".\n\n${USAGE}`);
      return EXIT.USAGE;
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  const query = args.query ?? (args['query-file'] ? fs.readFileSync(args['query-file'], 'utf8') : undefined);
  if (!query) {
    console.error(`Give --query or --query-file.\n\n${USAGE}`);
    return EXIT.USAGE;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  const schema = await createSchema();
  // The same limits as the API: the static cost is checked (no budget: a local operator has none).
  const apollo = createApollo(schema, config, (m) => console.error(m), [edgePlugin({ config, costOf: createCostFunction(schema, config) })]);
  await apollo.start();
  try {
    const result = await runCsvQuery(apollo, schema, { query, variables: args.variables, operationName: args.operation }, createContext(db.orm, config, LOCAL_OPERATOR));
    if (!result.ok) {
      for (const e of result.errors) console.error(`error [${e.extensions?.code ?? 'ERROR'}]: ${e.message}`);
      return EXIT.INVALID_INPUT;
    }
    if (args.out) {
      fs.writeFileSync(args.out, result.csv);
      console.error(`${result.rows} rows written to ${args.out}`);
    } else process.stdout.write(result.csv);
    return EXIT.OK;
  } finally {
    await apollo.stop();
    await db.close();
  }
}

runCli(main);
