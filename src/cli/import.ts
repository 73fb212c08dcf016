import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { FLOWS_COLUMNS, QUANTITY_UNITS, VALUE_UNITS } from '../modules/import/formats/flows';
import { IMPORT_FORMATS } from '../modules/import/formats/registry';
import { ImportError } from '../modules/import/import-error';
import { runImport, type ImportRequest } from '../modules/import/run-import';
import type { FlowsColumn, FlowsOptions } from '../modules/import/types';
import { Progress } from './progress';
import { CliError, EXIT, InvalidInputError, runCli, UsageError, type ParsedArgs } from './run-cli';

const USAGE = `Usage: npm run import -- <format> <file...> [options]

Formats:
${Object.entries(IMPORT_FORMATS)
  .map(([id, f]) => `  ${id.padEnd(18)} ${f.format.description}`)
  .join('\n')}

Options:
  --countries FILE      BACI country-code table (country_codes_V*.csv) for numeric codes
  --disclosed-at DATE   disclosure date (YYYY-MM-DD) when the file does not give one (or to override it)
  --brand NAME          brand name for files that do not name it
  --dataset NAME        dataset name (default: the file name without its release token)
  --version V           dataset version (default: the release token, e.g. V202301, or the disclosure date)
  --licence TEXT        licence recorded in the provenance (default: the source's usual licence)
  --skip-invalid        load the valid records; write the rejected ones with reasons to --report
  --report FILE         where rejected records go (default: <first file>.rejected.csv)
  -h, --help            this text

Options of the flows format (columns are otherwise found by name, in any case):
  --year-column NAME        year (default: year, period, ref_year…)
  --exporter-column NAME    exporter (default: exporter, origin…); the row is exporter → importer
  --importer-column NAME    importer (default: importer, dest, destination…)
  --reporter-column NAME    reporter, with --partner-column and --flow-column (Comtrade's words: an
  --partner-column NAME       Import row is partner → reporter, an Export row reporter → partner; other
  --flow-column NAME          flows are skipped). Read only when there is no exporter/importer pair.
  --product-column NAME     HS code of 2, 4 or 6 digits (default: product, hs_code, hs92, cmd_code…); a
                            lost leading zero (1, 3 or 5 digits) is restored
  --value-column NAME       value of the exporter → importer flow (default: value, trade_value,
                            primary_value, export_val, export…). In the OEC's origin,dest,export,import
                            layout the export column is the value; import (the reverse flow) is not read
  --quantity-column NAME    optional quantity (default: quantity, quantity_tons, qty, tons)
  --value-unit UNIT         usd (default), thousand-usd or million-usd
  --quantity-unit UNIT      tons (default) or kg
Countries are ISO 3166 alpha-3 in any case or UN M49 / Comtrade numeric codes (BLX is Belgium); World,
areas (Comtrade's, the OEC's xx… codes, M49 regions) and self-flows are skipped and counted.

A load is one transaction: every file loads, or nothing changes. Loading the same file again changes
nothing; a different file under the same dataset name (a new release) replaces the old rows.
Invalid input (exit 3) is reported as file:line: reason, and nothing is imported. An unknown format or a
missing file is a wrong command line (exit 2).`;

const OPTIONS = {
  countries: { type: 'string' },
  'disclosed-at': { type: 'string' },
  brand: { type: 'string' },
  dataset: { type: 'string' },
  version: { type: 'string' },
  licence: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  report: { type: 'string' },
  ...(Object.fromEntries(FLOWS_COLUMNS.map((c) => [`${c}-column`, { type: 'string' }])) as Record<
    `${FlowsColumn}-column`,
    { type: 'string' }
  >),
  'value-unit': { type: 'string' },
  'quantity-unit': { type: 'string' },
} as const;

/** The flows format's options, or a UsageError naming the one that is wrong. */
function flowsOptions(format: string, values: ParsedArgs<typeof OPTIONS>['values']): FlowsOptions | undefined {
  const columns: Partial<Record<FlowsColumn, string>> = {};
  for (const c of FLOWS_COLUMNS) {
    const name = values[`${c}-column`];
    if (name !== undefined) columns[c] = name;
  }
  const valueUnit = values['value-unit'];
  const quantityUnit = values['quantity-unit'];
  const given = Object.keys(columns).length > 0 || valueUnit !== undefined || quantityUnit !== undefined;
  if (!given) return undefined;
  if (format !== 'flows') throw new UsageError('--*-column, --value-unit and --quantity-unit are options of the flows format');
  if (valueUnit !== undefined && !(valueUnit in VALUE_UNITS))
    throw new UsageError(`--value-unit: "${valueUnit}" is not one of ${Object.keys(VALUE_UNITS).join(', ')}`);
  if (quantityUnit !== undefined && !(quantityUnit in QUANTITY_UNITS))
    throw new UsageError(`--quantity-unit: "${quantityUnit}" is not one of ${Object.keys(QUANTITY_UNITS).join(', ')}`);
  return {
    columns,
    valueUnit: valueUnit as FlowsOptions['valueUnit'],
    quantityUnit: quantityUnit as FlowsOptions['quantityUnit'],
  };
}

/** The request a command line asks for; a UsageError when it cannot be one. */
function importRequest({ values, positionals: [format, ...files] }: ParsedArgs<typeof OPTIONS>): ImportRequest {
  if (!IMPORT_FORMATS[format]) throw new UsageError(`${format}: unknown format; use one of ${Object.keys(IMPORT_FORMATS).join(', ')}`);
  const disclosedAt = values['disclosed-at'];
  if (disclosedAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(disclosedAt))
    throw new UsageError(`--disclosed-at: "${disclosedAt}" is not YYYY-MM-DD`);
  return {
    format,
    files,
    countriesFile: values.countries,
    disclosedAt,
    brand: values.brand,
    flows: flowsOptions(format, values),
    dataset: values.dataset,
    version: values.version,
    licence: values.licence,
    skipInvalid: values['skip-invalid'],
    reportFile: values.report,
  };
}

/** An import's error as the command reports it: bad input says that nothing was imported. */
function cliError(error: ImportError): CliError {
  if (error.kind === 'usage') return new UsageError(error.message);
  if (error.kind === 'failure') return new CliError(error.message, EXIT.FAILURE);
  return new InvalidInputError(`${error.message}\nNothing was imported.`);
}

async function importFiles(request: ImportRequest): Promise<void> {
  const db = await openDatabase(loadConfig().database);
  try {
    await migrate(db.orm);
    const bars = new Map<string, Progress>();
    const result = await runImport(db, {
      ...request,
      onProgress: (file, rows, bytesRead, totalBytes) => {
        let bar = bars.get(file);
        if (!bar) bars.set(file, (bar = new Progress(file.split('/').pop()!, null)));
        bar.update(rows, bytesRead / totalBytes);
      },
    });
    for (const f of result.files) {
      bars.get(f.file)?.finish(f.records);
      if (f.unchanged) {
        console.error(`${f.file}: already loaded as dataset #${f.datasetId}; nothing changed.`);
        continue;
      }
      const skipped = [...f.skipped.entries()].sort((a, b) => b[1] - a[1]);
      console.error(
        `${f.file}: ${f.records} records read, ${f.loaded} loaded, ${skipped.reduce((n, [, c]) => n + c, 0)} skipped, ${f.rejected} rejected, ` +
          `${f.seconds.toFixed(1)} s (${Math.round(f.records / Math.max(f.seconds, 0.001))} records/s) → dataset #${f.datasetId}` +
          (f.replaced.length ? ` (replaced #${f.replaced.join(', #')})` : ''),
      );
      const stages = Object.entries(f.stages);
      if (stages.length) console.error(`    stages: ${stages.map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ')}`);
      if (f.metadata.direction)
        console.error(
          `    read as: ${f.metadata.direction}, value ${f.metadata.value}${f.metadata.ignored ? `; not read: ${f.metadata.ignored}` : ''}`,
        );
      for (const [reason, count] of skipped.slice(0, 8)) console.error(`    skipped ${count}: ${reason}`);
      if (skipped.length > 8) {
        const rest = skipped.slice(8);
        console.error(`    skipped ${rest.reduce((n, [, c]) => n + c, 0)} more, for ${rest.length} other reasons`);
      }
    }
    if (result.reportFile) console.error(`${result.rejected} rejected record(s) written to ${result.reportFile}`);
  } finally {
    await db.close();
  }
}

runCli({
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 2, max: Infinity, names: '<format> <file...>' },
  async run(args) {
    const request = importRequest(args);
    try {
      await importFiles(request);
    } catch (error) {
      throw error instanceof ImportError ? cliError(error) : error;
    }
    return EXIT.OK;
  },
});
