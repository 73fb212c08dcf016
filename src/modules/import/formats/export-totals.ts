import { MAX_YEAR, MIN_YEAR } from '../../../graphql/years';
import type { ExportTotalRecord, FormatContext, Parsed, SourceFormat, SourceRecord } from '../types';
import { ALPHA_ALIASES, WORLD_ALPHA_CODES } from './comtrade-codes';
import { findHeader, HS_PRODUCT_COLUMN_NAMES, isBlankRecord } from './fields';
import { parseYear, readAmount } from './numbers';

/**
 * Exporter totals: what each country exported of each product in a year to the whole world, with no
 * importer — the layout of the Growth Lab's country–product files and of `py-ecomplexity`'s sample
 * (`year,origin,hs92,export_val`). Columns are found by name (any case and punctuation, any order, other
 * columns ignored); country codes are ISO alpha-3 in any case; values are USD.
 */

type Result = Parsed<ExportTotalRecord>;

const invalid = (reason: string): Result => ({ kind: 'invalid', reason });
const SKIP_BLANK: Result = { kind: 'skip', reason: 'blank line' };
const SKIP_WORLD: Result = { kind: 'skip', reason: 'exporter is World: a total, not a country' };

/** Accepted names of each column, compared by `headerKey` ("Export Value" = "export_value"). */
const COLUMNS = {
  year: ['year', 'period', 'ref_year'],
  exporter: ['exporter', 'origin', 'location_code', 'country_iso3', 'exporter_iso3', 'iso3', 'country'],
  product: [...HS_PRODUCT_COLUMN_NAMES, 'commodity_code', 'cmd_code'],
  value: ['export_value', 'export_val', 'exports', 'value_usd', 'value'],
} as const;
type Column = keyof typeof COLUMNS;
/** Columns that name an importer: such a file holds bilateral flows, which this format would add up wrongly. */
const PARTNER_COLUMNS = { partner: ['importer', 'partner', 'partner_code', 'partner_iso', 'destination', 'dest'] };
const REQUIRED: Column[] = ['year', 'exporter', 'product', 'value'];

// Codes that are not ISO 3166 but name a country we hold (BLX Belgium-Luxembourg → BEL…), and those of the
// world total, which a country–product file may carry as a row of its own: as the Comtrade format reads them.
const EXPORTER_ALIASES = ALPHA_ALIASES;
const WORLD_CODES = WORLD_ALPHA_CODES;

const HS_CODE = /^\d{2}(\d{2}(\d{2})?)?$/;

function mapper(
  columns: Record<Column, number>,
  names: readonly string[],
  count: number,
  context: FormatContext,
): (record: SourceRecord) => Result {
  const [yearAt, exporterAt, productAt, valueAt] = REQUIRED.map((c) => columns[c]);
  const [yearName, exporterName, productName, valueName] = REQUIRED.map((c) => names[columns[c]].trim());

  return ({ fields }) => {
    if (isBlankRecord(fields)) return SKIP_BLANK;
    if (fields.length !== count) return invalid(`expected ${count} fields as in the header, found ${fields.length}`);

    const yearText = fields[yearAt].trim();
    const year = parseYear(yearText);
    if (Number.isNaN(year)) return invalid(`column ${yearName}: "${fields[yearAt]}" is not a year`);
    if (year < MIN_YEAR || year > MAX_YEAR) return invalid(`column ${yearName}: year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);

    const written = fields[exporterAt].trim().toUpperCase();
    if (WORLD_CODES.has(written)) return SKIP_WORLD;
    const exporter = EXPORTER_ALIASES.get(written) ?? written;
    if (!/^[A-Z]{3}$/.test(exporter))
      return invalid(`column ${exporterName}: "${fields[exporterAt]}" is not an ISO 3166 alpha-3 country code`);
    if (!context.countries.has(exporter)) return invalid(`column ${exporterName}: "${fields[exporterAt]}" is not a known country`);

    const product = fields[productAt].trim();
    if (!HS_CODE.test(product)) {
      const hint = /^(\d|\d{3}|\d{5})$/.test(product) ? '; was its leading zero lost?' : '';
      return invalid(`column ${productName}: "${fields[productAt]}" is not an HS code (2, 4 or 6 digits)${hint}`);
    }

    const valueText = fields[valueAt].trim();
    if (valueText === '') return invalid(`column ${valueName} is empty`);
    const valueUsd = readAmount(valueText, valueName);
    if (typeof valueUsd !== 'number') return invalid(valueUsd.reason);

    return { kind: 'row', row: { year, exporter, product, valueUsd } };
  };
}

const expected = REQUIRED.map((c) => `${c} (${COLUMNS[c].slice(0, 3).join(', ')}…)`).join(', ');

/** Exporter totals by year, country and HS product (no importer), e.g. `year,origin,hs92,export_val`. */
export const exportTotalsFormat: SourceFormat<ExportTotalRecord> = {
  id: 'exports',
  description: 'exports of each country by product to the world, no importer (year, exporter/origin, HS code, value in USD)',
  open(firstRecords, context) {
    const header = firstRecords[0];
    if (!header) return { error: `expected a header with columns ${expected}, found an empty file`, line: 1 };
    const found = findHeader([header], COLUMNS, REQUIRED);
    if (!found) return { error: `expected a header with columns ${expected}, found ${header.fields.join(',')}`, line: header.line };
    const partner = findHeader([header], PARTNER_COLUMNS, ['partner']);
    if (partner) {
      const name = header.fields[partner.columns.partner].trim();
      return {
        error: `column ${name} names an importer: these are bilateral flows, not exports to the world; use the baci or comtrade format`,
        line: header.line,
      };
    }
    return { headerIndex: 0, metadata: {}, map: mapper(found.columns, header.fields, header.fields.length, context) };
  },
};
