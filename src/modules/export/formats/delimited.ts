import { neutraliseFormula } from './formula';
import { PROVENANCE_COLUMNS, provenanceValues } from './provenance-columns';
import type { EncodeOptions, ExportColumn, ExportProvenance, RowBatch, TableFormat } from './table-format';

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Cell = string | number | boolean | null;

/** A number as JavaScript prints it (a dot for decimals, no thousands separators, no locale); nothing for a non-finite one. */
const numberText = (value: number) => (Number.isFinite(value) ? String(value) : '');

/**
 * RFC 4180 CSV field: quoted when it holds a comma, quote or line break. Text cells a spreadsheet would
 * run as a formula are neutralised first (formula.ts); numbers and booleans are written as they are.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Tab-separated values as spreadsheets and `IANA text/tab-separated-values` read them: no quoting, so a
 * tab or line break inside a value becomes a space (a TSV field cannot hold one).
 */
export function tsvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  return neutraliseFormula(value).replace(/[\t\r\n]+/g, ' ');
}

/** A format of one line per row, cells joined by a separator; the provenance columns come last. */
function delimitedFormat(id: string, contentType: string, separator: string, cell: (value: Cell) => string): TableFormat {
  const line = (cells: readonly Cell[]) => cells.map(cell).join(separator) + '\r\n';
  return {
    id,
    contentType,
    extension: id,
    async *encode(
      columns: readonly ExportColumn[],
      provenance: ExportProvenance,
      batches: AsyncIterable<RowBatch>,
      options: EncodeOptions,
    ) {
      const trailer = provenanceValues(provenance);
      const header = line([...columns.map((c) => c.name), ...PROVENANCE_COLUMNS]);
      yield options.bom ? Buffer.concat([UTF8_BOM, Buffer.from(header)]) : Buffer.from(header);
      for await (const batch of batches) {
        let text = '';
        for (const row of batch) text += line([...row, ...trailer]);
        if (text) yield Buffer.from(text);
      }
    },
  };
}

/** RFC 4180: comma-separated, CRLF line ends, fields quoted when they must be. */
export const csvFormat = delimitedFormat('csv', 'text/csv; charset=utf-8', ',', csvCell);

/** Tab-separated, CRLF line ends, no quoting. */
export const tsvFormat = delimitedFormat('tsv', 'text/tab-separated-values; charset=utf-8', '\t', tsvCell);
