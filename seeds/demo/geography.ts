/**
 * Rough geography behind the demo data: where sourced goods are made, where brands sit and how big
 * each economy is as a buyer. Numbers are plausible orders of magnitude, not statistics.
 */
import { createRng } from './prng';
import type { DemoCountry } from './types';

/** [city, latitude, longitude] of a typical manufacturing city. */
export type City = readonly [name: string, latitude: number, longitude: number];

/** How a sourcing country looks to brands. */
export interface SourcingCountryProfile {
  /** Share of facilities before any trend (sums to ~1 over the table). */
  readonly share: number;
  /** Multiplier on the chance that a facility there makes footwear (VNM, IDN high; BGD low). */
  readonly footwearBias: number;
  /** Log-change per year of brands' appetite for the country: negative for CHN ("China plus one"). */
  readonly trendPerYear: number;
  readonly cities: readonly City[];
}

/** The usual sourcing countries. Iterate via {@link sourcingCountryIds} so key order never matters. */
export const SOURCING_COUNTRIES: Readonly<Record<string, SourcingCountryProfile>> = {
  CHN: {
    share: 0.28,
    footwearBias: 1.3,
    trendPerYear: -0.12,
    cities: [
      ['Dongguan', 23.02, 113.75],
      ['Guangzhou', 23.13, 113.26],
      ['Quanzhou', 24.87, 118.68],
      ['Jinjiang', 24.78, 118.55],
      ['Ningbo', 29.87, 121.55],
      ['Shaoxing', 30.0, 120.58],
      ['Suzhou', 31.3, 120.62],
      ['Putian', 25.45, 119.01],
      ['Qingdao', 36.07, 120.38],
    ],
  },
  VNM: {
    share: 0.13,
    footwearBias: 2.5,
    trendPerYear: 0.09,
    cities: [
      ['Ho Chi Minh City', 10.78, 106.7],
      ['Thu Dau Mot', 10.98, 106.65],
      ['Bien Hoa', 10.95, 106.82],
      ['Hanoi', 21.03, 105.85],
      ['Hai Phong', 20.86, 106.68],
      ['Nam Dinh', 20.42, 106.17],
    ],
  },
  BGD: {
    share: 0.09,
    footwearBias: 0.3,
    trendPerYear: 0.03,
    cities: [
      ['Dhaka', 23.81, 90.41],
      ['Gazipur', 24.0, 90.42],
      ['Narayanganj', 23.62, 90.5],
      ['Chattogram', 22.36, 91.78],
      ['Savar', 23.86, 90.27],
    ],
  },
  IND: {
    share: 0.08,
    footwearBias: 1.2,
    trendPerYear: 0.08,
    cities: [
      ['Tiruppur', 11.11, 77.34],
      ['Bengaluru', 12.97, 77.59],
      ['Chennai', 13.08, 80.27],
      ['Noida', 28.54, 77.39],
      ['Ludhiana', 30.9, 75.86],
      ['Agra', 27.18, 78.01],
    ],
  },
  IDN: {
    share: 0.07,
    footwearBias: 2.2,
    trendPerYear: 0.07,
    cities: [
      ['Bandung', -6.91, 107.61],
      ['Tangerang', -6.18, 106.63],
      ['Semarang', -6.97, 110.42],
      ['Surabaya', -7.25, 112.75],
      ['Bekasi', -6.24, 106.99],
    ],
  },
  KHM: {
    share: 0.05,
    footwearBias: 0.7,
    trendPerYear: 0.05,
    cities: [
      ['Phnom Penh', 11.56, 104.92],
      ['Kampong Speu', 11.45, 104.52],
      ['Ta Khmau', 11.48, 104.95],
      ['Svay Rieng', 11.09, 105.8],
    ],
  },
  TUR: {
    share: 0.05,
    footwearBias: 0.8,
    trendPerYear: 0.02,
    cities: [
      ['Istanbul', 41.01, 28.98],
      ['Bursa', 40.19, 29.06],
      ['Izmir', 38.42, 27.14],
      ['Denizli', 37.78, 29.09],
      ['Gaziantep', 37.07, 37.38],
    ],
  },
  PAK: {
    share: 0.04,
    footwearBias: 0.6,
    trendPerYear: 0,
    cities: [
      ['Karachi', 24.86, 67.01],
      ['Lahore', 31.55, 74.34],
      ['Faisalabad', 31.42, 73.08],
      ['Sialkot', 32.49, 74.53],
    ],
  },
  LKA: {
    share: 0.025,
    footwearBias: 0.2,
    trendPerYear: 0,
    cities: [
      ['Colombo', 6.93, 79.86],
      ['Katunayake', 7.17, 79.88],
      ['Biyagama', 6.94, 79.98],
      ['Kandy', 7.29, 80.63],
    ],
  },
  THA: {
    share: 0.025,
    footwearBias: 1,
    trendPerYear: 0,
    cities: [
      ['Bangkok', 13.76, 100.5],
      ['Samut Prakan', 13.6, 100.6],
      ['Chonburi', 13.36, 100.98],
      ['Nakhon Pathom', 13.82, 100.06],
    ],
  },
  MEX: {
    share: 0.025,
    footwearBias: 1.5,
    trendPerYear: 0.05,
    cities: [
      ['Puebla', 19.04, -98.21],
      ['Tehuacán', 18.46, -97.39],
      ['León', 21.12, -101.68],
      ['Guadalajara', 20.66, -103.35],
      ['Monterrey', 25.69, -100.32],
    ],
  },
  MMR: {
    share: 0.02,
    footwearBias: 0.4,
    trendPerYear: -0.06,
    cities: [
      ['Yangon', 16.84, 96.17],
      ['Bago', 17.34, 96.48],
      ['Hlaing Tharyar', 16.87, 96.06],
    ],
  },
  BRA: {
    share: 0.02,
    footwearBias: 3,
    trendPerYear: 0,
    cities: [
      ['São Paulo', -23.55, -46.63],
      ['Novo Hamburgo', -29.68, -51.13],
      ['Franca', -20.54, -47.4],
      ['Blumenau', -26.92, -49.07],
    ],
  },
  ITA: {
    share: 0.02,
    footwearBias: 2.5,
    trendPerYear: 0,
    cities: [
      ['Prato', 43.88, 11.1],
      ['Treviso', 45.67, 12.24],
      ['Florence', 43.77, 11.26],
      ['Montebelluna', 45.78, 12.05],
      ['Naples', 40.85, 14.27],
    ],
  },
  PRT: {
    share: 0.015,
    footwearBias: 2.5,
    trendPerYear: 0.01,
    cities: [
      ['Porto', 41.15, -8.61],
      ['Braga', 41.55, -8.42],
      ['Guimarães', 41.44, -8.29],
      ['Felgueiras', 41.36, -8.2],
    ],
  },
  TWN: {
    share: 0.012,
    footwearBias: 1.5,
    trendPerYear: 0,
    cities: [
      ['Taichung', 24.15, 120.67],
      ['Taipei', 25.03, 121.57],
    ],
  },
  HND: {
    share: 0.01,
    footwearBias: 0.3,
    trendPerYear: 0.02,
    cities: [
      ['San Pedro Sula', 15.5, -88.03],
      ['Choloma', 15.61, -87.95],
      ['Villanueva', 15.32, -88.0],
    ],
  },
  EGY: {
    share: 0.01,
    footwearBias: 0.3,
    trendPerYear: 0.03,
    cities: [
      ['Cairo', 30.04, 31.24],
      ['Alexandria', 31.2, 29.92],
      ['10th of Ramadan City', 30.29, 31.76],
    ],
  },
  GTM: {
    share: 0.008,
    footwearBias: 0.3,
    trendPerYear: 0.01,
    cities: [
      ['Guatemala City', 14.63, -90.51],
      ['Mixco', 14.63, -90.61],
    ],
  },
  SLV: {
    share: 0.008,
    footwearBias: 0.3,
    trendPerYear: 0.01,
    cities: [
      ['San Salvador', 13.69, -89.22],
      ['Santa Ana', 13.99, -89.56],
    ],
  },
  MAR: {
    share: 0.008,
    footwearBias: 0.5,
    trendPerYear: 0.01,
    cities: [
      ['Tangier', 35.76, -5.83],
      ['Casablanca', 33.57, -7.59],
    ],
  },
  ETH: {
    share: 0.006,
    footwearBias: 1,
    trendPerYear: 0.03,
    cities: [
      ['Hawassa', 7.06, 38.48],
      ['Addis Ababa', 9.03, 38.74],
    ],
  },
};

/** Used for countries outside {@link SOURCING_COUNTRIES} when none of those is available. */
export const FALLBACK_SOURCING_PROFILE: SourcingCountryProfile = {
  share: 1,
  footwearBias: 1,
  trendPerYear: 0,
  cities: [
    ['Central Industrial District', NaN, NaN],
    ['Port Industrial Zone', NaN, NaN],
    ['Northern Industrial Park', NaN, NaN],
  ],
};

/** Typical brand headquarters and how common each is. */
export const BRAND_HQ_WEIGHTS: Readonly<Record<string, number>> = {
  USA: 6,
  DEU: 2,
  GBR: 2,
  JPN: 1.5,
  FRA: 1,
  SWE: 1,
  NLD: 1,
  ESP: 1,
  ITA: 1,
  CAN: 1,
  DNK: 0.7,
  CHE: 0.7,
  AUS: 0.7,
  KOR: 0.7,
  NOR: 0.5,
};

/** Places where supplier groups are often headquartered away from their factories. */
export const OFFSHORE_MANUFACTURER_HQS: readonly string[] = ['HKG', 'KOR', 'SGP', 'TWN'];

/** Relative import demand (USA = 100); unknown countries get a regional default. */
const ECONOMY_SIZE: Readonly<Record<string, number>> = {
  USA: 100,
  CHN: 60,
  DEU: 30,
  JPN: 22,
  GBR: 22,
  FRA: 20,
  ITA: 14,
  NLD: 14,
  CAN: 13,
  KOR: 12,
  IND: 12,
  MEX: 11,
  ESP: 11,
  HKG: 10,
  BEL: 9,
  RUS: 8,
  AUS: 8,
  CHE: 7,
  POL: 7,
  SGP: 7,
  ARE: 7,
  BRA: 7,
  VNM: 7,
  TUR: 6,
  THA: 6,
  MYS: 6,
  SWE: 5,
  AUT: 5,
  SAU: 5,
  IDN: 5,
  DNK: 4,
  NOR: 3.5,
  IRL: 3.5,
  CZE: 3.5,
  PRT: 3,
  ZAF: 3,
  ISR: 3,
  CHL: 2.5,
  PHL: 2.5,
  FIN: 2.5,
};

const REGION_DEFAULT_SIZE: Readonly<Record<string, number>> = { Europe: 1.5, Asia: 1.2, Americas: 1, Oceania: 0.6, Africa: 0.5 };

/** Sorted ids of the sourcing countries present in `available`. */
export function sourcingCountryIds(available: ReadonlySet<string>): string[] {
  return Object.keys(SOURCING_COUNTRIES)
    .filter((id) => available.has(id))
    .sort(compare);
}

/**
 * Fixed relative size of a country as an importer. Deliberately independent of the demo seed: a
 * country's economy should not change size because the demo was reseeded.
 */
export function economySize(country: DemoCountry): number {
  const known = ECONOMY_SIZE[country.id];
  if (known !== undefined) return known;
  const base = country.region === null ? 0.05 : (REGION_DEFAULT_SIZE[country.region] ?? 0.5);
  return base * createRng('economy-size', country.id).logNormal(0, 0.6);
}

/** Sorted, de-duplicated copy of the caller's countries, so input order never affects output. */
export function canonicalCountries(countries: readonly DemoCountry[]): DemoCountry[] {
  // Sorting by region too makes the winner among duplicate ids independent of input order.
  const sorted = countries
    .map((c) => ({ id: c.id, region: c.region ?? null }))
    .sort((x, y) => compare(x.id, y.id) || compare(x.region ?? '', y.region ?? ''));
  return sorted.filter((c, i) => i === 0 || sorted[i - 1].id !== c.id);
}

/** Code-unit string order: unlike localeCompare it cannot vary with the ICU build or locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
