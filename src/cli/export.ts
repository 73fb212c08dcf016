import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { createApollo } from '../graphql/apollo';
import { createContext, LOCAL_OPERATOR } from '../graphql/create-context';
import { createSchema } from '../graphql/schema';
import { runCsvQuery } from '../modules/export/run-csv-query';
import { createCostFunction } from '../server/cost';
import { edgePlugin } from '../server/edge-plugin';
import { EXIT, runCli, UsageError, type ParsedArgs } from './run-cli';

const USAGE = `Usage: npm run export -- (--query '<GraphQL>' | --query-file FILE) [--variables '<JSON>'] [--operation NAME] [--out FILE]

Runs a GraphQL query with one root list (a connection's nodes, a list, or an aggregate's rows) against
the database and writes it as CSV (header row, RFC 4180 quoting, numbers without locale) to --out or to
standard output. The same query works at GET /csv?query=… on a running server. A query the API refuses
(its errors are printed) is invalid input (exit 3).

Example:
  npm run export -- --query '{ tradeFlows(first: 500, filter: { year: 2022, hsPrefix: "64" }) { nodes { year exporter { id } importer { id } valueUsd } } }' --out flows.csv`;

const OPTIONS = {
  query: { type: 'string' },
  'query-file': { type: 'string' },
  variables: { type: 'string' },
  operation: { type: 'string' },
  out: { type: 'string' },
} as const;

/** The query text: --query, else the contents of --query-file; a UsageError when neither gives one. */
function queryText(values: ParsedArgs<typeof OPTIONS>['values']): string {
  if (values.query) return values.query;
  const file = values['query-file'];
  if (!file) throw new UsageError('give --query or --query-file');
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim()) return text;
  } catch (error) {
    throw new UsageError(`--query-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  throw new UsageError(`--query-file: ${file} is empty`);
}

/** --variables must be a JSON object (the API checks the values themselves). */
function checkVariables(variables: string | undefined): void {
  if (variables === undefined) return;
  let value: unknown;
  try {
    value = JSON.parse(variables);
  } catch {
    // reported below
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--variables must be a JSON object');
}

runCli({
  usage: USAGE,
  options: OPTIONS,
  async run({ values }) {
    const query = queryText(values);
    checkVariables(values.variables);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    const schema = await createSchema();
    // The same limits as the API: the static cost is checked (no budget: a local operator has none).
    const apollo = createApollo(schema, config, (m) => console.error(m), [
      edgePlugin({ config, costOf: createCostFunction(schema, config) }),
    ]);
    await apollo.start();
    try {
      const result = await runCsvQuery(
        apollo,
        schema,
        { query, variables: values.variables, operationName: values.operation },
        createContext(db.orm, db.catalog, config, LOCAL_OPERATOR),
      );
      if (!result.ok) {
        for (const e of result.errors) console.error(`error [${e.extensions?.code ?? 'ERROR'}]: ${e.message}`);
        return EXIT.INVALID_INPUT;
      }
      if (values.out) {
        fs.writeFileSync(values.out, result.csv);
        console.error(`${result.rows} rows written to ${values.out}`);
      } else process.stdout.write(result.csv);
      return EXIT.OK;
    } finally {
      await apollo.stop();
      await db.close();
    }
  },
});
