/**
 * Supplier side of the demo: manufacturers (supplier groups) and their facilities. Group sizes are
 * heavy-tailed and facilities cluster in the usual sourcing countries.
 */
import { allocateProportionally } from './allocate';
import {
  FALLBACK_SOURCING_PROFILE,
  OFFSHORE_MANUFACTURER_HQS,
  SOURCING_COUNTRIES,
  type SourcingCountryProfile,
  sourcingCountryIds,
} from './geography';
import { facilityMatchKey, manufacturerKey } from '../../src/modules/import/formats/facility-match';
import { siteName, streetAddress, supplierName, supplierStem } from './names';
import { createRng, type Rng, zipfWeights } from './prng';
import { type DemoCountry, type FacilityRow, type ManufacturerRow, SOURCING_PRODUCT_TYPES, type SourcingProductType } from './types';

/** A facility plus the hidden traits the link generator needs. */
export interface FacilityProfile {
  readonly row: FacilityRow;
  /** Product types made there, primary first. */
  readonly makes: readonly SourcingProductType[];
  /** How attractive the site is to brands (log-normal), so that some facilities serve many brands. */
  readonly popularity: number;
  readonly trendPerYear: number;
}

/** Where facilities may be placed: the sourcing countries present, or every country as a fallback. */
export interface SourcingGeography {
  readonly ids: readonly string[];
  readonly shares: readonly number[];
  profile(country: string): SourcingCountryProfile;
}

/** Share of facilities disclosed without a known owner. */
const UNOWNED_SHARE = 0.1;
/** Workforce bands used when a facility discloses a range instead of a headcount. */
const WORKER_BANDS: ReadonlyArray<readonly [number, number]> = [
  [1, 100],
  [101, 500],
  [501, 1000],
  [1001, 5000],
  [5001, 10000],
  [10001, 50000],
];
const FACILITY_TYPES: readonly string[] = [
  'Final Product Assembly',
  'Textile or Material Production',
  'Printing, Product Dyeing and Laundering',
  'Raw Material Processing or Production',
];
const FACILITY_TYPE_WEIGHTS: readonly number[] = [0.75, 0.1, 0.08, 0.07];

/** Resolves which countries can host facilities; falls back to all countries when none of the usual ones exist. */
export function sourcingGeography(countries: readonly DemoCountry[]): SourcingGeography {
  const known = sourcingCountryIds(new Set(countries.map((c) => c.id)));
  const ids = known.length > 0 ? known : countries.map((c) => c.id);
  return {
    ids,
    shares: ids.map((id) => (SOURCING_COUNTRIES[id] ?? FALLBACK_SOURCING_PROFILE).share),
    profile: (id) => SOURCING_COUNTRIES[id] ?? FALLBACK_SOURCING_PROFILE,
  };
}

/** Product-type mix of a country: footwear follows the country's bias, the rest is apparel-heavy. */
function productTypeWeights(profile: SourcingCountryProfile): number[] {
  const base: Record<SourcingProductType, number> = {
    APPAREL: 0.55,
    FOOTWEAR: 0.18 * profile.footwearBias,
    EQUIPMENT: 0.09,
    BAGS: 0.1,
    HEADWEAR: 0.08,
  };
  return SOURCING_PRODUCT_TYPES.map((t) => base[t]);
}

interface ManufacturerPlan {
  readonly row: ManufacturerRow;
  readonly stem: string;
  readonly home: string;
  readonly specialty: SourcingProductType;
}

function planManufacturers(count: number, seed: number, geo: SourcingGeography, available: ReadonlySet<string>): ManufacturerPlan[] {
  const rng = createRng(seed, 'manufacturers');
  const offshore = OFFSHORE_MANUFACTURER_HQS.filter((id) => available.has(id));
  const used = new Set<string>();
  const plans: ManufacturerPlan[] = [];
  for (let id = 1; id <= count; id++) {
    const home = geo.ids[rng.weightedIndex(geo.shares)];
    const specialty = SOURCING_PRODUCT_TYPES[rng.weightedIndex(productTypeWeights(geo.profile(home)))];
    // Taiwanese, Hong Kong and Korean groups run many factories in China and South-East Asia.
    const hqCountry = offshore.length > 0 && rng.chance(0.15) ? rng.pick(offshore) : home;
    let stem = '';
    let name = '';
    for (let attempt = 0; attempt < 30 && (name === '' || used.has(manufacturerKey(name))); attempt++) {
      stem = supplierStem(rng);
      name = supplierName(stem, specialty, rng);
    }
    if (used.has(manufacturerKey(name))) name = `${name} ${id}`; // vocabulary exhausted: disambiguate
    const normalizedName = manufacturerKey(name);
    used.add(normalizedName);
    plans.push({ row: { id, name, normalizedName, hqCountry }, stem, home, specialty });
  }
  return plans;
}

/** Owner of each facility id (index 0 = facility 1): heavy-tailed group sizes, ~10% unowned, shuffled. */
function planOwnership(facilities: number, manufacturers: number, rng: Rng): Array<number | null> {
  const owned = manufacturers === 0 ? 0 : Math.round(facilities * (1 - UNOWNED_SHARE));
  const owners: Array<number | null> = [];
  // One site each first (a group with no site would be odd), then the rest by Zipf so a few groups own dozens.
  const baseline = Math.min(manufacturers, owned);
  for (let m = 1; m <= baseline; m++) owners.push(m);
  const sizeRanks = rng.shuffle(Array.from({ length: manufacturers }, (_, i) => i + 1));
  const zipf = zipfWeights(manufacturers, 1.1);
  const extra = allocateProportionally(
    owned - baseline,
    sizeRanks.map((rank) => zipf[rank - 1]),
    Number.MAX_SAFE_INTEGER,
  );
  extra.forEach((n, i) => {
    for (let k = 0; k < n; k++) owners.push(i + 1);
  });
  while (owners.length < facilities) owners.push(null);
  return rng.shuffle(owners);
}

/** Headcount disclosure: exact for ~70%, a band for ~20%, unknown for ~10%. */
function workers(rng: Rng): [number | null, number | null] {
  const headcount = Math.max(12, Math.round(rng.logNormal(Math.log(900), 1)));
  const roll = rng.next();
  if (roll < 0.7) return [headcount, headcount];
  if (roll < 0.9) {
    const band = WORKER_BANDS.find(([, max]) => headcount <= max) ?? WORKER_BANDS[WORKER_BANDS.length - 1];
    return [band[0], band[1]];
  }
  return [null, null];
}

function jitter(value: number, rng: Rng): number {
  return Math.round((value + (rng.next() - 0.5) * 0.24) * 1e6) / 1e6;
}

/** Facilities with ids 1..count. matchKey is unique; collisions get a new address. */
function planFacilities(
  count: number,
  seed: number,
  geo: SourcingGeography,
  manufacturers: readonly ManufacturerPlan[],
): FacilityProfile[] {
  const rng = createRng(seed, 'facilities');
  const owners = planOwnership(count, manufacturers.length, rng);
  const keys = new Set<string>();
  const profiles: FacilityProfile[] = [];
  for (let id = 1; id <= count; id++) {
    const owner = owners[id - 1] === null ? null : manufacturers[(owners[id - 1] as number) - 1];
    const country = owner !== null && rng.chance(0.7) ? owner.home : geo.ids[rng.weightedIndex(geo.shares)];
    const profile = geo.profile(country);
    const [city, lat, lon] = rng.pick(profile.cities);
    const primary =
      owner !== null && rng.chance(0.8) ? owner.specialty : SOURCING_PRODUCT_TYPES[rng.weightedIndex(productTypeWeights(profile))];
    const makes: SourcingProductType[] = [primary];
    if (rng.chance(0.25)) {
      const second = rng.pick(SOURCING_PRODUCT_TYPES);
      if (second !== primary) makes.push(second);
    }
    const stem = owner?.stem ?? supplierStem(rng);
    const name = owner !== null ? siteName(stem, city, rng) : supplierName(stem, primary, rng);
    let address = streetAddress(rng);
    let matchKey = facilityMatchKey({ name, country, address });
    while (keys.has(matchKey)) {
      address = streetAddress(rng);
      matchKey = facilityMatchKey({ name, country, address });
    }
    keys.add(matchKey);
    const located = Number.isFinite(lat) && rng.chance(0.93);
    const [workersMin, workersMax] = workers(rng);
    const row: FacilityRow = {
      id,
      name,
      country,
      address,
      city,
      latitude: located ? Math.max(-90, Math.min(90, jitter(lat, rng))) : null,
      longitude: located ? Math.max(-180, Math.min(180, jitter(lon, rng))) : null,
      manufacturerId: owner?.row.id ?? null,
      facilityType: FACILITY_TYPES[rng.weightedIndex(FACILITY_TYPE_WEIGHTS)],
      workersMin,
      workersMax,
      matchKey,
    };
    profiles.push({ row, makes, popularity: rng.logNormal(0, 0.9), trendPerYear: profile.trendPerYear });
  }
  return profiles;
}

/**
 * Generates manufacturers and facilities. `countries` must be sorted and de-duplicated (see
 * canonicalCountries) and non-empty.
 */
export function generateSuppliers(
  manufacturerCount: number,
  facilityCount: number,
  seed: number,
  countries: readonly DemoCountry[],
): { manufacturers: ManufacturerRow[]; facilities: FacilityProfile[] } {
  const geo = sourcingGeography(countries);
  const plans = planManufacturers(manufacturerCount, seed, geo, new Set(countries.map((c) => c.id)));
  const facilities = planFacilities(facilityCount, seed, geo, plans);
  return { manufacturers: plans.map((p) => p.row), facilities };
}
