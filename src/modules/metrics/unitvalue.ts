/**
 * Unit values: the reference implementation of METRICS.md, "Unit values". Pure functions, no I/O; the SQL
 * of src/modules/unit-value computes the same figures and is tested against these.
 */
import { cagr, yoyGrowth } from './trends';

/** One flow: value in USD, quantity in metric tons (null when the source reports none). */
export interface QuantityFlow {
  valueUsd: number;
  quantityTons: number | null;
}

/** The sums a unit value is made of. */
export interface UnitValueSums {
  /** Σ x over every flow (USD). */
  value: number;
  /** Σ x over the flows with q > 0 (USD). */
  valueWithQuantity: number;
  /** Σ q over the flows with q > 0 (tonnes); 0 when none has one. */
  quantityTons: number;
  /** Flows counted, and those with q > 0. */
  flows: number;
  flowsWithQuantity: number;
}

/** Sums flows: a flow without a quantity (null) or with q = 0 adds to `value` only, never as a quantity of 0. */
export function unitValueSums(flows: readonly QuantityFlow[]): UnitValueSums {
  const sums: UnitValueSums = { value: 0, valueWithQuantity: 0, quantityTons: 0, flows: 0, flowsWithQuantity: 0 };
  for (const f of flows) {
    if (!Number.isFinite(f.valueUsd) || f.valueUsd < 0) throw new RangeError(`value must be a non-negative number, got ${f.valueUsd}`);
    if (f.quantityTons !== null && (!Number.isFinite(f.quantityTons) || f.quantityTons < 0))
      throw new RangeError(`quantity must be null or a non-negative number, got ${f.quantityTons}`);
    sums.value += f.valueUsd;
    sums.flows += 1;
    if (f.quantityTons !== null && f.quantityTons > 0) {
      sums.valueWithQuantity += f.valueUsd;
      sums.quantityTons += f.quantityTons;
      sums.flowsWithQuantity += 1;
    }
  }
  return sums;
}

/** UV = Σ x / Σ q over the flows with q > 0 (USD per tonne); null without such a flow. */
export function unitValue(sums: Pick<UnitValueSums, 'valueWithQuantity' | 'quantityTons'>): number | null {
  return sums.quantityTons > 0 ? sums.valueWithQuantity / sums.quantityTons : null;
}

/** Coverage = Σ_{q>0} x / Σ x; null when there is no value at all. */
export function coverage(sums: Pick<UnitValueSums, 'value' | 'valueWithQuantity'>): number | null {
  return sums.value > 0 ? sums.valueWithQuantity / sums.value : null;
}

/** RUV = UV / UV_world; null when either is unknown or the world's is 0. */
export function relativeUnitValue(uv: number | null, worldUv: number | null): number | null {
  if (uv === null || worldUv === null || worldUv === 0) return null;
  return uv / worldUv;
}

/** One year of an exporter's unit values (null figures: no flow with a quantity that year). */
export interface UnitValueYear {
  year: number;
  uv: number | null;
  ruv: number | null;
}

/** A year of the series with its trend figures. */
export interface UnitValuePoint extends UnitValueYear {
  /** UV_t / UV_{t−1} − 1; null when either is unknown (a gap is never bridged). */
  uvYoY: number | null;
  ruvYoY: number | null;
  /** RUV_t / RUV_{t−window} − 1; null when either is unknown. */
  ruvChange: number | null;
  /** ruvChange < −dropThreshold (null when ruvChange is). */
  drop: boolean | null;
}

export interface UnitValueTrend {
  points: UnitValuePoint[];
  /** First and last year with a UV in the range; CAGR between them (null unless two years have one). */
  cagrFrom: number | null;
  cagrTo: number | null;
  uvCagr: number | null;
  ruvCagr: number | null;
  /** Years of the range with a drop. */
  dropYears: number[];
}

/**
 * The trend of one exporter's UV and RUV over [from, to]: one point per year (years without a row have
 * null figures, never 0); rows for the `window` years before `from` feed the first points' YoY and change.
 * A drop in t: RUV_t / RUV_{t−window} − 1 < −dropThreshold. CAGR of UV and of RUV over the first and the
 * last year of the range with a UV (as "Trends": the same two years for both).
 */
export function unitValueTrend(rows: readonly UnitValueYear[], from: number, to: number, window = 1, dropThreshold = 0.15): UnitValueTrend {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new RangeError(`bad year range ${from}–${to}`);
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
  if (!Number.isFinite(dropThreshold) || dropThreshold < 0) throw new RangeError(`dropThreshold must be ≥ 0, got ${dropThreshold}`);
  const byYear = new Map<number, UnitValueYear>();
  for (const row of rows) {
    if (byYear.has(row.year)) throw new RangeError(`two rows for year ${row.year}`);
    byYear.set(row.year, row);
  }
  const at = (year: number) => byYear.get(year) ?? { year, uv: null, ruv: null };
  const points: UnitValuePoint[] = [];
  for (let year = from; year <= to; year++) {
    const { uv, ruv } = at(year);
    const prev = at(year - 1);
    const base = at(year - window).ruv;
    const ruvChange = base === null || ruv === null ? null : yoyGrowth(base, ruv);
    points.push({
      year,
      uv,
      ruv,
      uvYoY: yoyGrowth(prev.uv, uv),
      ruvYoY: yoyGrowth(prev.ruv, ruv),
      ruvChange,
      drop: ruvChange === null ? null : ruvChange < -dropThreshold,
    });
  }
  const withUv = points.filter((p) => p.uv !== null);
  const span = withUv.length >= 2;
  const [a, b] = [withUv[0], withUv[withUv.length - 1]];
  return {
    points,
    cagrFrom: span ? a.year : null,
    cagrTo: span ? b.year : null,
    uvCagr: span ? cagr(a.uv, b.uv, b.year - a.year) : null,
    ruvCagr: span ? cagr(a.ruv, b.ruv, b.year - a.year) : null,
    dropYears: points.filter((p) => p.drop === true).map((p) => p.year),
  };
}

/** A supplier country's capacity share a_c and its RUV (null: no unit value) and drop flag in one product. */
export interface WeightedSignal {
  share: number;
  ruv: number | null;
  drop: boolean | null;
}

export interface QualitySummary {
  /** Σ a_c · RUV_c / Σ a_c over the countries with an RUV; null when none has one. */
  weightedRuv: number | null;
  /** Σ a_c over the countries with an RUV (the share of capacity the summary speaks for). */
  coveredShare: number;
  /** Σ a_c over the countries whose RUV dropped. */
  dropShare: number;
}

/** The capacity-weighted summary of a brand's supplier countries in one product (METRICS.md, "Quality signals"). */
export function qualitySummary(signals: readonly WeightedSignal[]): QualitySummary {
  let covered = 0;
  let weighted = 0;
  let dropShare = 0;
  for (const s of signals) {
    if (!Number.isFinite(s.share) || s.share < 0 || s.share > 1) throw new RangeError(`share must be in [0, 1], got ${s.share}`);
    if (s.ruv !== null) {
      covered += s.share;
      weighted += s.share * s.ruv;
    }
    if (s.drop === true) dropShare += s.share;
  }
  return { weightedRuv: covered > 0 ? weighted / covered : null, coveredShare: covered, dropShare };
}
