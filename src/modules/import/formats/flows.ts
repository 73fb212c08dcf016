import { MAX_YEAR, MIN_YEAR } from '../../../graphql/years';
import type { FlowRecord, FlowsColumn, FlowsOptions, FormatContext, Parsed, SourceFormat, SourceRecord } from '../types';
import { flowDirection } from './comtrade';
import { resolveTerritory } from './comtrade-codes';
import { columnIndexes, headerKey, HS_PRODUCT_COLUMN_NAMES, isBlankRecord } from './fields';
import { parseYear, readAmount } from './numbers';

/**
 * A plain CSV of bilateral flows, whoever made it: the OEC's `year,origin,dest,hs92,export_val,import_val`,
 * a Comtrade extract reduced to a few columns, a spreadsheet of one's own. What the columns mean:
 *
 * - **exporter → importer.** `exporter`/`importer`, `origin`/`dest(ination)` (and their `_iso3`, `_code`
 *   spellings) name the flow's direction: the row is what the first sold to the second.
 * - **reporter/partner** (Comtrade's words) name who declared the flow and with whom, not its direction:
 *   they are read only with a flow column (`flow`, `flow_code`, `flow_desc`, `trade_flow`: Import/M, Export/X)
 *   — an import is partner → reporter, an export reporter → partner, other flows (re-exports, re-imports) are
 *   skipped. Without a flow column the file is refused: guessing the direction would silently swap half the
 *   world's trade. exporter/importer columns win when a file has both pairs.
 * - **value.** `value`, `value_usd`, `trade_value`, `primary_value`, `export_val`, `export`… is the value of
 *   the exporter → importer flow. The OEC layout also has `import`/`import_val`: the origin's imports from
 *   the destination, i.e. the reverse flow dest → origin, which the file gives again as the export of its
 *   own (dest, origin) row. So the export column is the flow value and the import column is not read
 *   (`metadata.ignored` says so); a row with an empty export value is skipped. A file with only an import
 *   column is read as dest → origin flows. In USD, or thousand or million USD (--value-unit).
 * - **quantity** (optional): `quantity`, `quantity_tons`, `qty`, `tons`; metric tons, or kg (--quantity-unit);
 *   empty or NA is unknown.
 * - **countries:** ISO 3166 alpha-3 in any case, or UN M49 / Comtrade numeric codes, read as the Comtrade
 *   format reads them (comtrade-codes.ts): BLX is Belgium, 699 India, 490 Taiwan; World rows and areas (Comtrade's,
 *   the OEC's user-assigned `xx…` codes, M49 regions) are skipped and counted; self-flows too.
 * - **product:** HS codes of 2, 4 or 6 digits as written; the level is the code's length, as every importer
 *   stores it (a file may mix levels, as Comtrade's do). A code of 1, 3 or 5 digits lost its leading zero to
 *   a spreadsheet or a numeric column ("10111" is 010111): no chapter starts with 00, so the zero is restored.
 *
 * Columns are found by name (any case and punctuation, other columns ignored) or given with --year-column,
 * --exporter-column… which win over the names.
 */

/** Powers of ten from each unit to USD and to metric tons. */
export const VALUE_UNITS: Record<NonNullable<FlowsOptions['valueUnit']>, number> = { usd: 0, 'thousand-usd': 3, 'million-usd': 6 };
export const QUANTITY_UNITS: Record<NonNullable<FlowsOptions['quantityUnit']>, number> = { tons: 0, kg: -3 };
/** The --*-column options, by column. */
export const FLOWS_COLUMNS: readonly FlowsColumn[] = [
  'year',
  'exporter',
  'importer',
  'reporter',
  'partner',
  'flow',
  'product',
  'value',
  'quantity',
];

/** Accepted names of each column, compared by `headerKey` ("Export Value" = "export_value"); the first found wins. */
const NAMES: Record<FlowsColumn | 'reverse', readonly string[]> = {
  year: ['year', 'yr', 'period', 'ref_year', 'time'],
  exporter: ['exporter', 'origin', 'exporter_iso3', 'exporter_iso', 'exporter_code', 'origin_iso3', 'origin_iso', 'origin_code', 'iso_o'],
  importer: [
    'importer',
    'dest',
    'destination',
    'importer_iso3',
    'importer_iso',
    'importer_code',
    'dest_iso3',
    'dest_iso',
    'destination_iso3',
    'dest_code',
    'iso_d',
  ],
  reporter: ['reporter', 'reporter_iso', 'reporter_iso3', 'reporter_code'],
  partner: ['partner', 'partner_iso', 'partner_iso3', 'partner_code'],
  flow: ['flow', 'flow_code', 'flow_desc', 'trade_flow', 'flow_type'],
  product: [...HS_PRODUCT_COLUMN_NAMES, 'hs2', 'hs4', 'hs6', 'commodity', 'commodity_code', 'cmd_code'],
  value: ['value', 'value_usd', 'trade_value', 'trade_value_usd', 'primary_value', 'export_val', 'export_value', 'export', 'exports'],
  reverse: ['import_val', 'import_value', 'import', 'imports'],
  quantity: ['quantity', 'quantity_tons', 'qty', 'tons'],
};

/** Columns of Comtrade's full layouts that break a total row down: such a file is the comtrade format's. */
const COMTRADE_BREAKDOWNS = ['partner2code', 'partner2_code', 'mot_code', 'customs_code'].map(headerKey);

type Result = Parsed<FlowRecord>;
const invalid = (reason: string): Result => ({ kind: 'invalid', reason });
const SKIP_BLANK: Result = { kind: 'skip', reason: 'blank line' };
const SKIP_SELF: Result = { kind: 'skip', reason: 'exporter and importer are the same country' };
// As the comtrade format words it.
const SKIP_SELF_REPORTED: Result = { kind: 'skip', reason: 'reporter and partner are the same country' };
const SKIP_TOTAL: Result = { kind: 'skip', reason: 'product TOTAL (all products) is not an HS code' };
const SKIP_NO_EXPORT: Result = { kind: 'skip', reason: 'export value is empty (the import column, the reverse flow, is not read)' };
const MISSING = new Set(['', 'NA', 'NULL', 'N/A']);
const DIGITS = /^\d{1,6}$/;

interface Column {
  index: number;
  name: string;
}
type Role = 'exporter' | 'importer';

/** A country cell → ISO alpha-3, or why the row is skipped or invalid; answers cached by the text of the cell. */
function countryReader(context: FormatContext) {
  const cache = new Map<string, string | Result>();
  return (text: string, column: Column, role: Role | 'reporter' | 'partner'): string | Result => {
    const key = `${role}\u0000${text}`;
    let answer = cache.get(key);
    if (answer === undefined) {
      const code = text.trim();
      const territory = /^\d{1,4}$/.test(code) ? resolveTerritory('', code, context) : resolveTerritory(code, '', context);
      if (territory.kind === 'country') answer = territory.iso3;
      else if (territory.kind === 'world') answer = { kind: 'skip', reason: `${role} is World: a total, not a bilateral flow` };
      else if (territory.kind === 'area') answer = { kind: 'skip', reason: `${role} ${territory.label} is an area, not a country` };
      else if (territory.kind === 'empty') answer = invalid(`column ${column.name} is empty`);
      else answer = invalid(`column ${column.name}: "${text}" is not a known country (ISO 3166 alpha-3 or M49 numeric code) or area`);
      cache.set(key, answer);
    }
    return answer;
  };
}

interface Layout {
  count: number;
  year: Column;
  product: Column;
  value: Column;
  quantity?: Column;
  /** exporter → importer columns, or reporter/partner with a flow column. */
  direction:
    { kind: 'exporter'; exporter: Column; importer: Column } | { kind: 'reporter'; reporter: Column; partner: Column; flow: Column };
  /** The value is the reverse column (import): the flow goes importer-column → exporter-column. */
  reversed: boolean;
  /** The file has an import column that is not read: empty export values are skipped, not invalid. */
  hasReverse: boolean;
  valueScale: number;
  quantityScale: number;
}

function mapper(layout: Layout, context: FormatContext): (record: SourceRecord) => Result {
  const country = countryReader(context);
  const { year: yearColumn, product: productColumn, value: valueColumn, quantity: quantityColumn, direction } = layout;

  return ({ fields }) => {
    if (isBlankRecord(fields)) return SKIP_BLANK;
    if (fields.length !== layout.count) return invalid(`expected ${layout.count} fields as in the header, found ${fields.length}`);

    let exporter: string | Result;
    let importer: string | Result;
    if (direction.kind === 'exporter') {
      const [from, to] = layout.reversed ? [direction.importer, direction.exporter] : [direction.exporter, direction.importer];
      exporter = country(fields[from.index], from, 'exporter');
      if (typeof exporter !== 'string') return exporter;
      importer = country(fields[to.index], to, 'importer');
      if (typeof importer !== 'string') return importer;
    } else {
      const flowText = fields[direction.flow.index].trim();
      if (flowText === '') return invalid(`column ${direction.flow.name} is empty`);
      const flow = flowDirection(flowText);
      if (flow === null) return { kind: 'skip', reason: `flow "${flowText}" is not an import or an export` };
      const reporter = country(fields[direction.reporter.index], direction.reporter, 'reporter');
      if (typeof reporter !== 'string') return reporter;
      const partner = country(fields[direction.partner.index], direction.partner, 'partner');
      if (typeof partner !== 'string') return partner;
      if (reporter === partner) return SKIP_SELF_REPORTED;
      [exporter, importer] = flow === 'M' ? [partner, reporter] : [reporter, partner];
    }
    if (exporter === importer) return SKIP_SELF;

    const yearText = fields[yearColumn.index].trim();
    const year = parseYear(yearText);
    if (Number.isNaN(year)) return invalid(`column ${yearColumn.name}: "${fields[yearColumn.index]}" is not a year`);
    if (year < MIN_YEAR || year > MAX_YEAR) return invalid(`column ${yearColumn.name}: year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);

    const code = fields[productColumn.index].trim();
    if (code.toUpperCase() === 'TOTAL') return SKIP_TOTAL;
    if (!DIGITS.test(code))
      return invalid(`column ${productColumn.name}: "${fields[productColumn.index]}" is not an HS code (2, 4 or 6 digits)`);
    // 1, 3 or 5 digits: a lost leading zero (no HS chapter is 00), restored.
    const product = code.length % 2 === 1 ? `0${code}` : code;

    const valueText = fields[valueColumn.index].trim();
    if (MISSING.has(valueText.toUpperCase())) return layout.hasReverse ? SKIP_NO_EXPORT : invalid(`column ${valueColumn.name} is empty`);
    const valueUsd = readAmount(valueText, valueColumn.name, layout.valueScale);
    if (typeof valueUsd !== 'number') return invalid(valueUsd.reason);

    let quantityTons: number | null = null;
    if (quantityColumn) {
      const text = fields[quantityColumn.index].trim();
      if (!MISSING.has(text.toUpperCase())) {
        const tons = readAmount(text, quantityColumn.name, layout.quantityScale);
        if (typeof tons !== 'number') return invalid(tons.reason);
        quantityTons = tons;
      }
    }
    return { kind: 'row', row: { year, exporter, importer, product, valueUsd, quantityTons } };
  };
}

/** Where the columns are, from the options and the names; or the message that says what is missing. */
function layoutOf(header: string[], options: FlowsOptions): Layout | { error: string } {
  const names = header.map((n) => n.replace(/^\uFEFF/, '').trim());
  const found = columnIndexes(names, NAMES);
  const column = (index: number): Column | undefined => (index < 0 ? undefined : { index, name: names[index] });
  const keys = names.map(headerKey);
  const chosen: Partial<Record<FlowsColumn, Column>> = {};
  for (const role of Object.keys(NAMES) as Array<FlowsColumn | 'reverse'>) {
    if (role !== 'reverse') chosen[role] = column(found[role]);
  }
  for (const [role, name] of Object.entries(options.columns ?? {}) as Array<[FlowsColumn, string]>) {
    const index = keys.indexOf(headerKey(name));
    if (index < 0) return { error: `--${role}-column: the header has no column "${name}" (it has ${names.join(', ')})` };
    chosen[role] = { index, name: names[index] };
  }
  const given = options.columns ?? {};
  let value = chosen.value;
  const reverse = column(found.reverse);
  // The import column is read only when there is no export/value column (or when --value-column names it).
  const reversed = value === undefined ? reverse !== undefined : given.value !== undefined && reverse?.index === value.index;
  if (value === undefined) value = reverse;

  const missing: string[] = [];
  if (!chosen.year) missing.push('year (year, period…; or --year-column)');
  if (!chosen.product) missing.push('product (product, hs_code, hs92, cmd_code…; or --product-column)');
  if (!value) missing.push('value (value, trade_value, export_val, primary_value…; or --value-column)');
  let direction: Layout['direction'] | undefined;
  if (chosen.exporter && chosen.importer) direction = { kind: 'exporter', exporter: chosen.exporter, importer: chosen.importer };
  else if (chosen.reporter && chosen.partner && chosen.flow)
    direction = { kind: 'reporter', reporter: chosen.reporter, partner: chosen.partner, flow: chosen.flow };
  else if (chosen.reporter && chosen.partner)
    return {
      error:
        'columns reporter and partner say who declared a flow, not who exported: a flow column (Import/Export, M/X; or --flow-column) is needed, or --exporter-column and --importer-column',
    };
  else if (chosen.exporter && !chosen.importer)
    return {
      error: `column ${chosen.exporter.name} names an exporter but no column names the importer (importer, dest…; or --importer-column); exports to the world are the exports format's`,
    };
  else missing.push('exporter and importer (exporter/importer, origin/dest…; or --exporter-column, --importer-column)');
  if (missing.length > 0 || !chosen.year || !chosen.product || !value || !direction)
    return { error: `the header lacks ${missing.join(', ')}` };

  return {
    count: header.length,
    year: chosen.year,
    product: chosen.product,
    value,
    quantity: chosen.quantity,
    direction,
    reversed,
    hasReverse: !reversed && reverse !== undefined && reverse.index !== value.index,
    valueScale: VALUE_UNITS[options.valueUnit ?? 'usd'],
    quantityScale: QUANTITY_UNITS[options.quantityUnit ?? 'tons'],
  };
}

/** Bilateral flows in any plain layout: columns by name or by option. */
export const flowsFormat: SourceFormat<FlowRecord> = {
  id: 'flows',
  description:
    'any CSV of bilateral flows: year, exporter/origin, importer/dest (ISO alpha-3 or M49), HS product, value, optional quantity; columns by name or --*-column',
  open(firstRecords, context) {
    const header = firstRecords[0];
    if (!header)
      return { error: 'expected a header with year, exporter, importer, product and value columns, found an empty file', line: 1 };
    const keys = header.fields.map(headerKey);
    if (COMTRADE_BREAKDOWNS.some((k) => keys.includes(k)))
      return {
        error: 'this is a UN Comtrade download with breakdown rows (second partner, transport, customs): use the comtrade format',
        line: header.line,
      };
    const layout = layoutOf(header.fields, context.flows ?? {});
    if ('error' in layout) return { error: layout.error, line: header.line };
    const d = layout.direction;
    const metadata: Record<string, string> = {
      direction:
        d.kind === 'exporter'
          ? layout.reversed
            ? `${d.importer.name} → ${d.exporter.name} (the value column ${layout.value.name} is the reverse flow)`
            : `${d.exporter.name} → ${d.importer.name}`
          : `by ${d.flow.name}: imports ${d.partner.name} → ${d.reporter.name}, exports ${d.reporter.name} → ${d.partner.name}`,
      value: layout.value.name,
    };
    if (layout.hasReverse) {
      const reverse = header.fields[columnIndexes(header.fields, { reverse: NAMES.reverse }).reverse].trim();
      metadata.ignored = `${reverse} (the reverse flow)`;
    }
    return { headerIndex: 0, metadata, map: mapper(layout, context) };
  },
};
