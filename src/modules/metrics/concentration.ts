/**
 * Concentration of a market split among participants: the reference implementation of METRICS.md,
 * "Shares of a market". Pure functions, no I/O; the SQL implementation is tested against them.
 *
 * Weights `w_p ≥ 0`; participants with weight 0 are not counted; `N` = count of `w_p > 0`,
 * `W = Σ w_p`, share `s_p = w_p / W`.
 */

import { band, thresholdsOf, type BandGuidelines, type ConcentrationBand } from './guidelines';

export { band, deltaHhiPoints, isSignificantIncrease, type BandGuidelines, type ConcentrationBand } from './guidelines';

/** One participant of a market (an exporter, a manufacturer, a facility…). */
export interface Participant<K = string> {
  /** Participant id; ties in rankings break by it, ascending. */
  key: K;
  /** Weight `w_p ≥ 0` (trade value, workers…); 0 = not a participant. */
  weight: number;
}

/** Every concentration figure of one market (METRICS.md, "Shares of a market"). */
export interface ConcentrationMetrics {
  /** N = number of participants with weight > 0. */
  participants: number;
  /** W = Σ w_p. */
  totalWeight: number;
  /** HHI = Σ s_p², in [1/N, 1]; null when N = 0. */
  hhi: number | null;
  /** HHI points = 10,000 × HHI (antitrust scale); null when N = 0. */
  hhiPoints: number | null;
  /** Normalised HHI = (HHI − 1/N) / (1 − 1/N), in [0, 1]; null when N ≤ 1. */
  normalizedHhi: number | null;
  /** CR1 = largest share; null when N = 0. */
  cr1: number | null;
  /** CR3 = sum of the 3 largest shares (1 when N ≤ 3); null when N = 0. */
  cr3: number | null;
  /** CR5 = sum of the 5 largest shares (1 when N ≤ 5); null when N = 0. */
  cr5: number | null;
  /** Effective number = 1 / HHI, in [1, N]; null when N = 0. */
  effectiveNumber: number | null;
  /** Entropy = −Σ s_p ln s_p (natural log), in [0, ln N]; 0 when N = 1; null when N = 0. */
  entropy: number | null;
  /** Evenness = entropy / ln N, in [0, 1]; null when N ≤ 1. */
  evenness: number | null;
  /** Gini = Σ_i Σ_j |w_i − w_j| / (2 N² μ), μ = W / N, over the N participants; 0 when N = 1; null when N = 0. */
  gini: number | null;
  /** Band by HHI points under the chosen guidelines; null when N = 0. */
  band: ConcentrationBand | null;
}

function clamp(value: number, low: number, high: number): number {
  // Math.max also turns −0 into +0, so callers never see −0.
  return Math.max(low, Math.min(high, value));
}

function assertWeight(weight: unknown): asserts weight is number {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new RangeError(`weights must be finite numbers ≥ 0, got ${String(weight)}`);
  }
}

/**
 * A power of two that brings the largest weight near 1 when weights are so large (or small) that their
 * squares or sum would overflow (or underflow). Scaling by a power of two is exact, so every ratio is
 * the same as in unscaled arithmetic; realistic weights are not scaled at all.
 */
function scaleFor(maxWeight: number): number {
  if (maxWeight === 0 || (maxWeight >= 2 ** -500 && maxWeight <= 2 ** 500)) return 1;
  return 2 ** clamp(-Math.round(Math.log2(maxWeight)), -1000, 1000);
}

/** Positive weights, scaled and sorted ascending, with their scaled sum. */
interface Market {
  sorted: number[];
  total: number;
  scale: number;
}

function marketOf(weights: readonly number[]): Market {
  let max = 0;
  const positive: number[] = [];
  for (const w of weights) {
    assertWeight(w);
    if (w > 0) {
      positive.push(w);
      if (w > max) max = w;
    }
  }
  const scale = scaleFor(max);
  const sorted = positive.map((w) => w * scale).sort((a, b) => a - b);
  let total = 0;
  for (const x of sorted) total += x;
  return { sorted, total, scale };
}

/** Sum of the k largest shares of a non-empty market; exactly 1 when k ≥ N. */
function topShare({ sorted, total }: Market, k: number): number {
  const n = sorted.length;
  if (k >= n) return 1;
  let top = 0;
  for (let i = n - k; i < n; i++) top += sorted[i];
  return clamp(top / total, 0, 1);
}

function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${String(k)}`);
}

/**
 * CRk = sum of the k largest shares; 1 when k ≥ N; null when N = 0. k must be an integer ≥ 1.
 */
export function concentrationRatio(weights: readonly number[], k: number): number | null {
  assertK(k);
  const market = marketOf(weights);
  return market.sorted.length === 0 ? null : topShare(market, k);
}

/**
 * All concentration figures of a market given its participants' weights (order does not matter;
 * zero weights are ignored). HHI = Σ s², HHI points = 10,000 × HHI, normalised HHI =
 * (HHI − 1/N)/(1 − 1/N), CRk = top-k share sum, effective number = 1/HHI, entropy = −Σ s ln s,
 * evenness = entropy / ln N, Gini = Σ_i Σ_j |w_i − w_j| / (2 N² μ), band by HHI points
 * (default guidelines DOJ_FTC_2023). Throws RangeError on a negative or non-finite weight.
 */
export function concentration(weights: readonly number[], guidelines: BandGuidelines = 'DOJ_FTC_2023'): ConcentrationMetrics {
  thresholdsOf(guidelines);
  const market = marketOf(weights);
  const { sorted, total, scale } = market;
  const n = sorted.length;
  const totalWeight = total / scale;
  if (n === 0) return emptyMarket(totalWeight);

  let sumSquares = 0;
  let giniSum = 0;
  let entropySum = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    sumSquares += x * x;
    // Sort-based Gini: with x ascending, Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − N − 1) x_i (i 1-based),
    // so the O(N²) definition becomes O(N log N).
    giniSum += (2 * (i + 1) - n - 1) * x;
    const s = x / total;
    // s can underflow to 0 for a negligible participant; its term's limit is 0, not 0 × −∞.
    if (s > 0) entropySum -= s * Math.log(s);
  }
  const totalSquared = total * total;
  return figuresOf(
    {
      n,
      totalWeight,
      hhi: sumSquares / totalSquared,
      // Σw²/W² rather than Σ(w/W)²: a single rounding, so integer weights land exactly on the band
      // boundaries (e.g. [20, 20, 20, 20, 10, 10] gives 1,800 points, not 1800.0000000000002).
      hhiPoints: (10_000 * sumSquares) / totalSquared,
      // W²/Σw² = 1/HHI with one rounding: equal integer weights give exactly N.
      effectiveNumber: totalSquared / sumSquares,
      entropy: entropySum,
      // Σ_i Σ_j |…| / (2 N² μ) with μ = W/N is 2·giniSum / (2 N W).
      gini: giniSum / (n * total),
      topShares: (k) => topShare(market, k),
    },
    guidelines,
  );
}

/** Every figure of an empty market (N = 0): null, never 0 or NaN. */
export function emptyMarket(totalWeight = 0): ConcentrationMetrics {
  return {
    participants: 0,
    totalWeight,
    hhi: null,
    hhiPoints: null,
    normalizedHhi: null,
    cr1: null,
    cr3: null,
    cr5: null,
    effectiveNumber: null,
    entropy: null,
    evenness: null,
    gini: null,
    band: null,
  };
}

/** The sums of a non-empty market (N ≥ 1) that every figure follows from, however they were computed. */
export interface MarketSums {
  n: number;
  totalWeight: number;
  /** Σ s_p². */
  hhi: number;
  /** 10,000 × HHI, when the caller has it with fewer roundings. */
  hhiPoints?: number;
  /** 1 / HHI, when the caller has it with fewer roundings. */
  effectiveNumber?: number;
  /** −Σ s_p ln s_p. */
  entropy: number;
  /** Σ_i (2i − N − 1) w_(i) / (N W), weights ascending: the Gini of METRICS.md. */
  gini: number;
  /** Sum of the k largest shares (asked only for k < N). */
  topShares: (k: number) => number;
}

/** CRk: exactly 1 when k ≥ N (METRICS.md), else the top-k sum kept within [0, 1]. */
export function crOf(sums: Pick<MarketSums, 'n' | 'topShares'>, k: number): number {
  return k >= sums.n ? 1 : clamp(sums.topShares(k), 0, 1);
}

/**
 * Every figure of a non-empty market from its sums: the one place for METRICS.md's derived formulas and
 * edge cases (normalised HHI and evenness null when N = 1, Gini 0 when N = 1, CRk 1 when k ≥ N), used by
 * concentration() and by the API for the sums PostgreSQL computes. Clamps only absorb rounding: each
 * figure is mathematically inside its range.
 */
export function figuresOf(sums: MarketSums, guidelines: BandGuidelines): ConcentrationMetrics {
  const { n } = sums;
  const hhi = clamp(sums.hhi, 1 / n, 1);
  const hhiPoints = clamp(sums.hhiPoints ?? 10_000 * hhi, 10_000 / n, 10_000);
  const entropy = clamp(sums.entropy, 0, Math.log(n));
  return {
    participants: n,
    totalWeight: sums.totalWeight,
    hhi,
    hhiPoints,
    normalizedHhi: n === 1 ? null : clamp((hhi - 1 / n) / (1 - 1 / n), 0, 1),
    cr1: crOf(sums, 1),
    cr3: crOf(sums, 3),
    cr5: crOf(sums, 5),
    effectiveNumber: clamp(sums.effectiveNumber ?? 1 / hhi, 1, n),
    entropy,
    evenness: n === 1 ? null : clamp(entropy / Math.log(n), 0, 1),
    // The maximum is 1 − 1/N (0 when N = 1).
    gini: clamp(sums.gini, 0, 1 - 1 / n),
    band: band(hhiPoints, guidelines),
  };
}

/**
 * Total order on participant ids: numbers numerically, strings by UTF-16 code unit (the order of
 * PostgreSQL `COLLATE "C"` for ASCII ids, locale-independent); numbers before strings.
 */
export function compareParticipantKeys<K extends string | number>(a: K, b: K): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Participants with weight > 0, ranked by weight descending, ties broken by key ascending, with
 * share = w / W and rank 1, 2, … (unique, 1 = largest). Throws RangeError on a negative or non-finite
 * weight, a NaN key, or a key given twice (a market lists each participant once).
 */
export function rankParticipants<K extends string | number>(
  ps: readonly Participant<K>[],
): Array<Participant<K> & { share: number; rank: number }> {
  const seen = new Set<K>();
  for (const p of ps) {
    if (typeof p.key === 'number' && Number.isNaN(p.key)) throw new RangeError('participant key must not be NaN');
    if (seen.has(p.key)) throw new RangeError(`participant ${String(p.key)} is listed twice`);
    seen.add(p.key);
    assertWeight(p.weight);
  }
  const { total, scale } = marketOf(ps.map((p) => p.weight));
  return (
    ps
      .filter((p) => p.weight > 0)
      // Rank on the raw weights: scaling could underflow two distinct tiny weights to the same value.
      .sort((a, b) => (a.weight !== b.weight ? b.weight - a.weight : compareParticipantKeys(a.key, b.key)))
      .map((p, i) => ({ key: p.key, weight: p.weight, share: clamp((p.weight * scale) / total, 0, 1), rank: i + 1 }))
  );
}
