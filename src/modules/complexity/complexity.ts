/**
 * Economic complexity (Hausmann–Hidalgo, eigenvector method) for ONE year, matching the Growth Lab's Stata
 * `ecomplexity` and `py-ecomplexity` (checked against their `stata_ground_truth.csv`):
 *
 * - RCA (Balassa) = (x_cp / X_c) / (x_p / X_w); M_cp = 1 where RCA ≥ threshold (default 1).
 * - diversity k_c = Σ_p M_cp; ubiquity k_p = Σ_c M_cp.
 * - M̃_pp' = Σ_c M_cp M_cp' / (k_c k_p), M̃_cc' = Σ_p M_cp M_c'p / (k_c k_p) (same non-zero spectrum).
 *   kp = eigenvector of M̃_pp's second-largest eigenvalue, kc = Σ_p M_cp kp_p / k_c (so kc is M̃_cc's
 *   eigenvector, with Stata's relative scale); both flipped so corr(kc, k_c) > 0.
 * - ECI = (kc − mean(kc)) / sd(kc); PCI = (kp − mean(kc)) / sd(kc) — the ECI's mean and sd;
 *   COI = z-score of Σ_p (1 − M_cp) density_cp kp_p; COG = raw COG / sd(kc) (see product-space.ts).
 * - sd is Stata's `summarize` over the long country × product table: a sample sd over C·P cells, i.e.
 *   sd² = P Σ_c (v_c − mean)² / (C P − 1). (numpy's population sd over the C countries, which the
 *   py-ecomplexity source uses, is off by √(CP/(CP − 1)) and does not match the ground truth at 1e-5.)
 *
 * Countries and products whose total value is 0 are dropped before anything is computed (as Stata and
 * py-ecomplexity do) and do not appear in the result (Stata's output drops them too; py-ecomplexity
 * merges them back with NaN metrics). Undefined numbers (no second eigenvector, Σφ = 0) are null. Missing (country, product) pairs count as
 * 0; duplicate pairs are summed. Values must be finite and ≥ 0. Everything is sorted by code (plain
 * string order), so the result is deterministic.
 */
import { correlation, mean, type Matrix, secondEigenpair, sumSquaredDeviations, zeros } from './linear-algebra';
import { density, outlookGain, outlookIndex, presentProducts, proximity, proximitySums } from './product-space';

export interface ExportValue {
  country: string;
  product: string;
  value: number;
}

export interface RcaTable {
  countries: string[];
  products: string[];
  /** Export values, countries × products (row-major), 0 where no row was given. */
  values: Matrix;
  rca: Matrix;
  /** 1 where RCA ≥ threshold, else 0. */
  m: Matrix;
}

export interface ComplexityResult {
  countries: Array<{ country: string; diversity: number; eci: number | null; coi: number | null }>;
  products: Array<{ product: string; ubiquity: number; pci: number | null }>;
  cells: Array<{ country: string; product: string; value: number; rca: number; m: 0 | 1; density: number | null; cog: number | null }>;
}

/** One (country, product) pair with positive exports, its RCA and M, as the SQL RCA (specialisation) gives it. */
export interface RcaCell {
  country: string;
  product: string;
  value: number;
  rca: number;
  m: 0 | 1;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Dense RCA and M over the countries and products with a positive total (sorted). */
export function rcaTable(exports: readonly ExportValue[], threshold = 1): RcaTable {
  const byCountry = new Map<string, number>();
  const byProduct = new Map<string, number>();
  for (const { country, product, value } of exports) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`Export value of ${country}/${product} must be finite and >= 0, got ${value}`);
    byCountry.set(country, (byCountry.get(country) ?? 0) + value);
    byProduct.set(product, (byProduct.get(product) ?? 0) + value);
  }
  const countries = [...byCountry]
    .filter(([, v]) => v > 0)
    .map(([k]) => k)
    .sort(byCode);
  const products = [...byProduct]
    .filter(([, v]) => v > 0)
    .map(([k]) => k)
    .sort(byCode);
  const ci = new Map(countries.map((c, i) => [c, i]));
  const pi = new Map(products.map((p, i) => [p, i]));
  const nc = countries.length;
  const np = products.length;
  const values = zeros(nc, np);
  for (const { country, product, value } of exports) {
    const c = ci.get(country);
    const p = pi.get(product);
    if (c !== undefined && p !== undefined) values.data[c * np + p] += value;
  }
  const rowSum = new Float64Array(nc);
  const colSum = new Float64Array(np);
  let world = 0;
  for (let c = 0; c < nc; c++) for (let p = 0; p < np; p++) rowSum[c] += values.data[c * np + p];
  for (let c = 0; c < nc; c++) for (let p = 0; p < np; p++) colSum[p] += values.data[c * np + p];
  for (let p = 0; p < np; p++) world += colSum[p];
  const rca = zeros(nc, np);
  const m = zeros(nc, np);
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) {
      const r = values.data[c * np + p] / rowSum[c] / (colSum[p] / world);
      rca.data[c * np + p] = r;
      m.data[c * np + p] = r >= threshold ? 1 : 0;
    }
  }
  return { countries, products, values, rca, m };
}

/**
 * The dense table of the pairs with positive exports of one year, taking RCA and M as given (the API
 * computes them in SQL): countries and products are those of the cells, sorted; missing pairs are 0.
 */
export function rcaTableFromCells(cells: readonly RcaCell[]): RcaTable {
  const countries = [...new Set(cells.map((x) => x.country))].sort(byCode);
  const products = [...new Set(cells.map((x) => x.product))].sort(byCode);
  const ci = new Map(countries.map((c, i) => [c, i]));
  const pi = new Map(products.map((p, i) => [p, i]));
  const np = products.length;
  const values = zeros(countries.length, np);
  const rca = zeros(countries.length, np);
  const m = zeros(countries.length, np);
  for (const x of cells) {
    const i = ci.get(x.country)! * np + pi.get(x.product)!;
    values.data[i] = x.value;
    rca.data[i] = x.rca;
    m.data[i] = x.m;
  }
  return { countries, products, values, rca, m };
}

/** Balassa RCA and M (RCA ≥ threshold) of every (country, product) with positive totals, sorted by country then product. */
export function rca(exports: readonly ExportValue[], threshold = 1): Array<{ country: string; product: string; rca: number; m: 0 | 1 }> {
  const t = rcaTable(exports, threshold);
  return t.countries.flatMap((country, c) =>
    t.products.map((product, p) => ({
      country,
      product,
      rca: t.rca.data[c * t.products.length + p],
      m: t.m.data[c * t.products.length + p] as 0 | 1,
    })),
  );
}

/**
 * The signed eigenvectors (kc, kp) with Stata's relative scale kc = D_c⁻¹ M kp, solved on the smaller side
 * (countries × countries when C ≤ P) by `secondEigenpair`. Null when undefined: fewer than 2 countries or
 * products, a zero diversity or ubiquity (only possible when rounding puts an RCA that is exactly 1 in
 * theory below 1), or λ₂ = 0 (e.g. every country has the same basket).
 */
function complexityVectors(m: Matrix, kc0: Float64Array, kp0: Float64Array, on: number[][]): { kc: Float64Array; kp: Float64Array } | null {
  const nc = m.rows;
  const np = m.cols;
  if (nc < 2 || np < 2 || kc0.some((k) => k === 0) || kp0.some((k) => k === 0)) return null;
  const countrySide = nc <= np;
  const n = countrySide ? nc : np;
  const mt = zeros(n, n);
  for (let c = 0; c < nc; c++) {
    if (countrySide) {
      for (let c2 = 0; c2 < nc; c2++) {
        let s = 0;
        for (const p of on[c]) s += m.data[c2 * np + p] / kp0[p];
        mt.data[c * n + c2] = s / kc0[c];
      }
    } else {
      for (const p of on[c]) for (const p2 of on[c]) mt.data[p * n + p2] += 1 / (kc0[c] * kp0[p]);
    }
  }
  const pair = secondEigenpair(mt, countrySide ? kc0 : kp0);
  if (!pair || !(pair.value > 1e-12)) return null;
  let kc: Float64Array;
  let kp: Float64Array;
  if (countrySide) {
    kc = pair.vector;
    kp = new Float64Array(np);
    for (let c = 0; c < nc; c++) for (const p of on[c]) kp[p] += kc[c];
    for (let p = 0; p < np; p++) kp[p] /= kp0[p] * pair.value;
  } else {
    kp = pair.vector;
    kc = Float64Array.from(on, (ps, c) => ps.reduce((s, p) => s + kp[p], 0) / kc0[c]);
  }
  // Stata: eigensign = 2*(corr(k_c, kc) > 0) − 1. When the correlation is undefined (all diversities
  // equal), fix the sign deterministically: the largest |kc| (first such country) is positive.
  const r = correlation(kc0, kc);
  let sign = r > 0 ? 1 : -1;
  if (Number.isNaN(r) || r === 0) {
    let best = 0;
    for (let c = 1; c < nc; c++) if (Math.abs(kc[c]) > Math.abs(kc[best]) + 1e-12) best = c;
    sign = kc[best] >= 0 ? 1 : -1;
  }
  return { kc: kc.map((v) => sign * v), kp: kp.map((v) => sign * v) };
}

/** Stata's sd of a country-level variable repeated over the P products of the long table (sample sd, C·P − 1). */
function cellSd(v: Float64Array, np: number): number {
  return Math.sqrt((np * sumSquaredDeviations(v)) / (v.length * np - 1));
}

/** ECI, PCI, density, COI and COG of one year's exports (see the module comment for the formulas). */
export function computeComplexity(exports: readonly ExportValue[], options: { threshold?: number } = {}): ComplexityResult {
  return complexityOfTable(rcaTable(exports, options.threshold ?? 1));
}

/** ECI, PCI, density, COI and COG from a year's RCA table (its M decides everything; values are passed through). */
export function complexityOfTable(t: RcaTable): ComplexityResult {
  const { m } = t;
  const nc = t.countries.length;
  const np = t.products.length;
  const kc0 = new Float64Array(nc);
  const kp0 = new Float64Array(np);
  for (let c = 0; c < nc; c++) for (let p = 0; p < np; p++) kc0[c] += m.data[c * np + p];
  for (let c = 0; c < nc; c++) for (let p = 0; p < np; p++) kp0[p] += m.data[c * np + p];

  const on = presentProducts(m);
  const phi = proximity(m, kp0, on);
  const sums = proximitySums(phi);
  const dens = density(m, phi, sums, on);
  const vec = complexityVectors(m, kc0, kp0, on);
  const sd = vec ? cellSd(vec.kc, np) : NaN;
  const ok = vec !== null && sd > 0;
  const mu = vec ? mean(vec.kc) : NaN;
  const coiRaw = ok ? outlookIndex(m, dens, vec.kp) : null;
  const coiMean = coiRaw ? mean(coiRaw) : NaN;
  const coiSd = coiRaw ? cellSd(coiRaw, np) : NaN;
  const cog = ok ? outlookGain(m, phi, sums, vec.kp, on) : null;
  const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

  return {
    countries: t.countries.map((country, c) => ({
      country,
      diversity: kc0[c],
      eci: ok ? num((vec.kc[c] - mu) / sd) : null,
      coi: coiRaw && coiSd > 0 ? num((coiRaw[c] - coiMean) / coiSd) : null,
    })),
    products: t.products.map((product, p) => ({ product, ubiquity: kp0[p], pci: ok ? num((vec.kp[p] - mu) / sd) : null })),
    cells: t.countries.flatMap((country, c) =>
      t.products.map((product, p) => {
        const i = c * np + p;
        return {
          country,
          product,
          value: t.values.data[i],
          rca: t.rca.data[i],
          m: m.data[i] as 0 | 1,
          density: num(dens.data[i]),
          cog: cog ? num(cog.data[i] / sd) : null,
        };
      }),
    ),
  };
}
