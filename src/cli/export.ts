import 'reflect-metadata';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { createApollo } from '../graphql/apollo';
import { createContext, LOCAL_OPERATOR } from '../graphql/create-context';
import { createSchema } from '../graphql/schema';
import { DEFAULT_FORMAT, formatById, formatOfFile, type TableFormat } from '../modules/export/formats';
import { runExport } from '../modules/export/run-export';
import { parseLimit } from '../modules/export/export-options';
import { createCostFunction } from '../server/cost';
import { edgePlugin } from '../server/edge-plugin';
import { EXIT, runCli, UsageError, type ParsedArgs } from './run-cli';

const USAGE = `Usage: npm run export -- (--query '<GraphQL>' | --query-file FILE) [--variables '<JSON>'] [--operation NAME]
                         [--out FILE] [--format csv|tsv|jsonl] [--limit N] [--bom]

Runs a GraphQL query with one root list (a connection's nodes, a list, or an aggregate's rows) against
the database and writes EVERY row of it to --out or to standard output, in constant memory: a paged list
is read page by page (after: endCursor) through the API itself, tradeAggregate's own columns come from
one COPY. Formats: csv (default; RFC 4180, CRLF, numbers without locale), tsv, jsonl; --format, else the
extension of --out. Text cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a
leading single quote in csv and tsv. Every row ends with the dataset(s) it was computed from:
dataset.id, dataset.name, dataset.version. --limit N stops after N rows; --bom starts the file with a
UTF-8 byte order mark (Excel). The same query works at GET /csv?query=… on a running server. A query the
API refuses (its errors are printed) is invalid input (exit 3); a failure after the first rows exits 1
and leaves a file that must not be used.

Example:
  npm run export -- --query '{ tradeFlows(filter: { year: 2022, hsPrefix: "64" }) { nodes { year exporter { id } importer { id } valueUsd } } }' --out flows.csv`;

const OPTIONS = {
  query: { type: 'string' },
  'query-file': { type: 'string' },
  variables: { type: 'string' },
  operation: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  limit: { type: 'string' },
  bom: { type: 'boolean' },
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

/** --format, else the format --out's extension names, else csv. */
function formatOf(values: ParsedArgs<typeof OPTIONS>['values']): TableFormat {
  try {
    if (values.format !== undefined) return formatById(values.format, '--format');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return (values.out && formatOfFile(values.out)) || DEFAULT_FORMAT;
}

/** --limit: a whole number of rows, 1 or more. */
function limitOf(values: ParsedArgs<typeof OPTIONS>['values']): number | null {
  try {
    return parseLimit(values.limit, '--limit');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

runCli({
  usage: USAGE,
  options: OPTIONS,
  async run({ values }) {
    const query = queryText(values);
    checkVariables(values.variables);
    const format = formatOf(values);
    const limit = limitOf(values);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    const schema = await createSchema();
    // The same limits as the API: the static cost is checked (no budget: a local operator has none).
    const apollo = createApollo(schema, config, (m) => console.error(m), [
      edgePlugin({ config, costOf: createCostFunction(schema, config) }),
    ]);
    await apollo.start();
    try {
      const result = await runExport(
        apollo,
        schema,
        { query, variables: values.variables, operationName: values.operation, format, limit, bom: values.bom },
        () => createContext(db.orm, db.catalog, config, LOCAL_OPERATOR),
      );
      if (!result.ok) {
        for (const e of result.errors) console.error(`error [${e.extensions?.code ?? 'ERROR'}]: ${e.message}`);
        return EXIT.INVALID_INPUT;
      }
      // What the API would say in extensions.warnings (a level the dataset lacks, no matching rows…).
      for (const w of result.warnings) console.error(`warning [${w.code}]: ${w.message}`);
      // Streamed to the file or stdout as it comes, in constant memory.
      const out = values.out ? fs.createWriteStream(values.out) : process.stdout;
      try {
        await pipeline(result.body, out, { end: Boolean(values.out) });
      } catch (error) {
        // A file cut short must not look whole: it goes.
        if (values.out) fs.rmSync(values.out, { force: true });
        throw error;
      }
      if (values.out) {
        const names = result.provenance.datasets.map((d) => `${d.name} ${d.version} (id ${d.id})`).join(', ') || 'no dataset';
        console.error(`${result.name} written to ${values.out} as ${format.id}, from ${names}`);
      }
      return EXIT.OK;
    } finally {
      await apollo.stop();
      await db.close();
    }
  },
});
