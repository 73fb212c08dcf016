/**
 * Synthetic imports of the demo's input products (seeds/data/demo-input-products.ts) into the countries where
 * its facilities are (#12, upstream exposure): leather, rubber, yarn and fabric flowing to the makers. Drawn from
 * an RNG stream of its own ('input-flows'), so the demo's other flows (flows.ts) are the same with or without
 * them. Each input product has its own ranking of origin countries (Zipf weights over a seeded order), so a few
 * origins dominate each input, as in real trade; a (product, year, importer) slice never repeats an exporter.
 */
import { allocateProportionally } from './allocate';
import { buildUniverse } from './flow-model';
import { canonicalCountries, compare } from './geography';
import { createRng, zipfWeights } from './prng';
import type { DemoCountry, DemoOptions, FlowRow } from './types';

/** How steeply an input's origins fall off by rank. */
const ORIGIN_ZIPF = 1.2;
/** Value scale of one flow (USD) and its noise (log scale). */
const FLOW_SCALE = 2e6;
const FLOW_SIGMA = 0.8;
/** Indicative unit values (USD per tonne) for the quantities, by chapter. */
const UNIT_VALUE: Readonly<Record<string, number>> = { '39': 1400, '40': 1800, '41': 9000, '52': 4500, '54': 6000, '59': 7000, '60': 7500 };
const QUANTITY_REPORTED_SHARE = 0.85;

/**
 * Streams min(options.inputFlows, capacity) input flows: for every input product and year, into the importers
 * (the facilities' countries, each weighted by how many facilities it has), from that product's origins. Ordered
 * by product, year, importer. `facilityCountries` is each facility's country (repeats weigh the importer).
 */
export function* generateInputFlows(
  options: Pick<DemoOptions, 'seed' | 'inputFlows' | 'yearFrom' | 'yearTo'>,
  countries: readonly DemoCountry[],
  products: readonly string[],
  facilityCountries: readonly string[],
): Generator<FlowRow> {
  const ids = canonicalCountries(countries).map((c) => c.id);
  const n = ids.length;
  const facilities = new Map<string, number>();
  for (const c of facilityCountries) if (ids.includes(c)) facilities.set(c, (facilities.get(c) ?? 0) + 1);
  const importers = [...facilities.keys()].sort(compare);
  const sorted = [...new Set(products)].sort(compare);
  const years = options.yearTo - options.yearFrom + 1;
  const asked = options.inputFlows ?? 0;
  if (!(asked > 0) || n < 2 || importers.length === 0 || years < 1) return;
  const slices: Array<{ product: string; year: number; importer: string }> = [];
  const weights: number[] = [];
  for (const product of sorted) {
    const breadth = createRng(options.seed, 'input-breadth', product).logNormal(0, 0.4);
    for (let y = 0; y < years; y++)
      for (const importer of importers) {
        slices.push({ product, year: options.yearFrom + y, importer });
        weights.push(breadth * Math.sqrt(facilities.get(importer)!));
      }
  }
  const total = Math.min(asked, slices.length * (n - 1));
  const counts = allocateProportionally(total, weights, n - 1);
  // Each product's origins: every country, in a seeded order that puts big economies first (a weighted
  // random order: key log(u) / size², largest first), weighed by Zipf down that order.
  const traders = buildUniverse(canonicalCountries(countries)).size.map((s) => s * s);
  const zipf = zipfWeights(n, ORIGIN_ZIPF);
  const origins = new Map<string, number[]>();
  for (const product of sorted) {
    const rng = createRng(options.seed, 'input-origins', product);
    const keys = ids.map((_, i) => Math.log(1 - rng.next()) / traders[i]);
    const order = [...ids.keys()].sort((a, b) => keys[b] - keys[a] || a - b);
    const byCountry = new Array<number>(n);
    order.forEach((country, rank) => (byCountry[country] = zipf[rank]));
    origins.set(product, byCountry);
  }
  for (let s = 0; s < slices.length; s++) {
    const { product, year, importer } = slices[s];
    const rng = createRng(options.seed, 'input-flows', year, product, importer);
    const left = [...origins.get(product)!];
    left[ids.indexOf(importer)] = 0;
    const unitValue = UNIT_VALUE[product.slice(0, 2)] ?? 5000;
    for (let k = 0; k < counts[s]; k++) {
      const e = rng.weightedIndex(left);
      const valueUsd = Math.max(1, Math.round(FLOW_SCALE * n * left[e] * Math.exp(FLOW_SIGMA * rng.normal())));
      left[e] = 0;
      const quantityTons =
        rng.next() < QUANTITY_REPORTED_SHARE
          ? Math.max(0.001, Math.round((valueUsd / (unitValue * Math.exp(0.15 * rng.normal()))) * 1000) / 1000)
          : null;
      yield { year, exporter: ids[e], importer, product, valueUsd, quantityTons };
    }
  }
}
