import { AppError, ErrorCode } from '../../src/errors/app-error';
import { PARQUET, PARQUET_ROW_GROUP_ROWS } from '../../src/modules/export/formats/parquet';
import { assertRowsFit, rowLimitOf } from '../../src/modules/export/formats/row-limit';
import type { ExportColumn, ExportProvenance, RowBatch, TableFormat } from '../../src/modules/export/formats/table-format';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { XLSX, XLSX_MAX_DATA_ROWS, uncompressedBacklog } from '../../src/modules/export/formats/xlsx';
import { readParquet, readXlsx } from '../support/read-export';

/**
 * The typed formats end to end without a database: 120,000 generated rows of every column type go through
 * each encoder in batches, and an independent reader reads the file back — DuckDB for Parquet,
 * read-excel-file for xlsx (the writers are hyparquet-writer and exceljs).
 */

const ROWS = 120_000;
const BATCH = 1_000;

const COLUMNS: ExportColumn[] = [
  { name: 'productCode', type: 'code' },
  { name: 'exporter.name', type: 'text' },
  { name: 'year', type: 'integer' },
  { name: 'valueUsd', type: 'decimal' },
  { name: 'quantityTons', type: 'decimal' },
  { name: 'share', type: 'float' },
  { name: 'mixesLevels', type: 'boolean' },
  { name: 'dataset.importedAt', type: 'datetime' },
];

const PROVENANCE: ExportProvenance = {
  datasets: [
    {
      id: '3',
      kind: 'TRADE',
      name: 'BACI HS92',
      version: 'V202301',
      file: 'BACI_HS92_Y2021_V202301.csv',
      checksum: 'sha256:5d41402abc4b2a76b9719d911017c592',
      licence: 'Etalab Open Licence 2.0',
      importedAt: '2026-12-01T10:00:00.000Z',
    },
    {
      id: '7',
      kind: 'TRADE',
      name: 'Comtrade wood',
      version: '2022',
      file: null,
      checksum: null,
      licence: null,
      importedAt: '2026-12-02T11:30:00.000Z',
    },
  ],
  exportedAt: '2026-12-04T20:00:00.123Z',
  source: 'tradeAggregate',
};

const NAMES = ['=1+1', '+SUM(A1)', '@cmd', 'Côte d’Ivoire', 'Viet Nam, "Socialist Republic"', 'Türkiye 🇹🇷', ''];

/** Row i's value in thousandths of a US$ (exact, up to 10^13 US$). */
const millisOf = (i: number): number => i * 7_919_131 + (i % 1000);
const decimalText = (millis: number): string => `${Math.floor(millis / 1000)}.${String(millis % 1000).padStart(3, '0')}`;

/** Row i: every type, nulls on every 7th row where a column may be null, money as a number or as text. */
function rowAt(i: number): (string | number | boolean | null)[] {
  const nulls = i % 7 === 3;
  const millis = millisOf(i);
  return [
    String(i % 1_000_000).padStart(6, '0'),
    nulls ? null : NAMES[i % NAMES.length],
    1995 + (i % 30),
    i % 2 === 0 ? millis / 1000 : decimalText(millis),
    nulls ? null : (i % 5000) / 1000,
    nulls ? null : i / ROWS,
    nulls ? null : i % 3 === 0,
    nulls ? null : new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  ];
}

/** Rows that a double cannot carry exactly, and rounding: they come after the generated ones. */
const EDGE_ROWS: { value: number | string; text: string }[] = [
  { value: '123456789012345678901234567.891', text: '123456789012345678901234567.891' },
  { value: 0.1 + 0.2, text: '0.300' },
  { value: 1.005, text: '1.005' },
  { value: '-5.5', text: '-5.500' },
  { value: 1e21, text: '1000000000000000000000.000' },
  { value: '2.0005', text: '2.001' },
];
const TOTAL = ROWS + EDGE_ROWS.length;

/** The rows in batches, counting how many were handed over (so a test sees how far the encoder read). */
function source(pulled: { rows: number }): AsyncIterable<RowBatch> {
  return (async function* () {
    for (let start = 0; start < ROWS; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, k) => rowAt(start + k));
      pulled.rows += batch.length;
      yield batch;
    }
    yield EDGE_ROWS.map(({ value }, k) => ['999999', `edge ${k}`, 2000, value, null, null, null, null]);
    pulled.rows += EDGE_ROWS.length;
  })();
}

/**
 * Whether a row read back differs from the expected one: dates by their time, within `dateSlackMs`, the rest
 * by ===. (An xlsx date-time is a number of days, a double: 2026-01-01T00:00:01Z is 46023.00001157407, which
 * read-excel-file turns into …00.999Z, as it drops the fraction of a millisecond that the double leaves.)
 */
function differs(actual: readonly unknown[], expected: readonly unknown[], dateSlackMs = 0): boolean {
  return (
    actual.length !== expected.length ||
    actual.some((v, j) => {
      const e = expected[j];
      return v instanceof Date && e instanceof Date ? Math.abs(v.getTime() - e.getTime()) > dateSlackMs : v !== e;
    })
  );
}

interface Encoded {
  bytes: Uint8Array;
  chunks: number;
  /** Rows handed to the encoder when its second chunk came out. */
  rowsAtSecondChunk: number;
}

async function encode(format: TableFormat, columns = COLUMNS, batches?: AsyncIterable<RowBatch>): Promise<Encoded> {
  const pulled = { rows: 0 };
  const chunks: Uint8Array[] = [];
  let rowsAtSecondChunk = -1;
  for await (const chunk of format.encode(columns, PROVENANCE, batches ?? source(pulled), {})) {
    chunks.push(chunk);
    if (chunks.length === 2) rowsAtSecondChunk = pulled.rows;
  }
  return { bytes: Buffer.concat(chunks), chunks: chunks.length, rowsAtSecondChunk };
}

describe('Parquet export read back by DuckDB', () => {
  let encoded: Encoded;
  let file: Awaited<ReturnType<typeof readParquet>>;

  beforeAll(async () => {
    encoded = await encode(PARQUET);
    file = await readParquet(encoded.bytes);
  });

  it('types every column as intended: strings for codes and text, DECIMAL(38,3) for money, BIGINT, DOUBLE, BOOLEAN, TIMESTAMPTZ', () => {
    expect(file.columns).toEqual([
      { name: 'productCode', type: 'VARCHAR' },
      { name: 'exporter.name', type: 'VARCHAR' },
      { name: 'year', type: 'BIGINT' },
      { name: 'valueUsd', type: 'DECIMAL(38,3)' },
      { name: 'quantityTons', type: 'DECIMAL(38,3)' },
      { name: 'share', type: 'DOUBLE' },
      { name: 'mixesLevels', type: 'BOOLEAN' },
      { name: 'dataset.importedAt', type: 'TIMESTAMP WITH TIME ZONE' },
    ]);
  });

  it('reads back every value: codes with their zeros, exact decimals, nulls', () => {
    expect(file.rows).toHaveLength(TOTAL);
    for (let i = 0; i < ROWS; i++) {
      const [code, name, year, , quantity, share, flag, at] = rowAt(i);
      const expected = [
        code,
        name,
        BigInt(year as number),
        decimalText(millisOf(i)),
        quantity === null ? null : decimalText(Math.round((quantity as number) * 1000)),
        share,
        flag,
        at === null ? null : new Date(at as string),
      ];
      if (differs(file.rows[i], expected)) expect({ row: i, values: file.rows[i] }).toEqual({ row: i, values: expected });
    }
    expect(file.rows[3]).toEqual(['000003', null, 1998n, '23757.396', null, null, null, null]);
  });

  it('keeps decimals a double cannot hold, and rounds half away from zero at 3 decimals', () => {
    expect(file.rows.slice(ROWS).map((r) => r[3])).toEqual(EDGE_ROWS.map((e) => e.text));
  });

  it('records the provenance in the key-value metadata', () => {
    expect(file.provenance).toEqual(PROVENANCE);
    expect(file.metadata).toMatchObject({
      'tradegraph.source': 'tradeAggregate',
      'tradegraph.exported_at': PROVENANCE.exportedAt,
      'tradegraph.datasets': '3,7',
    });
  });

  it('writes row groups as the rows come: the first group leaves before the rows are all read', () => {
    expect(file.rowGroups).toBe(Math.ceil(TOTAL / PARQUET_ROW_GROUP_ROWS));
    expect(encoded.chunks).toBe(file.rowGroups + 2); // magic, one chunk a group, footer
    expect(encoded.rowsAtSecondChunk).toBe(PARQUET_ROW_GROUP_ROWS + (BATCH - (PARQUET_ROW_GROUP_ROWS % BATCH)));
  });

  it('writes a file with no rows that DuckDB reads as empty, with its columns and provenance', async () => {
    const empty = await readParquet((await encode(PARQUET, COLUMNS, (async function* () {})())).bytes);
    expect(empty.rows).toEqual([]);
    expect(empty.columns.map((c) => c.type)).toContain('DECIMAL(38,3)');
    expect(empty.provenance).toEqual(PROVENANCE);
  });

  it('stops on a value its column cannot hold rather than write it wrong', async () => {
    const rows = async function* () {
      yield [['000001', 'x', 2.5, '1', null, null, null, null]];
    };
    await expect(encode(PARQUET, COLUMNS, rows())).rejects.toThrow('Parquet: row 1, column year (integer): 2.5 is not a whole number');
  });
});

describe('xlsx export read back by read-excel-file', () => {
  let encoded: Encoded;
  let file: Awaited<ReturnType<typeof readXlsx>>;

  beforeAll(async () => {
    encoded = await encode(XLSX);
    file = await readXlsx(encoded.bytes);
  });

  it('has a data sheet with the header row and a provenance sheet', () => {
    expect(file.sheets).toEqual(['data', 'provenance']);
    expect(file.columns).toEqual(COLUMNS.map((c) => c.name));
  });

  it('reads back typed cells: codes as text with their zeros, numbers as numbers, booleans, dates, nulls', () => {
    expect(file.rows).toHaveLength(TOTAL);
    for (let i = 0; i < ROWS; i++) {
      const [code, name, year, , quantity, share, flag, at] = rowAt(i);
      const expected = [
        code,
        name === '' ? null : name,
        year,
        millisOf(i) / 1000,
        quantity,
        share,
        flag,
        at === null ? null : new Date(at as string),
      ];
      if (differs(file.rows[i], expected, 1)) expect({ row: i, values: file.rows[i] }).toEqual({ row: i, values: expected });
    }
    expect(file.rows[3]).toEqual(['000003', null, 1998, 23757.396, null, null, null, null]);
  });

  it('keeps "=1+1" and the other formula-like texts as text, never a formula', () => {
    // Row 3 is a row of nulls; row 6's empty text is an empty cell (xlsx has no empty string but no value).
    expect(file.rows.slice(0, NAMES.length).map((r) => r[1])).toEqual([
      '=1+1',
      '+SUM(A1)',
      '@cmd',
      null,
      'Viet Nam, "Socialist Republic"',
      'Türkiye 🇹🇷',
      null,
    ]);
  });

  it('records the provenance in its own sheet', () => {
    expect(file.provenance).toEqual(PROVENANCE);
  });

  it("sees how far exceljs's zip is behind, which bounds the XML waiting for deflate", () => {
    // If an exceljs or archiver upgrade moved these internals, the backlog would read 0 and memory would
    // grow with the export again (60 MB of XML after 500,000 rows on a busy machine).
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_c, _e, done) => done() }) });
    const sheet = workbook.addWorksheet('data');
    for (let i = 0; i < 5000; i++) sheet.addRow(['000123', i, i / 1000]).commit();
    expect(uncompressedBacklog(sheet)).toBeGreaterThan(64 * 1024);
  });

  it('streams: the first bytes leave before the rows are all read', () => {
    expect(encoded.chunks).toBeGreaterThan(10);
    expect(encoded.rowsAtSecondChunk).toBeLessThan(ROWS / 2);
  });
});

describe("Excel's row limit", () => {
  it('is exposed on the format, and the pipeline check fails with EXPORT_TOO_LARGE before anything is sent', () => {
    expect(rowLimitOf(XLSX)).toBe(1_048_575);
    expect(rowLimitOf(PARQUET)).toBeNull();
    expect(() => assertRowsFit(XLSX, XLSX_MAX_DATA_ROWS)).not.toThrow();
    expect(() => assertRowsFit(PARQUET, 10_000_000)).not.toThrow();
    let error: unknown;
    try {
      assertRowsFit(XLSX, 1_048_576);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: ErrorCode.EXPORT_TOO_LARGE,
      details: { format: 'xlsx', maxRows: 1_048_575, rows: 1_048_576 },
      message: expect.stringContaining('1,048,576 rows; xlsx holds at most 1,048,575'),
    });
  });

  it('stops the encoder at the row past the limit, so a longer export never ends as a whole-looking file', async () => {
    const oneColumn: ExportColumn[] = [{ name: 'n', type: 'integer' }];
    // 128 batches of 8,192 rows: 1,048,576 rows, one past the limit; the same less one row fits.
    const rows = async function* (count: number) {
      const batch: RowBatch = Array.from({ length: 8192 }, () => [null]);
      for (let sent = 0; sent < count; sent += batch.length) yield batch.slice(0, Math.min(batch.length, count - sent));
    };
    await expect(encode(XLSX, oneColumn, rows(XLSX_MAX_DATA_ROWS))).resolves.toMatchObject({ chunks: expect.any(Number) });
    await expect(encode(XLSX, oneColumn, rows(XLSX_MAX_DATA_ROWS + 1))).rejects.toMatchObject({
      code: ErrorCode.EXPORT_TOO_LARGE,
      details: { format: 'xlsx', maxRows: 1_048_575 },
    });
  });
});
