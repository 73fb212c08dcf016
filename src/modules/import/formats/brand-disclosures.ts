import type { DisclosureRecord, FormatContext, OpenedFormat, Parsed, SourceFormat, SourceRecord } from '../types';
import { resolveCountryName } from './country-names';
import { fieldAt, findHeader, isBlankRecord, type LocatedHeader, type Read } from './fields';
import { productTypeId } from './product-type-map';
import { readWorkers } from './workers-range';

/** The generic disclosure layout (brand_disclosures_adidas_vf_puma_c2023.csv), matched case-insensitively. */
const COLUMNS = {
  brand: ['brand'],
  supplierGroup: ['parent_company_or_supplier_group', 'supplier_group'],
  name: ['factory_name', 'facility_name'],
  country: ['country'],
  countryIso3: ['country_iso3'],
  city: ['city'],
  address: ['address'],
  productType: ['product_type'],
  facilityType: ['factory_type', 'facility_type'],
  totalWorkers: ['total_workers'],
  workersLower: ['workers_lower'],
  workersUpper: ['workers_upper'],
  asOf: ['as_of'],
} as const;
type Column = keyof typeof COLUMNS;

/** VF once appends the role to the name: "MILTEKS TEKSTIL SAN. VE TIC. A.S. - Supplier Group". */
const ROLE_SUFFIX = /\s*-\s*supplier group$/i;

/**
 * The generic brand-disclosure layout `brand, parent_company_or_supplier_group, factory_name, country,
 * country_iso3, city, address, product_type, factory_type, total_workers, workers_lower, workers_upper,
 * pct_female, pct_migrant, as_of` (adidas, VF Corporation and Puma lists, c. 2023).
 *
 * - `parent_company_or_supplier_group` is the SUPPLIER's group ("Grupo Dass", "Pungkook Corp.", "Luxottica
 *   Group S.p.A."), never the brand's parent (the brands are adidas, VF Corporation, Puma themselves): it
 *   becomes `supplierGroup`; `brandParent` is null.
 * - Brand: the `brand` column, or `context.brand` when the column is absent or empty.
 * - Country: `country_iso3` when it is a known code, else the `country` name through `resolveCountryName`
 *   (which also reads VF's "CN (Mondial code)" labels); neither → invalid.
 * - Workers: see workers-range.ts (exact total, band, Puma's "501–100" read as 501–1000).
 * - Product type: see product-type-map.ts (Accessories → OTHER, Materials → TEXTILES, Gear → EQUIPMENT);
 *   no product_type column → OTHER. Every column but factory_name and a country column is optional.
 * - Disclosure date: `context.disclosedAt`, else `as_of` when it is a date (YYYY-MM-DD or YYYY-MM); the
 *   file's "c.2023 (undated)" is not one → null (the load then asks for --disclosed-at).
 */
export const brandDisclosureFormat: SourceFormat<DisclosureRecord> = {
  id: 'brand-disclosures',
  description:
    'Brand supplier lists in the generic layout brand,parent_company_or_supplier_group,factory_name,country,country_iso3,…,as_of',
  open(firstRecords, context) {
    const header = findHeader(firstRecords, COLUMNS, ['name']);
    const expected = 'factory_name, country or country_iso3, brand (or --brand), and optionally the other columns';
    if (!header) return { error: `expected the brand-disclosure header (${expected}) on line 1`, line: firstRecords[0]?.line ?? 1 };
    const { columns } = header;
    const line = firstRecords[header.index].line;
    if (columns.country < 0 && columns.countryIso3 < 0) return { error: 'the header has neither country nor country_iso3', line };
    if (columns.brand < 0 && !context.brand) return { error: 'the header has no brand column; pass --brand', line };
    const metadata: Record<string, string> = context.disclosedAt ? { disclosedAt: context.disclosedAt } : {};
    return opened(firstRecords[header.index], header, metadata, context);
  },
};

/** A disclosure date written as YYYY-MM-DD or YYYY-MM (first day), else null. */
function dateOf(asOf: string | null): string | null {
  if (asOf === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  return /^\d{4}-\d{2}$/.test(asOf) ? `${asOf}-01` : null;
}

function opened(
  headerRecord: SourceRecord,
  { index, columns }: LocatedHeader<Column>,
  metadata: Record<string, string>,
  context: FormatContext,
): OpenedFormat<DisclosureRecord> {
  const label = (c: Column) => (columns[c] >= 0 ? headerRecord.fields[columns[c]].trim() : COLUMNS[c][0]);

  function countryOf(get: (c: Column) => string | null): Read<string> {
    const iso = get('countryIso3')?.toUpperCase() ?? null;
    if (iso !== null && context.countries.has(iso)) return { ok: true, value: iso };
    const name = get('country');
    const code = name === null ? null : resolveCountryName(name, context);
    if (code !== null) return { ok: true, value: code };
    const problems: string[] = [];
    if (iso !== null) problems.push(`column ${label('countryIso3')}: "${iso}" is not a known ISO alpha-3 code`);
    if (name !== null) problems.push(`column ${label('country')}: unknown country "${name}"`);
    return {
      ok: false,
      reason: problems.length > 0 ? problems.join('; ') : `columns ${label('country')} and ${label('countryIso3')} are empty`,
    };
  }

  return {
    headerIndex: index,
    metadata,
    map(record): Parsed<DisclosureRecord> {
      if (isBlankRecord(record.fields)) return { kind: 'skip', reason: 'blank line' };
      const get = (c: Column) => fieldAt(record.fields, columns[c]);
      const brand = get('brand') ?? context.brand ?? null;
      if (brand === null) return { kind: 'invalid', reason: `column ${label('brand')} is empty (or pass --brand)` };
      const facilityName = get('name');
      if (facilityName === null) return { kind: 'invalid', reason: `column ${label('name')} is empty` };
      const country = countryOf(get);
      if (!country.ok) return { kind: 'invalid', reason: country.reason };
      const workers = readWorkers({
        total: { value: get('totalWorkers'), label: label('totalWorkers') },
        lower: { value: get('workersLower'), label: label('workersLower') },
        upper: { value: get('workersUpper'), label: label('workersUpper') },
      });
      if (!workers.ok) return { kind: 'invalid', reason: workers.reason };
      const supplierGroup = get('supplierGroup')?.replace(ROLE_SUFFIX, '') || null;
      return {
        kind: 'row',
        row: {
          brand,
          brandParent: null,
          supplierGroup,
          facilityName,
          country: country.value,
          address: get('address'),
          city: get('city'),
          productType: productTypeId(get('productType')),
          facilityType: get('facilityType'),
          workersMin: workers.value.min,
          workersMax: workers.value.max,
          disclosedAt: context.disclosedAt ?? dateOf(get('asOf')),
        },
      };
    },
  };
}
