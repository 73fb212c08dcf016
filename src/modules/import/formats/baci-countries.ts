import { parse } from 'csv-parse/sync';
import { COMTRADE_NON_ISO_CODES } from './comtrade-codes';

/**
 * CEPII BACI's country table (`country_codes_V202301.csv`): BACI's numeric codes are ISO 3166 numeric
 * codes except where BACI keeps the UN Comtrade "reporter" code of a customs territory. This module reads
 * the table and knows the exceptions, so that a BACI file can be read with or without --countries.
 */

/** BACI's code for "Other Asia, nes", which is Taiwan's trade (CEPII says so; M49 has no Taiwan code). */
export const BACI_OTHER_ASIA_NES = 490;

/**
 * BACI codes that differ from ISO 3166 numeric: BACI keeps UN Comtrade's reporter codes (251 France and
 * Monaco, 842 USA with Puerto Rico, 699 India…; the test checks them against the V202301 table). Used when
 * no BACI table is given.
 */
export const BACI_NON_ISO_CODES: ReadonlyMap<number, string> = COMTRADE_NON_ISO_CODES;

/** BACI codes of areas that are not countries (the table gives them no ISO code): their flows are skipped. */
export const BACI_AREA_CODES: ReadonlyMap<number, string> = new Map([
  [697, 'Europe EFTA, nes'],
  [849, 'US Misc. Pacific Isds'],
]);

const CODE_COLUMN = 'country_code';
/** The alpha-3 column: V202301 and earlier, then the shorter layout of later releases. */
const ISO3_COLUMNS = ['iso_3digit_alpha', 'country_iso3'];

/**
 * Reads BACI's country table (the text of the file) into BACI code → ISO alpha-3. Rows without a real
 * alpha-3 (BACI writes "N/A" for areas such as 697 "Europe EFTA, nes") are left out, except 490 "Other Asia,
 * nes", which is mapped to TWN. Several codes may map to one country (58 and 56 are both BEL).
 * Throws an Error naming the line for a missing column, a ragged row, a non-numeric or repeated code.
 */
export function parseBaciCountryCodes(csvText: string): Map<number, string> {
  const records = parse(csvText, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as Array<{
    record: string[];
    info: { lines: number };
  }>;
  if (records.length === 0) throw new Error('BACI country table: the file is empty');
  const header = records[0].record.map((name) => name.trim().toLowerCase());
  const codeAt = header.indexOf(CODE_COLUMN);
  const iso3At = header.findIndex((name) => ISO3_COLUMNS.includes(name));
  if (codeAt < 0 || iso3At < 0) {
    throw new Error(
      `BACI country table, line ${records[0].info.lines}: expected columns ${CODE_COLUMN} and ${ISO3_COLUMNS.join(' or ')}, found ${records[0].record.join(',')}`,
    );
  }

  const codes = new Map<number, string>();
  const seen = new Set<number>();
  for (const { record, info } of records.slice(1)) {
    const where = `BACI country table, line ${info.lines}`;
    if (record.length !== header.length) throw new Error(`${where}: expected ${header.length} fields, found ${record.length}`);
    const rawCode = record[codeAt].trim();
    if (!/^\d{1,4}$/.test(rawCode)) throw new Error(`${where}: ${CODE_COLUMN} "${record[codeAt]}" is not a numeric code`);
    const code = Number(rawCode);
    if (seen.has(code)) throw new Error(`${where}: ${CODE_COLUMN} ${code} appears twice`);
    seen.add(code);
    const iso3 = record[iso3At].trim().toUpperCase();
    if (code === BACI_OTHER_ASIA_NES) codes.set(code, 'TWN');
    else if (/^[A-Z]{3}$/.test(iso3)) codes.set(code, iso3);
  }
  return codes;
}
