/**
 * The economic model behind the synthetic trade flows: who is good at exporting which product and how
 * that changes over the years. Everything here is computed once per country list or once per product,
 * so that the streaming loop only reads arrays.
 */
import { economySize, SOURCING_COUNTRIES } from './geography';
import { createRng, zipfWeights } from './prng';
import type { DemoCountry } from './types';

/** HS chapters of the goods brands source; their exporter rankings favour the sourcing countries. */
const SOURCED_CHAPTERS: ReadonlySet<string> = new Set(['42', '43', '61', '62', '63', '64', '65', '95']);
/** Typical unit values (USD per metric ton) by HS chapter; other chapters use DEFAULT_UNIT_VALUE. */
const UNIT_VALUE_BY_CHAPTER: Readonly<Record<string, number>> = {
  '39': 2200,
  '42': 22000,
  '43': 60000,
  '52': 2500,
  '54': 4000,
  '55': 3000,
  '61': 25000,
  '62': 30000,
  '63': 8000,
  '64': 18000,
  '65': 20000,
  '95': 9000,
};
const DEFAULT_UNIT_VALUE = 5000;
/** Zipf exponent of a product's exporter ranking: the top exporter dominates, a long tail follows. */
const EXPORTER_ZIPF = 0.8;
/** Importer preference flattens economy size so that small markets still import something. */
const IMPORTER_SELECTION_EXPONENT = 0.6;

/** Everything that depends on the country list only. */
export interface FlowUniverse {
  /** Sorted ISO3 ids; every other array is indexed like this one. */
  readonly ids: readonly string[];
  /** Economy size normalised to max 1: scales flow values. */
  readonly size: Float64Array;
  /** Weight of a country in exporters' importer preferences (size flattened). */
  readonly selection: Float64Array;
  /** Exporting capability for sourced goods and for everything else. */
  readonly sourcedBase: Float64Array;
  readonly genericBase: Float64Array;
  /** Long-run drift of export strength in sourced goods (China falling, Viet Nam rising). */
  readonly drift: Float64Array;
}

/** One product's exporters: strength, trend and unit values. */
export interface ProductProfile {
  /** Strength in the first year, 1 for the product's top exporter, Zipf-decaying with rank. */
  readonly strength: Float64Array;
  /** Log growth per year of each exporter's strength: some rise, some fall. */
  readonly growth: Float64Array;
  /** USD per metric ton of each exporter's shipments. */
  readonly unitValue: Float64Array;
  /** USD value of a unit-strength exporter shipping to the largest economy. */
  readonly scale: number;
  /** Salt of the product's own lane noise on top of the chapter's lanes (see trade-lanes). */
  readonly laneSalt: number;
}

/** Derives the per-country arrays from a sorted, de-duplicated country list. */
export function buildUniverse(countries: readonly DemoCountry[]): FlowUniverse {
  const raw = countries.map(economySize);
  const maxSize = Math.max(...raw);
  const size = Float64Array.from(raw, (s) => s / maxSize);
  const share = countries.map((c) => SOURCING_COUNTRIES[c.id]?.share ?? 0);
  return {
    ids: countries.map((c) => c.id),
    size,
    selection: Float64Array.from(size, (s) => Math.pow(s, IMPORTER_SELECTION_EXPONENT)),
    sourcedBase: Float64Array.from(size, (s, i) => 0.3 * Math.sqrt(s * 100) + 40 * share[i]),
    genericBase: Float64Array.from(size, (s) => Math.sqrt(s * 100)),
    drift: Float64Array.from(countries, (c) => 0.6 * (SOURCING_COUNTRIES[c.id]?.trendPerYear ?? 0)),
  };
}

/** Builds a product's exporter profile from its own RNG stream (seed, 'product', code). */
export function buildProductProfile(seed: number, product: string, u: FlowUniverse): ProductProfile {
  const rng = createRng(seed, 'product', product);
  const n = u.ids.length;
  const chapter = product.slice(0, 2);
  const sourced = SOURCED_CHAPTERS.has(chapter);
  const base = sourced ? u.sourcedBase : u.genericBase;
  // Product-specific noise reshuffles the ranking, so each product has its own champions.
  const score = Float64Array.from(base, (b) => b * rng.logNormal(0, 0.8));
  const ranked = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  const zipf = zipfWeights(n, EXPORTER_ZIPF);
  const strength = new Float64Array(n);
  ranked.forEach((country, rank) => (strength[country] = zipf[rank] / zipf[0]));
  const growth = Float64Array.from(u.drift, (d) => (sourced ? d : 0) + 0.08 * rng.normal());
  const unitValueBase = (UNIT_VALUE_BY_CHAPTER[chapter] ?? DEFAULT_UNIT_VALUE) * rng.logNormal(0, 0.3);
  const unitValue = Float64Array.from(base, () => unitValueBase * rng.logNormal(0, 0.35));
  return {
    strength,
    growth,
    unitValue,
    scale: 4e7 * rng.logNormal(0, 0.8),
    laneSalt: rng.int(0, 0x7fffffff),
  };
}
