import { PARQUET } from './parquet';
import type { TableFormat } from './table-format';
import { XLSX } from './xlsx';

/** The typed binary formats (Parquet, xlsx), for the registry of every export format. */
export const BINARY_FORMATS: readonly TableFormat[] = [PARQUET, XLSX];
