/**
 * Dense linear algebra for the economic-complexity metrics (no dependency; matrices are at most a few
 * hundred × a few thousand). Matrices are row-major `Float64Array`s: entry (i, j) of an `rows × cols`
 * matrix is `data[i * cols + j]`.
 *
 * Eigen solver: the complexity matrices M̃ = D⁻¹K (K symmetric, D = diag(d) with d > 0, e.g. the
 * country–country matrix M̃_cc' = Σ_p M_cp M_c'p / (k_c k_p), K = M D_p⁻¹ Mᵀ, d = k_c) are not symmetric
 * but are similar to the symmetric S = D^{1/2} M̃ D^{-1/2} = D^{-1/2} K D^{-1/2}. S is diagonalised by the
 * cyclic Jacobi method (Rutishauser's rotation formulas, as in Numerical Recipes `jacobi`): every sweep
 * zeroes each off-diagonal entry once with a plane rotation; convergence is quadratic and the result is
 * accurate to a few ulps of ‖S‖ (eigenvectors to ~ε‖S‖ / gap), far below 1e-10 for n ≤ 300 unless two
 * eigenvalues (nearly) coincide, in which case the eigenvector itself is not determined. An eigenvector u
 * of S with eigenvalue λ gives the eigenvector x = D^{-1/2} u of M̃ with the same λ. Cost: O(n³) per sweep,
 * typically 6–10 sweeps (n = 300: well under a second).
 */

export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A · x. */
export function matVec(a: Matrix, x: ArrayLike<number>): Float64Array {
  if (a.cols !== x.length) throw new RangeError('matVec: dimension mismatch');
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.cols; j++) s += a.data[i * a.cols + j] * x[j];
    out[i] = s;
  }
  return out;
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sum of squared deviations from the mean (callers divide by n, n − 1 or whatever convention they need). */
export function sumSquaredDeviations(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s;
}

/** Pearson correlation; NaN when either vector is constant. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Unit eigenvectors as columns, in the order of `values`. */
  vectors: Matrix;
  sweeps: number;
}

/** All eigenpairs of a symmetric matrix by the cyclic Jacobi method (the input is not modified). */
export function symmetricEigen(s: Matrix, maxSweeps = 100): SymmetricEigen {
  const n = s.rows;
  if (s.cols !== n) throw new RangeError('symmetricEigen: matrix is not square');
  const a = Float64Array.from(s.data);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += a[i] * a[i];
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off <= 1e-36 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // Negligible against both diagonal entries (after the first sweeps): set it to zero, as NR does.
        if (sweeps > 3 && Math.abs(app) + 1e2 * Math.abs(apq) === Math.abs(app) && Math.abs(aqq) + 1e2 * Math.abs(apq) === Math.abs(aqq)) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - sn * akq;
          a[k * n + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - sn * aqk;
          a[q * n + k] = sn * apk + c * aqk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - sn * vkq;
          v[k * n + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  // Sort largest first; ties keep the original index order, so the result is deterministic.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i] || i - j);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = zeros(n, n);
  order.forEach((col, j) => {
    for (let k = 0; k < n; k++) vectors.data[k * n + j] = v[k * n + col];
  });
  return { values, vectors, sweeps };
}

export interface Eigenpair {
  value: number;
  /** Eigenvector of M̃ (not normalised: x = D^{-1/2} u with u a unit eigenvector of S). */
  vector: Float64Array;
}

/**
 * The eigenpair of the second-largest eigenvalue of M̃ = D⁻¹K, given M̃ (n × n) and d > 0, for K
 * symmetric (reversible Markov chains, e.g. the complexity matrices): symmetrises S = D^{1/2} M̃ D^{-1/2}
 * (then (S + Sᵀ)/2 to remove rounding asymmetry), diagonalises S by Jacobi and maps back x = D^{-1/2} u.
 * Null when n < 2.
 */
export function secondEigenpair(mTilde: Matrix, d: ArrayLike<number>): Eigenpair | null {
  const n = mTilde.rows;
  if (mTilde.cols !== n || d.length !== n) throw new RangeError('secondEigenpair: dimension mismatch');
  if (n < 2) return null;
  const sqrtD = Float64Array.from(d, (x) => Math.sqrt(x));
  const s = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) s.data[i * n + j] = (sqrtD[i] * mTilde.data[i * n + j]) / sqrtD[j];
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const avg = (s.data[i * n + j] + s.data[j * n + i]) / 2;
      s.data[i * n + j] = avg;
      s.data[j * n + i] = avg;
    }
  }
  const { values, vectors } = symmetricEigen(s);
  const vector = new Float64Array(n);
  for (let k = 0; k < n; k++) vector[k] = vectors.data[k * n + 1] / sqrtD[k];
  return { value: values[1], vector };
}
