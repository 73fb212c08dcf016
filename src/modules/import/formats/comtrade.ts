import type { FlowRecord, FormatContext, Parsed, SourceFormat, SourceRecord } from '../types';
import { comtradeColumns, type ComtradeColumns } from './comtrade-columns';
import { resolveTerritory } from './comtrade-codes';
import { MAX_YEAR, MIN_YEAR } from '../../../graphql/years';
import { isNonFiniteWord, parseDecimal, parseYear, readAmount } from './numbers';

/**
 * UN Comtrade as the reporters declare it: "AUT imports 4401 from BEL" becomes the flow BEL → AUT. Rows that
 * are not a bilateral flow of one country to another (World totals, "Areas, nes", re-exports, breakdowns
 * of a total by mode of transport…) are skipped with their reason.
 */

type Result = Parsed<FlowRecord>;
type Role = 'reporter' | 'partner';

const invalid = (reason: string): Result => ({ kind: 'invalid', reason });
const skip = (reason: string): Result => ({ kind: 'skip', reason });

// Skips share one object each: the pipeline counts them by reason, and big files have many.
const SKIP_TOTAL_PRODUCT = skip('commodity TOTAL (all products) is not an HS code');
const SKIP_SELF = skip('reporter and partner are the same country');
const SKIP_PARTNER2 = skip('second partner is not World: a breakdown of the total row');
const SKIP_TRANSPORT = skip('mode of transport is not the total (0): a breakdown of the total row');
const SKIP_CUSTOMS = skip('customs procedure is not the total (C00): a breakdown of the total row');

const HS_CODE = /^\d{2}(\d{2}(\d{2})?)?$/;

/** Reporter or partner → ISO alpha-3, or why the row is skipped or invalid; answers cached per code pair. */
function territoryResolver(columns: ComtradeColumns, context: FormatContext, role: Role) {
  const { alpha, numeric } = columns[role];
  const cache = new Map<string, string | Result>();

  return (fields: string[]): string | Result => {
    const alphaText = alpha ? fields[alpha.index] : '';
    const numericText = numeric ? fields[numeric.index] : '';
    const key = `${alphaText}\u0000${numericText}`;
    let answer = cache.get(key);
    if (answer === undefined) {
      const territory = resolveTerritory(alphaText, numericText, context);
      const written = [alpha && `${alpha.name} "${alphaText}"`, numeric && `${numeric.name} "${numericText}"`].filter(Boolean).join(', ');
      if (territory.kind === 'country') answer = territory.iso3;
      else if (territory.kind === 'world') answer = skip(`${role} is World: a total, not a bilateral flow`);
      else if (territory.kind === 'area') answer = skip(`${role} ${territory.label} is an area, not a country`);
      else if (territory.kind === 'empty') answer = invalid(`${role} is not given: ${written}`);
      else answer = invalid(`${role} is not a known country or Comtrade area: ${written}`);
      cache.set(key, answer);
    }
    return answer;
  };
}

/** Whether the row is one of Comtrade's breakdowns of the total row (by second partner, transport, customs). */
function breakdown({ partner2, transport, customs }: ComtradeColumns, fields: string[]): Result | null {
  if (partner2) {
    const value = fields[partner2.index].trim();
    if (value !== '' && value !== '0' && value.toUpperCase() !== 'W00') return SKIP_PARTNER2;
  }
  if (transport) {
    const value = fields[transport.index].trim();
    if (value !== '' && value !== '0') return SKIP_TRANSPORT;
  }
  if (customs) {
    const value = fields[customs.index].trim();
    if (value !== '' && value.toUpperCase() !== 'C00') return SKIP_CUSTOMS;
  }
  return null;
}

/** Import or export from the flow code (M, X) or, in the short layout, its description. */
function direction({ flowCode, flowDesc }: ComtradeColumns, fields: string[]): 'M' | 'X' | Result {
  const column = flowCode ?? flowDesc!;
  const text = fields[column.index].trim();
  if (text === '') return invalid(`column ${column.name} is empty`);
  return flowDirection(text) ?? skip(`flow "${text}" is not an import or an export`);
}

/** M for an import (M, Import), X for an export (X, Export), in any case; null for other flows (RM, Re-export…). */
export function flowDirection(text: string): 'M' | 'X' | null {
  const flow = text.toUpperCase();
  if (flow === 'M' || flow === 'IMPORT') return 'M';
  if (flow === 'X' || flow === 'EXPORT') return 'X';
  return null;
}

function mapper(columns: ComtradeColumns, context: FormatContext): (record: SourceRecord) => Result {
  const reporterOf = territoryResolver(columns, context, 'reporter');
  const partnerOf = territoryResolver(columns, context, 'partner');
  const { year: yearColumn, commodity, value: valueColumn, netWeight, frequency } = columns;

  return ({ fields }) => {
    if (fields.length !== columns.count) return invalid(`expected ${columns.count} fields as in the header, found ${fields.length}`);
    const broken = breakdown(columns, fields);
    if (broken) return broken;
    if (frequency && fields[frequency.index].trim().toUpperCase() === 'M') {
      return invalid(`column ${frequency.name}: monthly data ("M") is not supported; tradegraph holds annual flows`);
    }
    const flow = direction(columns, fields);
    if (typeof flow !== 'string') return flow;

    const product = fields[commodity.index].trim();
    if (product.toUpperCase() === 'TOTAL') return SKIP_TOTAL_PRODUCT;
    const reporter = reporterOf(fields);
    if (typeof reporter !== 'string') return reporter;
    const partner = partnerOf(fields);
    if (typeof partner !== 'string') return partner;
    if (reporter === partner) return SKIP_SELF;

    const yearText = fields[yearColumn.index];
    const year = parseYear(yearText.trim());
    if (Number.isNaN(year)) return invalid(`column ${yearColumn.name}: "${yearText}" is not a year`);
    if (year < MIN_YEAR || year > MAX_YEAR) return invalid(`column ${yearColumn.name}: year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);

    if (!HS_CODE.test(product)) {
      const hint = /^\d{1}$|^\d{3}$|^\d{5}$/.test(product) ? '; was its leading zero lost?' : '';
      return invalid(`column ${commodity.name}: "${fields[commodity.index]}" is not an HS code (2, 4 or 6 digits)${hint}`);
    }

    const valueText = fields[valueColumn.index].trim();
    if (valueText === '') return invalid(`column ${valueColumn.name} is empty`);
    const valueUsd = readAmount(valueText, valueColumn.name);
    if (typeof valueUsd !== 'number') return invalid(valueUsd.reason);

    // Net weight is optional and often missing ("", "NA"): unknown, not an error. Kilograms → tons. A
    // number that cannot be stored (negative, not finite, out of range) is invalid.
    let quantityTons: number | null = null;
    if (netWeight) {
      const text = fields[netWeight.index].trim();
      if (!Number.isNaN(parseDecimal(text)) || isNonFiniteWord(text)) {
        const tons = readAmount(text, netWeight.name, -3);
        if (typeof tons !== 'number') return invalid(tons.reason);
        quantityTons = tons;
      }
    }

    const exporter = flow === 'M' ? partner : reporter;
    const importer = flow === 'M' ? reporter : partner;
    return { kind: 'row', row: { year, exporter, importer, product, valueUsd, quantityTons } };
  };
}

/** UN Comtrade downloads: the API's camelCase columns or the snake_case ones of comtradr, short or full. */
export const comtradeFormat: SourceFormat<FlowRecord> = {
  id: 'comtrade',
  description: 'UN Comtrade flows (API camelCase or snake_case columns; imports and exports, USD, net weight in kg)',
  open(firstRecords, context) {
    const header = firstRecords[0];
    if (!header) return { error: 'expected a UN Comtrade header, found an empty file', line: 1 };
    const columns = comtradeColumns(header.fields);
    if ('missing' in columns) {
      return {
        error: `expected a UN Comtrade header with ${columns.missing.join(', ')} (camelCase or snake_case), found ${header.fields.join(',')}`,
        line: header.line,
      };
    }
    return { headerIndex: 0, metadata: { layout: columns.layout }, map: mapper(columns, context) };
  },
};
