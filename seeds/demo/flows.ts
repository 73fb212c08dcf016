/**
 * Synthetic bilateral trade flows, streamed one row at a time so that tens of millions of rows can be
 * piped into COPY with bounded memory. Work is split into (product, year) slices, each with its own
 * RNG stream seeded from (seed, year, product), and per-row work is a few multiplications and RNG draws
 * over precomputed arrays. Each exporter ships to the first k importers of its lane preferences (minus
 * a few skipped lanes), so a (year, exporter, importer, product) key can never repeat.
 */
import { allocateProportionally } from './allocate';
import { buildProductProfile, buildUniverse, type FlowUniverse } from './flow-model';
import { canonicalCountries, compare } from './geography';
import { createRng } from './prng';
import { createLaneCache, type LaneCache, laneNoise, preferredPartners } from './trade-lanes';
import type { DemoCountry, DemoOptions, FlowRow } from './types';

/** Big exporters ship to more partners, but less than proportionally to their strength. */
const PARTNER_BREADTH_EXPONENT = 0.7;
/** An exporter's first few partners are stable; beyond them a lane is skipped in a given year with this chance. */
const CORE_PARTNERS = 5;
const PARTNER_SKIP = 0.15;
/** Year-to-year noise around a lane's level (log scale); small, so exporter trends stay visible. */
const YEAR_SIGMA = 0.35;
/** How much a product's lane intensity departs from its chapter's (log scale). */
const PRODUCT_LANE_SIGMA = 0.6;
const QUANTITY_REPORTED_SHARE = 0.85;
/** Flows per slice grow a little each year, as reporting coverage does in real data. */
const SLICE_GROWTH_PER_YEAR = 0.03;

/**
 * Most flow rows that are possible: every ordered country pair, for every product and year. The
 * generator emits min(options.flows, this) rows.
 */
export function flowCapacity(options: DemoOptions, countries: readonly DemoCountry[], products: readonly string[]): number {
  const n = new Set(countries.map((c) => c.id)).size;
  const years = Math.max(0, options.yearTo - options.yearFrom + 1);
  return years * new Set(products).size * n * (n - 1);
}

function validate(options: DemoOptions): void {
  const { flows, yearFrom, yearTo } = options;
  if (!Number.isSafeInteger(flows) || flows < 0) throw new RangeError(`flows must be a non-negative integer, got ${flows}`);
  if (!Number.isInteger(yearFrom) || !Number.isInteger(yearTo) || yearFrom > yearTo || yearFrom < 1950 || yearTo > 2100) {
    throw new RangeError(`invalid year range ${yearFrom}–${yearTo} (integers within 1950–2100, from ≤ to)`);
  }
}

/**
 * Streams synthetic trade flows: exactly min(options.flows, {@link flowCapacity}) rows, spread over
 * products × years, ordered by product (sorted), then year. Options are validated eagerly; rows are
 * produced lazily. Memory is O(products × years + countries²), independent of the number of flows.
 * @throws RangeError on invalid options.
 */
export function generateFlows(options: DemoOptions, countries: readonly DemoCountry[], products: readonly string[]): Generator<FlowRow> {
  validate(options);
  const sortedCountries = canonicalCountries(countries);
  const sortedProducts = [...new Set(products)].sort(compare);
  const years = options.yearTo - options.yearFrom + 1;
  const n = sortedCountries.length;
  const total = Math.min(options.flows, flowCapacity(options, sortedCountries, sortedProducts));
  if (total === 0) return (function* empty(): Generator<FlowRow> {})();
  // Some products are traded by many more country pairs than others; coverage grows over the years.
  const sliceWeights: number[] = [];
  for (const product of sortedProducts) {
    const breadth = createRng(options.seed, 'breadth', product).logNormal(0, 0.5);
    for (let y = 0; y < years; y++) sliceWeights.push(breadth * Math.exp(SLICE_GROWTH_PER_YEAR * y));
  }
  const sliceCounts = allocateProportionally(total, sliceWeights, n * (n - 1));
  return streamFlows(options, buildUniverse(sortedCountries), sortedProducts, years, sliceCounts);
}

function* streamFlows(
  options: DemoOptions,
  u: FlowUniverse,
  products: readonly string[],
  years: number,
  sliceCounts: readonly number[],
): Generator<FlowRow> {
  const n = u.ids.length;
  const yearStrength = new Float64Array(n);
  const breadth = new Float64Array(n);
  let lanes: LaneCache | undefined;
  for (let p = 0; p < products.length; p++) {
    const product = products[p];
    const profile = buildProductProfile(options.seed, product, u);
    // Products are sorted, so a chapter's products are consecutive and one lane cache is alive at a time.
    if (lanes === undefined || lanes.chapter !== product.slice(0, 2)) lanes = createLaneCache(options.seed, product.slice(0, 2), n);
    for (let y = 0; y < years; y++) {
      const count = sliceCounts[p * years + y];
      if (count === 0) continue;
      const year = options.yearFrom + y;
      const rng = createRng(options.seed, 'flows', year, product);
      for (let e = 0; e < n; e++) {
        yearStrength[e] = profile.strength[e] * Math.exp(profile.growth[e] * y);
        breadth[e] = Math.pow(yearStrength[e], PARTNER_BREADTH_EXPONENT);
      }
      // Each exporter has at most n - 1 partners, so its share of rows is capped there.
      const partnerCounts = allocateProportionally(count, breadth, n - 1);
      for (let e = 0; e < n; e++) {
        const k = partnerCounts[e];
        if (k === 0) continue;
        // Room for the expected skips; extended on demand below when a year skips more.
        let partners = preferredPartners(lanes, e, u.selection, CORE_PARTNERS + Math.ceil(k * 1.3));
        let levels = lanes.levels[e] as Float64Array;
        const exporter = u.ids[e];
        const exporterValue = profile.scale * yearStrength[e];
        const unitValue = profile.unitValue[e];
        let needed = k;
        for (let r = 0; needed > 0; r++) {
          if (r === partners.length) {
            partners = preferredPartners(lanes, e, u.selection, 2 * r);
            levels = lanes.levels[e] as Float64Array;
          }
          // Skip a minor lane this year only while enough candidates remain to still reach k.
          if (r >= CORE_PARTNERS && n - 1 - r > needed && rng.next() < PARTNER_SKIP) continue;
          needed--;
          const i = partners[r];
          const level = levels[r] + PRODUCT_LANE_SIGMA * laneNoise(e, i, profile.laneSalt) + YEAR_SIGMA * rng.normal();
          const valueUsd = Math.max(1, Math.round(exporterValue * u.size[i] * Math.exp(level)));
          let quantityTons: number | null = null;
          if (rng.next() < QUANTITY_REPORTED_SHARE) {
            const tons = valueUsd / (unitValue * Math.exp(0.15 * rng.normal()));
            quantityTons = Math.max(0.001, Math.round(tons * 1000) / 1000);
          }
          yield { year, exporter, importer: u.ids[i], product, valueUsd, quantityTons };
        }
      }
    }
  }
}
