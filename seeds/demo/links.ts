/**
 * Buyer side of the demo: brands and their disclosed supplier lists over time. Each disclosure keeps
 * most of the previous list, drops some facilities and adds others, and brands drift away from China
 * towards Viet Nam, Indonesia and India, so that churn and country-shift analytics have a signal.
 */
import { BRAND_HQ_WEIGHTS, compare } from './geography';
import { brandName, parentCompanyName, shuffledBrandStems } from './names';
import { createRng } from './prng';
import type { FacilityProfile } from './sourcing';
import { type BrandRow, type DemoCountry, type LinkRow, SOURCING_PRODUCT_TYPES, type SourcingProductType } from './types';

/** A brand plus what it buys and how big its supplier list is. */
export interface BrandPlan {
  readonly row: BrandRow;
  readonly takes: ReadonlySet<SourcingProductType>;
  /** Facilities disclosed at the first date; lists grow a little afterwards. */
  readonly baseListSize: number;
}

/** Typical assortments: apparel labels, footwear houses, outdoor and sports generalists, bag makers. */
const BRAND_FOCUS: ReadonlyArray<readonly SourcingProductType[]> = [
  ['APPAREL', 'HEADWEAR', 'BAGS'],
  ['FOOTWEAR', 'APPAREL'],
  ['APPAREL', 'FOOTWEAR', 'EQUIPMENT', 'BAGS', 'HEADWEAR'],
  ['APPAREL', 'FOOTWEAR', 'EQUIPMENT', 'HEADWEAR'],
  ['BAGS', 'APPAREL'],
];
const BRAND_FOCUS_WEIGHTS: readonly number[] = [0.35, 0.2, 0.2, 0.15, 0.1];

/** Base chance that a disclosed facility is gone from the next disclosure. */
const BASE_DROP = 0.13;
/** Even suppliers in favoured countries get dropped sometimes. */
const MIN_DROP = 0.06;
/** How much a country's trend per year raises (negative trend) or lowers its drop chance. */
const DROP_TREND_STRENGTH = 0.8;
/** How strongly a country's trend tilts additions: weight × exp(strength × trend × years). */
const TREND_STRENGTH = 1.5;
/** Growth per year of a brand's disclosed list (disclosure lists tend to get longer). */
const LIST_GROWTH_PER_YEAR = 0.04;
const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/** Brands with ids 1..count. `countries` must be sorted and de-duplicated. */
export function planBrands(count: number, facilityCount: number, seed: number, countries: readonly DemoCountry[]): BrandPlan[] {
  const rng = createRng(seed, 'brands');
  const available = new Set(countries.map((c) => c.id));
  const hqs = Object.keys(BRAND_HQ_WEIGHTS)
    .filter((id) => available.has(id))
    .sort(compare);
  const hqPool = hqs.length > 0 ? hqs : countries.map((c) => c.id);
  const hqWeights = hqPool.map((id) => BRAND_HQ_WEIGHTS[id] ?? 1);
  const stems = shuffledBrandStems(rng);
  const sizeRanks = rng.shuffle(Array.from({ length: count }, (_, i) => i + 1));
  const plans: BrandPlan[] = [];
  for (let id = 1; id <= count; id++) {
    const row: BrandRow = {
      id,
      name: brandName(stems, id - 1, rng),
      hqCountry: hqPool[rng.weightedIndex(hqWeights)],
      parentCompany: rng.chance(0.35) ? parentCompanyName(rng) : null,
    };
    const takes = new Set(BRAND_FOCUS[rng.weightedIndex(BRAND_FOCUS_WEIGHTS)]);
    // Heavy-tailed list sizes: the biggest brand discloses ~20% of all facilities, small ones a handful.
    const baseListSize = Math.max(4, Math.round(facilityCount * 0.2 * Math.pow(sizeRanks[id - 1], -0.7)));
    plans.push({ row, takes, baseListSize });
  }
  return plans;
}

/** Validated, sorted, de-duplicated disclosure dates. */
export function canonicalDates(dates: readonly string[]): string[] {
  for (const d of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) {
      throw new RangeError(`disclosure date must be YYYY-MM-DD, got "${d}"`);
    }
  }
  return [...new Set(dates)].sort(compare);
}

function yearsBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_YEAR;
}

/**
 * Links of every brand at every date, ordered by date, brand, facility and product type. `dates` must
 * come from {@link canonicalDates}; `facilities` must be in id order.
 */
export function generateLinks(
  brands: readonly BrandPlan[],
  facilities: readonly FacilityProfile[],
  dates: readonly string[],
  seed: number,
): LinkRow[] {
  const perDate: LinkRow[][] = dates.map(() => []);
  for (const brand of brands) {
    const rng = createRng(seed, 'links', brand.row.id);
    const eligible = facilities.filter((f) => f.makes.some((t) => brand.takes.has(t)));
    // Product types a brand sources from a facility stay the same across disclosures.
    const typesByFacility = new Map<number, SourcingProductType[]>();
    let current = new Set<FacilityProfile>();
    dates.forEach((date, k) => {
      const years = yearsBetween(dates[0], date);
      // A facility dropped from this disclosure must not be re-added to it by the top-up below.
      const dropped = new Set<FacilityProfile>();
      if (k > 0) {
        const kept = new Set<FacilityProfile>();
        for (const f of [...current].sort((x, y) => x.row.id - y.row.id)) {
          const drop = Math.min(0.4, Math.max(MIN_DROP, BASE_DROP - DROP_TREND_STRENGTH * f.trendPerYear));
          (rng.chance(drop) ? dropped : kept).add(f);
        }
        current = kept;
      }
      const target = Math.min(eligible.length, Math.round(brand.baseListSize * Math.exp(LIST_GROWTH_PER_YEAR * years)));
      // Weighted sampling without replacement (Efraimidis–Spirakis): smallest -ln(u)/w wins.
      const candidates = eligible
        .filter((f) => !current.has(f) && !dropped.has(f))
        .map((f) => ({ f, key: -Math.log(1 - rng.next()) / (f.popularity * Math.exp(TREND_STRENGTH * f.trendPerYear * years)) }))
        .sort((x, y) => x.key - y.key || x.f.row.id - y.f.row.id);
      for (let i = 0; current.size < target && i < candidates.length; i++) current.add(candidates[i].f);
      const listed = [...current].sort((x, y) => x.row.id - y.row.id);
      for (const f of listed) {
        let types = typesByFacility.get(f.row.id);
        if (types === undefined) {
          const shared = f.makes.filter((t) => brand.takes.has(t));
          types = [shared[0], ...shared.slice(1).filter(() => rng.chance(0.3))];
          types.sort((x, y) => SOURCING_PRODUCT_TYPES.indexOf(x) - SOURCING_PRODUCT_TYPES.indexOf(y));
          typesByFacility.set(f.row.id, types);
        }
        for (const productType of types) perDate[k].push({ brandId: brand.row.id, facilityId: f.row.id, productType, disclosedAt: date });
      }
    });
  }
  return perDate.flat();
}
