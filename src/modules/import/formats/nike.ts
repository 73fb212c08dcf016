import type { DisclosureRecord, FormatContext, OpenedFormat, Parsed, SourceFormat, SourceRecord } from '../types';
import { resolveCountryName } from './country-names';
import { fieldAt, findHeader, isBlankRecord, readCount, type LocatedHeader } from './fields';
import { readNikeBanner } from './nike-banner';
import { productTypeId } from './product-type-map';

/** Nike's columns by their spellings across the 2021, 2023 and 2025 exports. */
const COLUMNS = {
  name: ['Factory Name'],
  facilityType: ['Factory Type'],
  productType: ['Product Type', 'Product Type Type'],
  supplierGroup: ['Supplier Group'],
  address: ['Address'],
  city: ['City'],
  country: ['Country / Region', 'Country/Region', 'Country'],
  totalWorkers: ['Total Workers'],
  brands: ['Nike, Inc. Brand(s)', 'Brand(s)', 'Brand'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED = (Object.keys(COLUMNS) as Column[]).filter((c) => c !== 'brands');

/** Nike, Inc. discloses for all its brands at once: each brand is a brand of its own, with Nike, Inc. as parent. */
const DEFAULT_BRAND = 'Nike';
const PARENT = 'Nike, Inc.';
/** Nike, Inc.'s brands as tradegraph names them, by upper-case spelling (2021 writes "NIKE", later years "Nike"). */
const NIKE_INC_BRANDS: ReadonlyMap<string, string> = new Map([
  ['NIKE', 'Nike'],
  ['CONVERSE', 'Converse'],
  ['JORDAN', 'Jordan'],
]);

/**
 * The brands of a `Nike, Inc. Brand(s)` cell ("NIKE", "Converse", "NIKE, Converse"): known ones in their
 * usual spelling, others as written; an empty cell (or no such column) is `fallback`.
 */
export function nikeBrands(cell: string | null, fallback: string): string[] {
  const names = (cell ?? '')
    .split(',')
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '')
    .map((name) => NIKE_INC_BRANDS.get(name.toUpperCase()) ?? name);
  return names.length === 0 ? [fallback] : [...new Set(names)];
}

/** 2021 writes "NO GROUP (AP)", "NO GROUP (EQ)", "NO GROUP (FW)", "NO SUPPLIER GROUP" for independent factories. */
const NO_GROUP = /^no (supplier )?group\b/i;

/**
 * Nike's manufacturing-map export, as published: a banner on line 1 ("… Data As Of February 2021"), the
 * header on line 2 (spellings vary: `Product Type` / `Product Type Type`, `Country/Region` / `Country /
 * Region`, trailing contact columns in 2021), one row per facility.
 *
 * - Brands from the `Nike, Inc. Brand(s)` column, each a brand of its own with parent "Nike, Inc." (as
 *   VF Corporation is The North Face's): "NIKE"/"Nike" → Nike, "Converse" → Converse, "NIKE, Converse" →
 *   both (one sourcing link each; the facility is one). An empty cell, or a file without the column, is
 *   `context.brand` (--brand) or else Nike.
 * - Disclosure date: `context.disclosedAt` when given, else the banner's month (first day); also returned
 *   as `metadata.disclosedAt`, with the banner's words as `metadata.dataAsOf`.
 * - Names, addresses and cities are kept as disclosed (2021 is upper case, later years title case), only
 *   trimmed with inner white space collapsed: re-casing would damage names such as "JSI VINA"; the
 *   facility match rule (facility-match.ts) ignores case anyway.
 * - Supplier group: as disclosed; 2021's "NO GROUP (..)" placeholders mean none (null).
 * - Country: the name in `Country / Region` through `resolveCountryName`; unknown → invalid.
 * - Product type: see product-type-map.ts (2021's MATERIALS → TEXTILES).
 * - Workers: `Total Workers` is an exact count (min = max); empty → unknown; anything else → invalid.
 */
export const nikeDisclosureFormat: SourceFormat<DisclosureRecord> = {
  id: 'nike',
  description: "Nike, Inc. manufacturing map export (banner 'Data As Of <month> <year>' on line 1, header on line 2)",
  open(firstRecords, context) {
    const header = findHeader(firstRecords, COLUMNS, REQUIRED);
    if (!header) {
      const expected = REQUIRED.map((c) => COLUMNS[c][0]).join(', ');
      const at = firstRecords.length > 1 && readNikeBanner(firstRecords[0].fields) ? firstRecords[1] : firstRecords[0];
      return { error: `expected Nike's header (${expected}) on line 2, after the "Data As Of" banner`, line: at?.line ?? 1 };
    }
    const preamble = firstRecords.slice(0, header.index);
    const bannerRecord = preamble.find((r) => readNikeBanner(r.fields));
    const banner = bannerRecord ? readNikeBanner(bannerRecord.fields) : null;
    const disclosedAt = context.disclosedAt ?? banner?.disclosedAt ?? null;
    if (disclosedAt === null) {
      const why = banner ? `the banner's date "${banner.asOf}" is not a month and year` : 'there is no "Data As Of <month> <year>" banner';
      return { error: `${why}; pass --disclosed-at YYYY-MM-DD`, line: bannerRecord?.line ?? firstRecords[0]?.line ?? 1 };
    }
    const metadata: Record<string, string> = { disclosedAt };
    if (banner) metadata.dataAsOf = banner.asOf;
    return opened(firstRecords[header.index], header, disclosedAt, metadata, context);
  },
};

function opened(
  headerRecord: SourceRecord,
  { index, columns }: LocatedHeader<Column>,
  disclosedAt: string,
  metadata: Record<string, string>,
  context: FormatContext,
): OpenedFormat<DisclosureRecord> {
  // Reasons name the columns as this file spells them.
  const label = (c: Column) => headerRecord.fields[columns[c]].trim();
  return {
    headerIndex: index,
    metadata,
    map(record): Parsed<DisclosureRecord> {
      if (isBlankRecord(record.fields)) return { kind: 'skip', reason: 'blank line' };
      const get = (c: Column) => fieldAt(record.fields, columns[c]);
      const facilityName = get('name');
      if (facilityName === null) return { kind: 'invalid', reason: `column ${label('name')} is empty` };
      const countryName = get('country');
      if (countryName === null) return { kind: 'invalid', reason: `column ${label('country')} is empty` };
      const country = resolveCountryName(countryName, context);
      if (country === null) return { kind: 'invalid', reason: `column ${label('country')}: unknown country "${countryName}"` };
      const workers = readCount(get('totalWorkers'), label('totalWorkers'));
      if (!workers.ok) return { kind: 'invalid', reason: workers.reason };
      const supplierGroup = get('supplierGroup');
      const [brand, ...alsoBrands] = nikeBrands(get('brands'), context.brand ?? DEFAULT_BRAND);
      return {
        kind: 'row',
        row: {
          brand,
          brandParent: PARENT,
          ...(alsoBrands.length > 0 ? { alsoBrands } : {}),
          supplierGroup: supplierGroup !== null && NO_GROUP.test(supplierGroup) ? null : supplierGroup,
          facilityName,
          country,
          address: get('address'),
          city: get('city'),
          productType: productTypeId(get('productType')),
          facilityType: get('facilityType'),
          workersMin: workers.value,
          workersMax: workers.value,
          disclosedAt,
        },
      };
    },
  };
}
