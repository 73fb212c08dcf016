import worldCountries from 'world-countries';
import { COUNTRY_ALIASES, MONDIAL_CODES } from './country-aliases';
import type { FormatContext } from '../types';

/**
 * ISO 3166-1 alpha-2 → alpha-3 for every country in `world-countries` (Open Supply Hub and other sources
 * give alpha-2 codes; our country table is keyed by alpha-3). Upper-case keys.
 */
export const alpha2ToAlpha3: ReadonlyMap<string, string> = new Map(worldCountries.map((c) => [c.cca2.toUpperCase(), c.cca3.toUpperCase()]));

/**
 * The form in which country names are compared: accents stripped (NFKD), lower case, "&" read as "and",
 * apostrophes dropped ("Côte d'Ivoire" → "cote divoire"), other punctuation as spaces, the word "the"
 * dropped ("The Gambia", "Netherlands (the)"), "St" read as "saint", spaces collapsed.
 */
export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised name → alpha-3: world-countries' names, then our aliases (which win). */
const BY_NAME: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (const c of worldCountries) {
    // Codes among the alternative spellings ("VN", "UK", "DRC") are not names: "ES" would be Spain to
    // world-countries but El Salvador to VF. Sources' codes are handled by their own tables.
    for (const name of [c.name.common, c.name.official, ...c.altSpellings].filter((n) => n.length > 3)) {
      table.set(normaliseCountryName(name), c.cca3);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) table.set(normaliseCountryName(name), code);
  return table;
})();

const MONDIAL = /^\s*([A-Za-z]{1,3})\s*\(\s*mondial code\s*\)\s*$/i;

/**
 * The ways a written name may be read, most literal first: as written; a parenthesised or comma-separated
 * qualifier moved to the front ("Korea (Republic of)", "Korea, Republic of" → "Republic of Korea",
 * "Congo (Democratic Republic of the)"); the name without its parenthesis ("Myanmar (Burma)"); the
 * parenthesis alone ("Korea, Republic of (South Korea)").
 */
function readings(name: string): string[] {
  const paren = name.match(/^(.*?)\(([^()]*)\)\s*$/);
  const base = paren ? paren[1].trim() : name;
  const inner = paren ? paren[2].trim() : '';
  const commaFlipped = (s: string) => {
    const comma = s.lastIndexOf(',');
    return comma > 0 ? `${s.slice(comma + 1)} ${s.slice(0, comma)}` : null;
  };
  return [name, paren ? `${inner} ${base}` : null, commaFlipped(name), base, commaFlipped(base), inner || null].filter(
    (s): s is string => s !== null,
  );
}

/**
 * ISO alpha-3 code of a country written as a name, or null when the name is unknown or the country is not
 * in `context.countries`. Handles case, accents, punctuation, "&"/"and", "The", qualifiers in parentheses
 * or after a comma ("Korea, Republic of"), the aliases of `COUNTRY_ALIASES` ("USA", "China Mainland",
 * "Bosnia") and VF's `XX (Mondial code)` labels.
 */
export function resolveCountryName(name: string, context: Pick<FormatContext, 'countries'>): string | null {
  const known = (code: string | undefined) => (code !== undefined && context.countries.has(code) ? code : null);
  const mondial = name.match(MONDIAL);
  if (mondial) return known(MONDIAL_CODES[mondial[1].toUpperCase()]);
  for (const reading of readings(name)) {
    const key = normaliseCountryName(reading);
    if (key === '') continue;
    const code = known(BY_NAME.get(key));
    if (code) return code;
  }
  return null;
}
