/**
 * Country names that sources write and the `world-countries` names (common, official, alternative
 * spellings) do not cover, by ISO 3166-1 alpha-3 code. Keys are matched after `normaliseCountryName`
 * (case, accents, punctuation, "&"/"and", "the" are irrelevant), so "VIETNAM", "Viet Nam" and "viet-nam"
 * need one entry at most. Every name in Nike's exports (2021, 2023, 2025) and in the adidas/VF/Puma file
 * resolves through this table or `world-countries`; the tests check it.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  // Seen in Nike's exports (the other names there are world-countries' own).
  'China Mainland': 'CHN',
  USA: 'USA',
  Bosnia: 'BIH',
  Turkey: 'TUR',
  UK: 'GBR',
  // ISO 3166 / UN short names and usual variants for sourcing countries world-countries lacks.
  'Mainland China': 'CHN',
  PRC: 'CHN',
  'P R China': 'CHN',
  'Hong Kong SAR': 'HKG',
  'Hong Kong China': 'HKG',
  'Hong Kong SAR China': 'HKG',
  'Macao SAR': 'MAC',
  'Macau SAR': 'MAC',
  'Macao China': 'MAC',
  'Taiwan Province of China': 'TWN',
  'Taiwan ROC': 'TWN',
  'Taiwan Region': 'TWN',
  // "Korea" alone: in supplier lists it means the Republic of Korea (brands disclose no North Korean suppliers).
  Korea: 'KOR',
  'Korea South': 'KOR',
  'Republic of South Korea': 'KOR',
  'Korea North': 'PRK',
  'Lao PDR': 'LAO',
  'Lao P D R': 'LAO',
  'Cabo Verde': 'CPV',
  'Czech Rep': 'CZE',
  'Viet Nam Socialist Republic of': 'VNM',
  'Great Britain and Northern Ireland': 'GBR',
  England: 'GBR',
  Scotland: 'GBR',
  Wales: 'GBR',
  'Northern Ireland': 'GBR',
  'U S': 'USA',
  'U S A': 'USA',
  US: 'USA',
  'Palestinian Territories': 'PSE',
  'Sri Lanka Democratic Socialist Republic of': 'LKA',
  UAE: 'ARE',
  'U A E': 'ARE',
};

/**
 * VF Corporation's "Mondial codes" (written `CN (Mondial code)` in the country column of the adidas/VF/Puma
 * file): mostly international vehicle registration codes, but as VF uses them, not as the 1949 convention
 * assigns them — `CN` is China (the convention has none), `CL` is Chile (the convention's CL is Sri Lanka).
 * The table is the one the file itself implies: every code below is paired with this alpha-3 code in the
 * file's own `country_iso3` column, on every row (the tests check it).
 */
export const MONDIAL_CODES: Readonly<Record<string, string>> = {
  A: 'AUT', AL: 'ALB', AUS: 'AUS', B: 'BEL', BD: 'BGD', BG: 'BGR', BIH: 'BIH', BR: 'BRA', CDN: 'CAN',
  CL: 'CHL', CN: 'CHN', CO: 'COL', CR: 'CRI', D: 'DEU', DOM: 'DOM', E: 'ESP', EAK: 'KEN', EC: 'ECU',
  ES: 'SLV', ET: 'EGY', GB: 'GBR', GCA: 'GTM', GE: 'GEO', GR: 'GRC', HK: 'HKG', HN: 'HND', HR: 'HRV',
  I: 'ITA', IND: 'IND', J: 'JPN', JOR: 'JOR', K: 'KHM', MAL: 'MYS', MD: 'MDA', MEX: 'MEX', MK: 'MKD',
  MS: 'MUS', MYA: 'MMR', NIC: 'NIC', NL: 'NLD', P: 'PRT', PE: 'PER', PK: 'PAK', PL: 'POL', RA: 'ARG',
  RC: 'TWN', RH: 'HTI', RI: 'IDN', RM: 'MDG', RO: 'ROU', ROK: 'KOR', RP: 'PHL', RSA: 'ZAF', SLO: 'SVN',
  THA: 'THA', TN: 'TUN', TR: 'TUR', USA: 'USA', VN: 'VNM',
};
