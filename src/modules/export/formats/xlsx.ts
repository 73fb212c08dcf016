import { Writable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { exportTooLarge, type RowLimitedFormat } from './row-limit';
import type { ExportColumn, ExportProvenance, RowBatch } from './table-format';

/** A sheet's rows in Excel (and LibreOffice since 7.4): 1,048,576, the first of them the header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

/** The data sheet's name, and the sheet that records where the rows came from. */
export const XLSX_DATA_SHEET = 'data';
export const XLSX_PROVENANCE_SHEET = 'provenance';

/** The provenance sheet's header: one row per dataset below it. */
export const XLSX_PROVENANCE_HEADER = [
  'datasetId',
  'kind',
  'name',
  'version',
  'file',
  'checksum',
  'licence',
  'importedAt',
  'exportedAt',
  'source',
] as const;

/**
 * Office Open XML through exceljs's streaming WorkbookWriter: each row is committed (serialised and handed
 * to the zip) as it comes, with inline strings rather than a shared-strings table, so a sheet's memory does
 * not grow with its length. Sheet "data" has the header row and one row per exported row, typed: numbers
 * (integer, decimal, float) as numbers — Excel has no decimal type, so money is a double there, exact to 15
 * significant digits —, booleans as booleans, date-times as date cells (UTC), and text and codes as
 * strings, so "010121" keeps its zeros. A string cell is never a formula: exceljs writes formulas only from
 * `{ formula }` objects, and a text "=1+1" is stored as that text, which no spreadsheet executes (the
 * neutralisation with a leading quote is for CSV, where a cell has no type; xlsx keeps the text exact).
 * Sheet "provenance" lists the datasets; the workbook's properties name the source and the export time.
 *
 * A sheet holds at most XLSX_MAX_DATA_ROWS rows below its header: the pipeline checks its count with
 * `assertRowsFit` before sending; rows beyond it make the encoder throw EXPORT_TOO_LARGE (an aborted,
 * unreadable download rather than a whole-looking file with rows missing).
 */
export const XLSX: RowLimitedFormat = {
  id: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  maxRows: XLSX_MAX_DATA_ROWS,
  encode: encodeXlsx,
};

async function* encodeXlsx(
  columns: readonly ExportColumn[],
  provenance: ExportProvenance,
  batches: AsyncIterable<RowBatch>,
): AsyncGenerator<Uint8Array> {
  // The zip's bytes as they come out: taken after each batch, never making the zip wait (a stream it had to
  // wait on would leave the rows' XML piling up uncompressed before it).
  const pending: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  workbook.creator = 'tradegraph';
  workbook.created = new Date(provenance.exportedAt);
  workbook.title = `tradegraph export: ${provenance.source}`;
  workbook.subject = provenance.datasets.map((d) => `${d.name} ${d.version}`).join('; ');
  workbook.description = `Exported ${provenance.exportedAt} from ${provenance.source}; datasets in sheet "${XLSX_PROVENANCE_SHEET}".`;

  const dateColumns = columns.flatMap((c, j) => (c.type === 'datetime' ? [j + 1] : []));
  const sheet = workbook.addWorksheet(XLSX_DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const j of dateColumns) sheet.getColumn(j).numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.addRow(columns.map((c) => c.name)).commit();
  let rows = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      if (++rows > XLSX_MAX_DATA_ROWS) throw exportTooLarge(XLSX, XLSX_MAX_DATA_ROWS, null);
      sheet.addRow(columns.map((c, j) => xlsxValue(c, row[j]))).commit();
    }
    // Let the zip's deflate catch up with the rows just serialised, and pass on what it produced.
    await nextTurn();
    while (uncompressedBacklog(sheet) > XLSX_MAX_BACKLOG_BYTES) await sleep(1);
    yield* pending.splice(0);
  }
  sheet.commit();

  const datasets = workbook.addWorksheet(XLSX_PROVENANCE_SHEET);
  datasets.addRow([...XLSX_PROVENANCE_HEADER]).commit();
  const rowsOf = provenance.datasets.length > 0 ? provenance.datasets : [null];
  for (const d of rowsOf) {
    const values = d ? [d.id, d.kind, d.name, d.version, d.file, d.checksum, d.licence, d.importedAt] : Array(8).fill(null);
    datasets.addRow([...values, provenance.exportedAt, provenance.source]).commit();
  }
  datasets.commit();

  // The rest (the last rows, the provenance sheet, styles, the zip's directory) once the zip has finished.
  await workbook.commit();
  yield* pending.splice(0);
}

/** Serialised rows that may wait for the zip's deflate before more rows are serialised. */
const XLSX_MAX_BACKLOG_BYTES = 2 * 2 ** 20;

/** The parts of exceljs's and archiver's streams that tell how far the zip is behind (neither exports it). */
interface PipedSheet {
  stream?: { pipes?: { _writableState?: { length?: number }; _readableState?: { length?: number } }[] };
}

/**
 * Bytes of a sheet's XML written but not yet taken by the zip. exceljs writes a sheet into a buffer that
 * pushes to archiver's entry stream (a readable-stream 2 PassThrough) without waiting for it, and the zip
 * takes about one 64 KiB chunk per turn of the event loop: a batch of 1,000 rows is twice that, so without
 * waiting the XML piled up (60 MB queued after 500,000 rows). The encoder waits while this is above
 * XLSX_MAX_BACKLOG_BYTES. Zero if those internals change: the encoder then only yields a turn per batch.
 */
export function uncompressedBacklog(sheet: ExcelJS.Worksheet): number {
  const pipes = (sheet as unknown as PipedSheet).stream?.pipes ?? [];
  return pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
}

/** A cell's value: numbers stay numbers, text stays text (never a formula), date-times become dates. */
function xlsxValue(column: ExportColumn, value: string | number | boolean | null | undefined): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'text':
    case 'code':
      return typeof value === 'string' ? value : String(value);
    case 'integer':
    case 'decimal':
    case 'float': {
      const number = typeof value === 'string' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number))
        throw new Error(`xlsx: column ${column.name}: ${JSON.stringify(value)} is not a number`);
      return number;
    }
    case 'boolean':
      return value;
    case 'datetime': {
      const millis = typeof value === 'string' ? Date.parse(value) : NaN;
      if (!Number.isFinite(millis)) throw new Error(`xlsx: column ${column.name}: ${JSON.stringify(value)} is not an ISO 8601 date-time`);
      return new Date(millis);
    }
  }
}
