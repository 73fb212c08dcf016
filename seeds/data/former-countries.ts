import type { CountryRow } from './countries';

/**
 * Former countries (ISO 3166-3) that trade sources still report for the years they existed — Comtrade
 * and BACI use their codes (e.g. Netherlands Antilles, 530 "ANT", until 2010). Placed in the M49 regions
 * of their territory. Czechoslovakia (dissolved 1993) is left out: its alpha-2 "CS" was reused for
 * Serbia and Montenegro, and no source we load reaches back that far.
 */
export const FORMER_COUNTRIES: Array<CountryRow & { dissolvedIn: number }> = [
  {
    id: 'ANT',
    alpha2: 'AN',
    numericCode: 530,
    name: 'Netherlands Antilles',
    region: 'Americas',
    subRegion: 'Latin America and the Caribbean',
    intermediateRegion: 'Caribbean',
    dissolvedIn: 2010,
  },
  {
    id: 'SCG',
    alpha2: 'CS',
    numericCode: 891,
    name: 'Serbia and Montenegro',
    region: 'Europe',
    subRegion: 'Southern Europe',
    intermediateRegion: null,
    dissolvedIn: 2006,
  },
  {
    id: 'YUG',
    alpha2: 'YU',
    numericCode: 890,
    name: 'Yugoslavia',
    region: 'Europe',
    subRegion: 'Southern Europe',
    intermediateRegion: null,
    dissolvedIn: 2003,
  },
  {
    id: 'SUN',
    alpha2: 'SU',
    numericCode: 810,
    name: 'USSR',
    region: 'Europe',
    subRegion: 'Eastern Europe',
    intermediateRegion: null,
    dissolvedIn: 1991,
  },
  {
    id: 'DDR',
    alpha2: 'DD',
    numericCode: 278,
    name: 'German Democratic Republic',
    region: 'Europe',
    subRegion: 'Western Europe',
    intermediateRegion: null,
    dissolvedIn: 1990,
  },
];
