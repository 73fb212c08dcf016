import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import readXlsxFile from 'read-excel-file/node';
import type { ExportProvenance } from '../../src/modules/export/formats/table-format';

/**
 * Independent readers for the typed exports: Parquet through DuckDB (its own C++ reader, not the writer's
 * library) and xlsx through read-excel-file (its own unzip and XML parsing, not exceljs).
 */

export type ParquetCell = string | number | bigint | boolean | Date | null;

export interface ParquetFile {
  /** Column names with the type DuckDB reads them as ("VARCHAR", "DECIMAL(38,3)", "BIGINT"…). */
  columns: { name: string; type: string }[];
  /** Rows as DuckDB's JavaScript values, except DECIMAL values: their exact text ("1234.567"). */
  rows: ParquetCell[][];
  /** The file's key-value metadata. */
  metadata: Record<string, string>;
  /** `tradegraph.provenance` parsed, or null when the key is missing. */
  provenance: ExportProvenance | null;
  /** Row groups in the file (a writer that buffers the whole file writes one). */
  rowGroups: number;
}

/** Reads a Parquet file's bytes with DuckDB (`@duckdb/node-api`), through a temporary file. */
export async function readParquet(bytes: Uint8Array): Promise<ParquetFile> {
  const dir = await mkdtemp(join(tmpdir(), 'tradegraph-parquet-'));
  const path = join(dir, 'export.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await writeFile(path, bytes);
    const quoted = `'${path.replace(/'/g, "''")}'`;
    const data = await connection.runAndReadAll(`select * from read_parquet(${quoted})`);
    const names = data.columnNames();
    const types = data.columnTypes().map(String);
    const js = data.getRowsJS();
    const json = data.getRowsJson();
    const decimal = types.map((t) => t.startsWith('DECIMAL'));
    const rows = js.map((row, i) => row.map((value, j) => (decimal[j] ? json[i][j] : value) as ParquetCell));
    // Keys and values are BLOBs (Parquet's binary): decoded here as the UTF-8 the format prescribes.
    const kv = await connection.runAndReadAll(`select key, value from parquet_kv_metadata(${quoted})`);
    const utf8 = (blob: unknown): string => Buffer.from(blob as Uint8Array).toString('utf8');
    const metadata = Object.fromEntries(kv.getRowsJS().map(([key, value]) => [utf8(key), utf8(value)]));
    const groups = await connection.runAndReadAll(`select count(distinct row_group_id) from parquet_metadata(${quoted})`);
    const provenance = metadata['tradegraph.provenance'] ? (JSON.parse(metadata['tradegraph.provenance']) as ExportProvenance) : null;
    return {
      columns: names.map((name, j) => ({ name, type: types[j] })),
      rows,
      metadata,
      provenance,
      rowGroups: Number(groups.getRowsJS()[0][0]),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

export type XlsxCell = string | number | boolean | Date | null;

export interface XlsxFile {
  /** The data sheet's header row. */
  columns: string[];
  /** The data sheet's rows below the header, as read-excel-file types the cells. */
  rows: XlsxCell[][];
  /** The provenance sheet read back into the export's provenance, or null when the sheet is missing. */
  provenance: ExportProvenance | null;
  /** Every sheet's name, in order. */
  sheets: string[];
}

/** Reads an xlsx file's bytes with read-excel-file: the first sheet as data, the "provenance" sheet. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxFile> {
  const sheets = await readXlsxFile(Buffer.from(bytes), { trim: false });
  const [header = [], ...rows] = (sheets[0]?.data ?? []) as XlsxCell[][];
  const provenanceSheet = sheets.find((s) => s.sheet === 'provenance');
  return {
    columns: header.map(String),
    rows,
    provenance: provenanceSheet ? provenanceOf(provenanceSheet.data as XlsxCell[][]) : null,
    sheets: sheets.map((s) => s.sheet),
  };
}

function provenanceOf([header, ...rows]: XlsxCell[][]): ExportProvenance {
  const records = rows.map((row) => Object.fromEntries(header.map((name, j) => [String(name), row[j] ?? null])));
  const text = (value: XlsxCell | undefined): string | null => (value === null || value === undefined ? null : String(value));
  return {
    datasets: records
      .filter((r) => r.datasetId !== null)
      .map((r) => ({
        id: String(r.datasetId),
        kind: String(r.kind),
        name: String(r.name),
        version: String(r.version),
        file: text(r.file),
        checksum: text(r.checksum),
        licence: text(r.licence),
        importedAt: String(r.importedAt),
      })),
    exportedAt: String(records[0]?.exportedAt),
    source: String(records[0]?.source),
  };
}
