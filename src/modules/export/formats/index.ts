/**
 * The export formats. (The pipeline's branch adds csv, tsv and jsonl here: the registry then lists
 * `...BINARY_FORMATS` beside them.)
 */
export { BINARY_FORMATS } from './binary-formats';
export { PARQUET } from './parquet';
export { XLSX } from './xlsx';
export { assertRowsFit, rowLimitOf, type RowLimitedFormat } from './row-limit';
