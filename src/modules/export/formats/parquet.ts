import type { SchemaElement } from 'hyparquet';
import { toUnscaledDecimal } from './decimal';
import { loadHyparquetWriter } from './hyparquet-writer';
import type { ColumnType, ExportColumn, ExportProvenance, RowBatch, TableFormat } from './table-format';

/**
 * Apache Parquet through hyparquet-writer: rows are gathered column by column into row groups of
 * `PARQUET_ROW_GROUP_ROWS`, each group is encoded (dictionary/RLE, Snappy) and its bytes leave before the
 * next one is gathered, so an export holds one row group at a time whatever its length. The footer (schema,
 * row-group index, key-value metadata) is written last, as Parquet requires.
 *
 * Column types (all OPTIONAL, so a null field is a null value):
 * - `text`, `code`: BYTE_ARRAY UTF8 (STRING) — an HS code "010121" or an id stays text with its zeros;
 * - `integer`: INT64; `float`: DOUBLE; `boolean`: BOOLEAN;
 * - `decimal`: DECIMAL(38, 3) in a 16-byte FIXED_LEN_BYTE_ARRAY. Scale 3 because every money and quantity
 *   column the database holds is numeric(20, 3) (BACI's thousands of USD × 1000 keep 3 decimals) and their
 *   sums keep that scale; precision 38 (the most a 16-byte decimal holds: Decimal128 in Arrow, Spark and
 *   DuckDB) because the 8-byte DECIMAL(18, 3) ends at 10^15 US$, only a few times the world's trade summed
 *   over three decades, and a sum that does not fit would stop the export;
 * - `datetime`: INT64 TIMESTAMP (UTC-adjusted, milliseconds): the API's date-times are ISO 8601 texts with
 *   milliseconds, so nothing is lost, and every reader shows a real timestamp rather than a text.
 *
 * Provenance is the file's key-value metadata: `tradegraph.provenance` holds the whole `ExportProvenance`
 * as JSON; `tradegraph.source`, `tradegraph.exported_at` and `tradegraph.datasets` (the datasets' ids,
 * comma-separated) repeat its main parts for tools that list keys without parsing JSON.
 */
export const PARQUET_ROW_GROUP_ROWS = 65_536;

export const PARQUET_DECIMAL_PRECISION = 38;
export const PARQUET_DECIMAL_SCALE = 3;

type ParquetValue = string | number | bigint | boolean | null;

export const PARQUET: TableFormat = {
  id: 'parquet',
  contentType: 'application/vnd.apache.parquet',
  extension: 'parquet',
  encode: encodeParquet,
};

async function* encodeParquet(
  columns: readonly ExportColumn[],
  provenance: ExportProvenance,
  batches: AsyncIterable<RowBatch>,
): AsyncGenerator<Uint8Array> {
  const { ByteWriter, ParquetWriter } = await loadHyparquetWriter();
  const bytes = new ByteWriter();
  const writer = new ParquetWriter({
    writer: bytes,
    schema: parquetSchema(columns),
    kvMetadata: provenanceMetadata(provenance),
    createdBy: 'tradegraph (hyparquet-writer)',
  });
  // Everything the writer appended since the last call, as a chunk of its own (the writer's buffer is reused).
  const take = (): Uint8Array => {
    const chunk = bytes.getBytes().slice();
    bytes.index = 0;
    return chunk;
  };
  yield take(); // the PAR1 magic: the response starts at once
  let group = columns.map((): ParquetValue[] => []);
  let rowNumber = 0;
  // write() and finish() return a promise only for a writer with flush(), which a ByteWriter has not: both are
  // synchronous here, and the group's bytes are in `bytes` when they return.
  const flushGroup = (): Uint8Array => {
    void writer.write({ columnData: columns.map((c, j) => ({ name: c.name, data: group[j] })), rowGroupSize: group[0].length });
    group = columns.map((): ParquetValue[] => []);
    return take();
  };
  for await (const batch of batches) {
    for (const row of batch) {
      rowNumber++;
      if (row.length !== columns.length)
        throw new Error(`Parquet: row ${rowNumber} has ${row.length} values for ${columns.length} columns`);
      for (let j = 0; j < columns.length; j++) group[j].push(parquetValue(columns[j], row[j], rowNumber));
      if (group[0].length === PARQUET_ROW_GROUP_ROWS) yield flushGroup();
    }
  }
  if (columns.length > 0 && group[0].length > 0) yield flushGroup();
  void writer.finish();
  yield take();
}

function parquetSchema(columns: readonly ExportColumn[]): SchemaElement[] {
  if (columns.length === 0) throw new Error('Parquet: a file needs at least one column');
  return [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...PHYSICAL[c.type] }))];
}

const PHYSICAL: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  code: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  integer: { type: 'INT64', repetition_type: 'OPTIONAL' },
  float: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  boolean: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  decimal: {
    type: 'FIXED_LEN_BYTE_ARRAY',
    type_length: 16,
    converted_type: 'DECIMAL',
    precision: PARQUET_DECIMAL_PRECISION,
    scale: PARQUET_DECIMAL_SCALE,
    logical_type: { type: 'DECIMAL', precision: PARQUET_DECIMAL_PRECISION, scale: PARQUET_DECIMAL_SCALE },
    repetition_type: 'OPTIONAL',
  },
  datetime: {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    repetition_type: 'OPTIONAL',
  },
};

/** A row's value as the column's physical type wants it; a value the type cannot hold stops the export. */
function parquetValue(column: ExportColumn, value: string | number | boolean | null, rowNumber: number): ParquetValue {
  if (value === null) return null;
  const fail = (why: string): never => {
    throw new Error(`Parquet: row ${rowNumber}, column ${column.name} (${column.type}): ${why}`);
  };
  switch (column.type) {
    case 'text':
    case 'code':
      return typeof value === 'string' ? value : String(value);
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
      if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) return BigInt(value);
      return fail(`${JSON.stringify(value)} is not a whole number`);
    case 'float': {
      const number = typeof value === 'string' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? number : fail(`${JSON.stringify(value)} is not a finite number`);
    }
    case 'decimal':
      if (typeof value === 'boolean') return fail('a boolean is not a decimal');
      try {
        return toUnscaledDecimal(value, PARQUET_DECIMAL_SCALE, PARQUET_DECIMAL_PRECISION);
      } catch (error) {
        return fail((error as Error).message);
      }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(`${JSON.stringify(value)} is not a boolean`);
    case 'datetime': {
      const millis = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isFinite(millis) ? millis : fail(`${JSON.stringify(value)} is not an ISO 8601 date-time`);
    }
  }
}

function provenanceMetadata(provenance: ExportProvenance): { key: string; value: string }[] {
  return [
    { key: 'tradegraph.provenance', value: JSON.stringify(provenance) },
    { key: 'tradegraph.source', value: provenance.source },
    { key: 'tradegraph.exported_at', value: provenance.exportedAt },
    { key: 'tradegraph.datasets', value: provenance.datasets.map((d) => d.id).join(',') },
  ];
}
