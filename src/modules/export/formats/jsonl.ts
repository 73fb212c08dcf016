import { PROVENANCE_COLUMNS, provenanceValues } from './provenance-columns';
import type { EncodeOptions, ExportColumn, ExportProvenance, RowBatch, TableFormat } from './table-format';
import { UTF8_BOM } from './delimited';

/**
 * JSON Lines (jsonlines.org): one JSON object per row and line, keyed by the column names ("exporter.name"),
 * numbers as JSON numbers, nulls as null, then the provenance fields (`dataset.id`, `dataset.name`,
 * `dataset.version`). No formula neutralisation: no spreadsheet opens it as cells.
 */
export const jsonlFormat: TableFormat = {
  id: 'jsonl',
  contentType: 'application/jsonl; charset=utf-8',
  extension: 'jsonl',
  async *encode(columns: readonly ExportColumn[], provenance: ExportProvenance, batches: AsyncIterable<RowBatch>, options: EncodeOptions) {
    const names = [...columns.map((c) => c.name), ...PROVENANCE_COLUMNS];
    const trailer = provenanceValues(provenance);
    if (options.bom) yield UTF8_BOM;
    for await (const batch of batches) {
      let text = '';
      for (const row of batch) {
        const values = [...row, ...trailer];
        const record: Record<string, unknown> = {};
        names.forEach((name, i) => (record[name] = typeof values[i] === 'number' && !Number.isFinite(values[i]) ? null : values[i]));
        text += JSON.stringify(record) + '\n';
      }
      if (text) yield Buffer.from(text);
    }
  },
};
