import type { FlowRecord, FormatContext, Parsed, SourceFormat, SourceRecord } from '../types';
import { BACI_AREA_CODES, BACI_NON_ISO_CODES } from './baci-countries';
import { MAX_YEAR, MIN_YEAR } from '../../../graphql/years';
import { readAmount, parseYear } from './numbers';

/**
 * CEPII BACI, the raw release layout `t,i,j,k,v,q`: year, exporter, importer (BACI numeric codes), HS-6
 * product (its leading zero dropped), value in thousand USD, quantity in metric tons (space-padded, or NA).
 * A release holds ~10 million rows a year, so `map` does no per-row work beyond the checks and the result.
 */

const EXPECTED_HEADER = 't,i,j,k,v,q';
const FIELDS = 6;

/** The header as written, without BOM, quotes already removed by the CSV reader, compared case-insensitively. */
function headerOf(record: SourceRecord): string {
  return record.fields
    .map((name) =>
      name
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    )
    .join(',');
}

const invalid = (reason: string): Parsed<FlowRecord> => ({ kind: 'invalid', reason });

/**
 * A country's trade with itself (i = j, or two codes of one country such as 251 and 250) is no bilateral
 * flow: skipped and counted, as the Comtrade format skips a reporter trading with itself.
 */
const SKIP_SELF: Parsed<FlowRecord> = { kind: 'skip', reason: 'exporter and importer are the same country' };

type Role = 'exporter' | 'importer';
const COLUMN_OF: Record<Role, string> = { exporter: 'i', importer: 'j' };

/**
 * BACI numeric code → ISO alpha-3 through BACI's own table when given (--countries), else through BACI's
 * known departures from ISO numeric and then ISO numeric itself. Answers are cached by the text of the
 * field: a release names ~230 codes 10 million times.
 */
function countryResolver(context: FormatContext) {
  const resolved = new Map<string, string>();
  const table = context.sourceCountryCodes;

  return (text: string, role: Role): string | Parsed<FlowRecord> => {
    const known = resolved.get(text);
    if (known !== undefined) return known;
    const column = COLUMN_OF[role];
    const trimmed = text.trim();
    if (!/^\d{1,4}$/.test(trimmed)) return invalid(`column ${column}: "${text}" is not a numeric country code`);
    const code = Number(trimmed);
    const area = BACI_AREA_CODES.get(code);
    if (area !== undefined) return { kind: 'skip', reason: `${role} is BACI area ${code} "${area}", not a country` };
    const iso3 = table ? table.get(code) : (BACI_NON_ISO_CODES.get(code) ?? context.countriesByNumeric.get(code));
    if (iso3 === undefined) {
      return invalid(
        table
          ? `column ${column}: country code ${code} is not in BACI's country table (--countries)`
          : `column ${column}: country code ${code} is not an ISO 3166 numeric code we know (give BACI's country table with --countries)`,
      );
    }
    if (!context.countries.has(iso3)) return invalid(`column ${column}: country code ${code} is ${iso3}, which is not a known country`);
    resolved.set(text, iso3);
    return iso3;
  };
}

function mapper(context: FormatContext): (record: SourceRecord) => Parsed<FlowRecord> {
  const country = countryResolver(context);

  return ({ fields }) => {
    if (fields.length !== FIELDS) return invalid(`expected ${FIELDS} fields (${EXPECTED_HEADER}), found ${fields.length}`);
    // Indexed reads, not destructuring: this runs for every row of a 10-million-row release.
    const t = fields[0];
    const i = fields[1];
    const j = fields[2];
    const k = fields[3];
    const v = fields[4];
    const q = fields[5];

    const year = parseYear(t.trim());
    if (Number.isNaN(year)) return invalid(`column t: "${t}" is not a year`);
    if (year < MIN_YEAR || year > MAX_YEAR) return invalid(`column t: year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);

    const exporter = country(i, 'exporter');
    if (typeof exporter !== 'string') return exporter;
    const importer = country(j, 'importer');
    if (typeof importer !== 'string') return importer;
    if (exporter === importer) return SKIP_SELF;

    // BACI writes HS codes as numbers: "10111" is 010111.
    const code = k.trim();
    if (!/^\d{5,6}$/.test(code))
      return invalid(`column k: "${k}" is not an HS-6 product code (5 or 6 digits, BACI drops the leading zero)`);

    const value = readAmount(v.trim(), 'v', 3);
    if (typeof value !== 'number') return invalid(value.reason);

    const tons = q.trim();
    let quantityTons: number | null = null;
    if (tons !== 'NA' && tons !== '') {
      const read = readAmount(tons, 'q');
      if (typeof read !== 'number') return invalid(read.reason.endsWith('is not a number') ? `${read.reason} (or NA)` : read.reason);
      quantityTons = read;
    }

    return {
      kind: 'row',
      row: { year, exporter, importer, product: code.length === 5 ? `0${code}` : code, valueUsd: value, quantityTons },
    };
  };
}

/** CEPII BACI raw files (`BACI_HS92_Y2021_V202301.csv`): flows exporter → importer, value × 1000 to USD. */
export const baciFormat: SourceFormat<FlowRecord> = {
  id: 'baci',
  description: 'CEPII BACI flows (t,i,j,k,v,q: thousand USD, tons); numeric country codes via --countries',
  open(firstRecords, context) {
    const header = firstRecords[0];
    if (!header) return { error: `expected header ${EXPECTED_HEADER} (CEPII BACI), found an empty file`, line: 1 };
    if (headerOf(header) !== EXPECTED_HEADER) {
      return { error: `expected header ${EXPECTED_HEADER} (CEPII BACI), found ${header.fields.join(',')}`, line: header.line };
    }
    return { headerIndex: 0, metadata: {}, map: mapper(context) };
  },
};
