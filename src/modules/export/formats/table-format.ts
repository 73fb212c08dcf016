/**
 * The contract between the export pipeline (GET /csv, GET /export, `npm run export`) and a file format.
 * The pipeline runs the query, pages through every row of its one root list and hands the rows over in
 * batches; a format turns them into bytes as they come, so that an export of any size is written in
 * constant memory. A format never sees GraphQL: only columns, provenance and rows of plain values.
 */

/** What a column holds, from the GraphQL type of its field: formats that are typed (Parquet, xlsx) follow it. */
export type ColumnType =
  /** Free text. */
  | 'text'
  /** An identifier or code that must stay text even when it looks numeric (ids, HS codes "010121", ISO codes). */
  | 'code'
  /** A whole number (GraphQL Int, counts, years). */
  | 'integer'
  /** Money and other exact figures (US$ values): a decimal, never a binary float, where the format has one. */
  | 'decimal'
  /** A measured or computed ratio (shares, HHI, RCA): a double. */
  | 'float'
  | 'boolean'
  /** An ISO 8601 date-time text. */
  | 'datetime';

export interface ExportColumn {
  /** Header text ("exporter.id"): aliases and nesting as the query selected them. */
  readonly name: string;
  readonly type: ColumnType;
}

/** One dataset an exported list was computed from. */
export interface ProvenanceDataset {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly version: string;
  readonly file: string | null;
  readonly checksum: string | null;
  readonly licence: string | null;
  /** ISO 8601. */
  readonly importedAt: string;
}

/** Where an export's rows came from; every format records it whether or not the query selected it. */
export interface ExportProvenance {
  readonly datasets: readonly ProvenanceDataset[];
  /** ISO 8601 time the export started. */
  readonly exportedAt: string;
  /** The root field exported ("tradeAggregate"). */
  readonly source: string;
}

export interface EncodeOptions {
  /** Start a text format with a UTF-8 byte order mark (Excel then reads UTF-8 without asking). */
  readonly bom?: boolean;
}

/**
 * One batch of rows: each row's values in column order. A value is a string, a finite number, a boolean
 * or null (a missing or null field). Money arrives as a number or as a decimal string; codes as strings.
 */
export type RowBatch = readonly (readonly (string | number | boolean | null)[])[];

export interface TableFormat {
  /** The `format` parameter's value ("csv"). */
  readonly id: string;
  /** Content-Type of the response. */
  readonly contentType: string;
  /** File name extension, without the dot ("csv"). */
  readonly extension: string;
  /**
   * The file, as chunks, from the rows as they come. Must not hold more than a bounded number of rows at a
   * time (a row group, a sheet's buffer). Errors thrown by `batches` propagate (the pipeline then aborts the
   * download rather than end a file that reads as whole).
   */
  encode(
    columns: readonly ExportColumn[],
    provenance: ExportProvenance,
    batches: AsyncIterable<RowBatch>,
    options: EncodeOptions,
  ): AsyncGenerator<Uint8Array>;
}
