/**
 * Product space measures of the economic-complexity toolkit, as the Growth Lab's Stata `ecomplexity`
 * (`proxdiscrete`, `calculate_density`, `coicog`) and `py-ecomplexity` compute them — discrete,
 * symmetric proximity, no k-nearest-neighbour or leave-out options. All inputs are dense row-major
 * matrices over the same (sorted) countries × products; M is 0/1. These return the raw (unnormalised)
 * quantities; `computeComplexity` applies Stata's normalisation.
 */
import { type Matrix, zeros } from './linear-algebra';

/** For every row of the 0/1 matrix M, the column indices where M = 1 (M is sparse in real data). */
export function presentProducts(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let c = 0; c < m.rows; c++) {
    const on: number[] = [];
    for (let p = 0; p < m.cols; p++) if (m.data[c * m.cols + p] === 1) on.push(p);
    out.push(on);
  }
  return out;
}

/**
 * Proximity φ_pp' = Σ_c M_cp M_cp' / max(k_p, k_p') — the smaller of the two conditional probabilities
 * P(p | p') and P(p' | p) — with φ_pp = 0 (Stata: `min(C:/S, C:/S') − I`). Symmetric, P × P.
 * A pair where either ubiquity is 0 has no co-occurrence and gets φ = 0.
 */
export function proximity(m: Matrix, ubiquity: ArrayLike<number>, on = presentProducts(m)): Matrix {
  const n = m.cols;
  const phi = zeros(n, n);
  const d = phi.data;
  for (const row of on) {
    for (let a = 0; a < row.length; a++) for (let b = a + 1; b < row.length; b++) d[row[a] * n + row[b]] += 1;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = d[i * n + j] === 0 ? 0 : d[i * n + j] / Math.max(ubiquity[i], ubiquity[j]);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return phi;
}

/** Column sums Σ_p' φ_p'p (= row sums, φ being symmetric). */
export function proximitySums(phi: Matrix): Float64Array {
  const sums = new Float64Array(phi.cols);
  for (let i = 0; i < phi.rows; i++) for (let j = 0; j < phi.cols; j++) sums[j] += phi.data[i * phi.cols + j];
  return sums;
}

/**
 * Density density_cp = Σ_p' M_cp' φ_p'p / Σ_p' φ_p'p: the share of p's proximity that c already exports
 * with RCA ≥ 1 (Hidalgo et al. 2007). NaN where p has no proximity to any product (Σ φ = 0; Stata: missing).
 */
export function density(m: Matrix, phi: Matrix, sums: Float64Array, on = presentProducts(m)): Matrix {
  const np = m.cols;
  const out = zeros(m.rows, np);
  for (let c = 0; c < m.rows; c++) {
    const row = out.data.subarray(c * np, (c + 1) * np);
    for (const q of on[c]) {
      const o = q * np;
      for (let p = 0; p < np; p++) row[p] += phi.data[o + p];
    }
    for (let p = 0; p < np; p++) row[p] = sums[p] > 0 ? row[p] / sums[p] : NaN;
  }
  return out;
}

/**
 * Complexity outlook index (raw): coi_c = Σ_p (1 − M_cp) density_cp kp_p, with kp the signed (not yet
 * normalised) PCI eigenvector — Stata: `((density:*(1 :- M)):*kp)*J(Np,Np,1)`. Products whose density is
 * undefined (NaN) add nothing.
 */
export function outlookIndex(m: Matrix, dens: Matrix, kp: ArrayLike<number>): Float64Array {
  const np = m.cols;
  const coi = new Float64Array(m.rows);
  for (let c = 0; c < m.rows; c++) {
    let s = 0;
    for (let p = 0; p < np; p++) {
      const dcp = dens.data[c * np + p];
      if (m.data[c * np + p] === 0 && !Number.isNaN(dcp)) s += dcp * kp[p];
    }
    coi[c] = s;
  }
  return coi;
}

/**
 * Complexity outlook gain (raw): cog_cp = (1 − M_cp) Σ_p' (1 − M_cp') φ_p'p kp_p' / Σ_p'' φ_p'p'' —
 * Stata: `(1 :- M):*((1 :- M) * (proximity :* ((kp1d:/(proximity*J(Np,1,1)))*J(1,Np,1))))`. Zero where
 * M_cp = 1. Computed as Σ_all p' − Σ_{p': M_cp' = 1} so the cost follows the sparse M. A product p' with
 * no proximity at all (Σ φ = 0) adds nothing (Stata: missing).
 */
export function outlookGain(m: Matrix, phi: Matrix, sums: Float64Array, kp: ArrayLike<number>, on = presentProducts(m)): Matrix {
  const np = m.cols;
  const f = Float64Array.from({ length: np }, (_, q) => (sums[q] > 0 ? kp[q] / sums[q] : 0)); // w_p'p = φ_p'p f_p'
  const all = new Float64Array(np);
  for (let q = 0; q < np; q++) {
    if (f[q] === 0) continue;
    for (let p = 0; p < np; p++) all[p] += phi.data[q * np + p] * f[q];
  }
  const cog = zeros(m.rows, np);
  for (let c = 0; c < m.rows; c++) {
    const row = cog.data.subarray(c * np, (c + 1) * np);
    row.set(all);
    for (const q of on[c]) {
      const o = q * np;
      const fq = f[q];
      for (let p = 0; p < np; p++) row[p] -= phi.data[o + p] * fq;
    }
    for (const q of on[c]) row[q] = 0;
  }
  return cog;
}
