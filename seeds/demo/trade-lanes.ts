/**
 * Trade lanes: which importers an exporter ships a kind of goods to, in order of preference, and how
 * intense each lane is. Lanes are shared by all products of one HS chapter (gravity: who trades with
 * whom barely depends on the exact HS6 code), which keeps the sorting work per chapter, not per product.
 */
import { createRng } from './prng';

/** Spread of a lane's persistent intensity (log scale): same lane, similar value every year. */
const LANE_SIGMA = 1.1;
/** Shortest preference prefix computed: a partial selection of this many costs about one pass. */
const MIN_PREFIX = 16;
/** √3/π: scales a standard logistic variate to unit variance. */
const LOGISTIC_TO_UNIT = 0.5513;

/** Preferred importers per exporter for one chapter, filled lazily and dropped when the chapter changes. */
export interface LaneCache {
  readonly chapter: string;
  readonly salt: number;
  /** Per exporter: importers in order of preference (a prefix, extended on demand). */
  readonly partners: Array<Int32Array | undefined>;
  /** Per exporter, aligned with `partners`: log intensity of each lane. */
  readonly levels: Array<Float64Array | undefined>;
}

/** Uniform in (0, 1) from a stateless integer hash of (a, b, salt): per-lane randomness without storage. */
export function hashUnit(a: number, b: number, salt: number): number {
  let h = Math.imul(a ^ salt, 0x85ebca6b) ^ Math.imul((b + 0x9e3779b9) | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return ((h >>> 0) + 0.5) / 4294967296;
}

/** Unit-variance logistic variate for (a, b, salt); decreasing in hashUnit, so small u means high. */
export function laneNoise(a: number, b: number, salt: number): number {
  const unit = hashUnit(a, b, salt);
  return LOGISTIC_TO_UNIT * Math.log((1 - unit) / unit);
}

/** An empty cache for `chapter` (first two digits of the HS code) over `countries` countries. */
export function createLaneCache(seed: number, chapter: string, countries: number): LaneCache {
  return {
    chapter,
    salt: createRng(seed, 'lanes', chapter).int(0, 0x7fffffff),
    partners: new Array<Int32Array | undefined>(countries).fill(undefined),
    levels: new Array<Float64Array | undefined>(countries).fill(undefined),
  };
}

const bitsView = new DataView(new ArrayBuffer(8));

/** High 32 bits of a non-negative double: monotone in the value, so usable as a sort key. */
function orderedBits(value: number): number {
  bitsView.setFloat64(0, value);
  return bitsView.getUint32(0);
}

/** Smallest power of two ≥ n, so that index = composite % slots; composites stay below 2^53 for n ≤ 2^21. */
function indexSlots(n: number): number {
  let slots = 1;
  while (slots < n) slots *= 2;
  return slots;
}

/**
 * Exporter `e`'s preferred importers, at least `length` of them (capped at n - 1). The order is a
 * weighted random permutation (Efraimidis–Spirakis keys -ln(u)/weight, `weight` = importer size) with u
 * fixed per lane, so an exporter keeps its partners from year to year and adds the next ones as it
 * grows; the same u sets the lane's intensity, so preferred lanes also carry larger values.
 * Short prefixes use a partial selection instead of a full sort; both give the same prefix because the
 * composite keys are distinct.
 */
export function preferredPartners(cache: LaneCache, e: number, weight: Float64Array, length: number): Int32Array {
  const n = weight.length;
  const cached = cache.partners[e];
  if (cached !== undefined && cached.length >= Math.min(n - 1, length)) return cached;
  // Grow geometrically so that slowly rising demands do not recompute the order again and again.
  let m = Math.min(n - 1, Math.max(length, MIN_PREFIX, 2 * (cached?.length ?? 0)));
  const slots = indexSlots(n);
  const keys = new Float64Array(n - 1);
  for (let i = 0, j = 0; i < n; i++) {
    if (i === e) continue;
    // Composite key: top 32 bits of the ES key × slots + index, sorted with the native numeric sort
    // (much faster than a comparator sort); near-ties resolve deterministically by index.
    keys[j++] = orderedBits(-Math.log(hashUnit(e, i, cache.salt)) / weight[i]) * slots + i;
  }
  let best: Float64Array;
  if (m * 4 >= n) {
    best = keys.sort();
    m = n - 1; // the full order costs nothing more to keep
  } else {
    best = new Float64Array(m).fill(Infinity);
    for (const key of keys) {
      if (key >= best[m - 1]) continue;
      let j = m - 1;
      for (; j > 0 && best[j - 1] > key; j--) best[j] = best[j - 1];
      best[j] = key;
    }
  }
  const partners = Int32Array.from(best.subarray(0, m), (key) => key % slots);
  cache.partners[e] = partners;
  cache.levels[e] = Float64Array.from(partners, (i) => LANE_SIGMA * laneNoise(e, i, cache.salt));
  return partners;
}
