import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { IMPORT_FORMATS } from '../modules/import/formats/registry';
import { EXIT, ImportError } from '../modules/import/import-error';
import { runImport, type ImportRequest } from '../modules/import/run-import';
import { Progress } from './progress';

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

A load is one transaction: every file loads, or nothing changes. Loading the same file again changes
nothing; a different file under the same dataset name (a new release) replaces the old rows.
Exit codes: 0 loaded (or already loaded), 2 wrong command line, 3 invalid input (file:line: reason,
nothing imported), 1 any other failure.`;

function parseArgs(argv: string[]): ImportRequest {
  const [format, ...rest] = argv;
  const request: ImportRequest = { format, files: [] };
  const valued: Record<string, keyof ImportRequest> = {
    '--countries': 'countriesFile',
    '--disclosed-at': 'disclosedAt',
    '--brand': 'brand',
    '--dataset': 'dataset',
    '--version': 'version',
    '--licence': 'licence',
    '--report': 'reportFile',
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--skip-invalid') request.skipInvalid = true;
    else if (valued[arg]) {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) throw new ImportError(arg, null, 'needs a value', EXIT.USAGE);
      (request as unknown as Record<string, string>)[valued[arg]] = value;
    } else if (arg.startsWith('--')) throw new ImportError(arg, null, 'unknown option', EXIT.USAGE);
    else request.files.push(arg);
  }
  if (!IMPORT_FORMATS[format]) throw new ImportError(format ?? '(none)', null, `unknown format; use one of ${Object.keys(IMPORT_FORMATS).join(', ')}`, EXIT.USAGE);
  if (request.files.length === 0) throw new ImportError(format, null, 'no file given', EXIT.USAGE);
  if (request.disclosedAt && !/^\d{4}-\d{2}-\d{2}$/.test(request.disclosedAt)) throw new ImportError('--disclosed-at', null, `"${request.disclosedAt}" is not YYYY-MM-DD`, EXIT.USAGE);
  return request;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  const request = parseArgs(argv);
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
      for (const [reason, count] of skipped.slice(0, 8)) console.error(`    skipped ${count}: ${reason}`);
    }
    if (result.reportFile) console.error(`${result.rejected} rejected record(s) written to ${result.reportFile}`);
    return EXIT.OK;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof ImportError) {
      console.error(`error: ${error.message}${error.exitCode === EXIT.INVALID_INPUT ? '\nNothing was imported.' : ''}${error.exitCode === EXIT.USAGE ? '\n\nRun with --help for usage.' : ''}`);
      process.exitCode = error.exitCode;
    } else {
      console.error(error instanceof Error ? error.stack : error);
      process.exitCode = EXIT.FAILURE;
    }
  },
);
