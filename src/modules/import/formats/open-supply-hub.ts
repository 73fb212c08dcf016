import type { FormatContext, OpenedFormat, OpenSupplyHubRecord, Parsed, SourceFormat, SourceRecord } from '../types';
import { alpha2ToAlpha3, resolveCountryName } from './country-names';
import { fieldAt, findHeader, isBlankRecord, type LocatedHeader, type Read } from './fields';
import { readOshWorkers } from './osh-workers';

/** Open Supply Hub's columns by the spellings its exports use (compared by `headerKey`, so case and punctuation are free). */
const COLUMNS = {
  osId: ['os_id', 'os id'],
  name: ['name', 'facility_name'],
  address: ['address'],
  countryCode: ['country_code'],
  countryName: ['country_name', 'country'],
  lat: ['lat', 'latitude'],
  lng: ['lng', 'lon', 'longitude'],
  sector: ['sector'],
  contributors: ['contributor (list)', 'contributor_list', 'contributors', 'contributor'],
  workers: ['number_of_workers', 'number of workers'],
  facilityType: ['facility_type', 'facility type'],
  parentCompany: ['parent_company', 'parent company'],
  isClosed: ['is_closed', 'closed'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['osId', 'name', 'address', 'countryCode'];

const CLOSED = /^(true|yes|y|1|closed)$/i;

/**
 * An Open Supply Hub facility download (`os_id, contribution_date, name, address, country_code,
 * country_name, lat, lng, sector, contributor (list), number_of_workers, facility_type, processing_type,
 * product_type, parent_company, is_closed, …`). Columns are found by name in any order and any case;
 * os_id, name, address and country_code are required.
 *
 * - Closed facilities (`is_closed` true) are skipped: they are no longer places anyone sources from.
 * - Country: `country_code` (ISO alpha-2) → alpha-3 when known, else `country_name` by name; neither → invalid.
 * - Coordinates: both or neither (one alone locates nothing); out of range or not a number → invalid.
 * - Contributors: the "|"-separated list, trimmed, empties dropped.
 * - Workers: see osh-workers.ts ("More than 10000" → unknown).
 */
export const openSupplyHubFormat: SourceFormat<OpenSupplyHubRecord> = {
  id: 'open-supply-hub',
  description: 'Open Supply Hub facility download (os_id, name, address, country_code, lat, lng, contributor, number_of_workers, …)',
  open(firstRecords, context) {
    const header = findHeader(firstRecords, COLUMNS, REQUIRED);
    if (!header)
      return {
        error: `expected Open Supply Hub's header (at least ${REQUIRED.map((c) => COLUMNS[c][0]).join(', ')}) on line 1`,
        line: firstRecords[0]?.line ?? 1,
      };
    return opened(firstRecords[header.index], header, context);
  },
};

/** A coordinate: empty → null; a number within ±limit; anything else is the reason. */
function coordinate(value: string | null, column: string, limit: number): Read<number | null> {
  if (value === null) return { ok: true, value: null };
  const n = Number(value);
  if (!/^[-+]?\d+(\.\d+)?$/.test(value) || !Number.isFinite(n))
    return { ok: false, reason: `column ${column}: "${value}" is not a number` };
  if (Math.abs(n) > limit) return { ok: false, reason: `column ${column}: ${value} is outside −${limit}…${limit}` };
  return { ok: true, value: n };
}

function opened(
  headerRecord: SourceRecord,
  { index, columns }: LocatedHeader<Column>,
  context: FormatContext,
): OpenedFormat<OpenSupplyHubRecord> {
  const label = (c: Column) => (columns[c] >= 0 ? headerRecord.fields[columns[c]].trim() : COLUMNS[c][0]);

  function countryOf(code: string | null, name: string | null): Read<string> {
    const alpha3 = code === null ? undefined : alpha2ToAlpha3.get(code.toUpperCase());
    if (alpha3 !== undefined && context.countries.has(alpha3)) return { ok: true, value: alpha3 };
    const byName = name === null ? null : resolveCountryName(name, context);
    if (byName !== null) return { ok: true, value: byName };
    const problems = [
      code !== null
        ? `column ${label('countryCode')}: "${code}" is not a known ISO alpha-2 code`
        : `column ${label('countryCode')} is empty`,
    ];
    if (name !== null) problems.push(`column ${label('countryName')}: unknown country "${name}"`);
    return { ok: false, reason: problems.join('; ') };
  }

  return {
    headerIndex: index,
    metadata: {},
    map(record): Parsed<OpenSupplyHubRecord> {
      if (isBlankRecord(record.fields)) return { kind: 'skip', reason: 'blank line' };
      const get = (c: Column) => fieldAt(record.fields, columns[c]);
      const osId = get('osId');
      if (osId === null) return { kind: 'invalid', reason: `column ${label('osId')} is empty` };
      if (CLOSED.test(get('isClosed') ?? '')) return { kind: 'skip', reason: 'facility is closed (is_closed)' };
      const name = get('name');
      if (name === null) return { kind: 'invalid', reason: `column ${label('name')} is empty` };
      const country = countryOf(get('countryCode'), get('countryName'));
      if (!country.ok) return { kind: 'invalid', reason: country.reason };
      const lat = coordinate(get('lat'), label('lat'), 90);
      if (!lat.ok) return { kind: 'invalid', reason: lat.reason };
      const lng = coordinate(get('lng'), label('lng'), 180);
      if (!lng.ok) return { kind: 'invalid', reason: lng.reason };
      const located = lat.value !== null && lng.value !== null;
      const workers = readOshWorkers(get('workers'), label('workers'));
      if (!workers.ok) return { kind: 'invalid', reason: workers.reason };
      return {
        kind: 'row',
        row: {
          osId: osId.toUpperCase(),
          name,
          address: get('address'),
          country: country.value,
          latitude: located ? lat.value : null,
          longitude: located ? lng.value : null,
          sector: get('sector'),
          contributors: (get('contributors') ?? '')
            .split('|')
            .map((c) => c.trim())
            .filter((c) => c !== ''),
          workersMin: workers.value.min,
          workersMax: workers.value.max,
          parentCompany: get('parentCompany'),
          facilityType: get('facilityType'),
        },
      };
    },
  };
}
