import { computeComplexity, rca, type ExportValue } from '../../../src/modules/complexity/complexity';
import { matVec, secondEigenpair, symmetricEigen, zeros } from '../../../src/modules/complexity/linear-algebra';
import { readCsv, sharedFile } from '../../support/shared-data';

/** numpy.isclose: |actual − expected| ≤ atol + rtol·|expected|. atol 1e-8 keeps values that are 0 in
 *  theory (COG where M = 1, a PCI that crosses 0) from failing on a relative test of rounding noise. */
const ATOL = 1e-8;
const close = (actual: number, expected: number, rtol: number): boolean => Math.abs(actual - expected) <= ATOL + rtol * Math.abs(expected);

describe('rca (hand-computed)', () => {
  it('is Balassa RCA, M = 1 where RCA ≥ 1', () => {
    // Totals: A 40, B 60; product p 40, q 60; world 100.
    const rows: ExportValue[] = [
      { country: 'B', product: 'q', value: 30 },
      { country: 'A', product: 'p', value: 10 },
      { country: 'A', product: 'q', value: 30 },
      { country: 'B', product: 'p', value: 30 },
    ];
    const out = rca(rows);
    expect(out.map((r) => [r.country, r.product, r.m])).toEqual([
      ['A', 'p', 0],
      ['A', 'q', 1],
      ['B', 'p', 1],
      ['B', 'q', 0],
    ]);
    expect(out.map((r) => r.rca)).toEqual([0.625, 1.25, 1.25, expect.closeTo(0.5 / 0.6, 15)]);
  });

  it('counts RCA exactly 1 as present; the threshold is an argument', () => {
    const rows = [
      { country: 'A', product: 'p', value: 1 },
      { country: 'A', product: 'q', value: 1 },
      { country: 'B', product: 'p', value: 2 },
      { country: 'B', product: 'q', value: 2 },
    ];
    expect(rca(rows).map((r) => [r.rca, r.m])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(rca(rows, 1.5).every((r) => r.m === 0)).toBe(true);
  });

  it('fills missing pairs with 0, sums duplicates, drops zero-total countries and products', () => {
    const out = rca([
      { country: 'A', product: 'p', value: 5 },
      { country: 'A', product: 'p', value: 5 },
      { country: 'B', product: 'q', value: 10 },
      { country: 'C', product: 'p', value: 0 },
      { country: 'A', product: 'z', value: 0 },
    ]);
    expect(out).toEqual([
      { country: 'A', product: 'p', rca: 2, m: 1 },
      { country: 'A', product: 'q', rca: 0, m: 0 },
      { country: 'B', product: 'p', rca: 0, m: 0 },
      { country: 'B', product: 'q', rca: 2, m: 1 },
    ]);
  });

  it('rejects negative and non-finite values', () => {
    expect(() => rca([{ country: 'A', product: 'p', value: -1 }])).toThrow(RangeError);
    expect(() => rca([{ country: 'A', product: 'p', value: NaN }])).toThrow(RangeError);
  });
});

const sampleFile = sharedFile('complexity/trade_data_sample.csv');
const truthFile = sharedFile('complexity/stata_ground_truth.csv');
const sample = sampleFile ? readCsv(sampleFile) : [];
const truth = truthFile ? readCsv(truthFile) : [];
const years = [...new Set(sample.map((r) => r.year))].sort();

describe('computeComplexity against Stata ecomplexity (stata_ground_truth.csv)', () => {
  (sampleFile && truthFile ? it : it.skip)('the sample and the ground truth cover the same years', () => {
    expect(years).toEqual([...new Set(truth.map((r) => r.year))].sort());
  });

  for (const year of years) {
    it(`matches every (country, product) of ${year}`, () => {
      const result = computeComplexity(
        sample.filter((r) => r.year === year).map((r) => ({ country: r.origin, product: r.hs92, value: Number(r.export_val) })),
      );
      const countries = new Map(result.countries.map((c) => [c.country, c]));
      const products = new Map(result.products.map((p) => [p.product, p]));
      const cells = new Map(result.cells.map((x) => [`${x.country}|${x.product}`, x]));
      const expected = truth.filter((r) => r.year === year);
      expect(cells.size).toBe(expected.length);
      const rtol: Record<string, number> = { rca: 1e-5, eci: 1e-5, pci: 1e-5, density: 1e-4, coi: 1e-4, cog: 1e-4 };
      const failures: string[] = [];
      let popSdMatches = true;
      for (const row of expected) {
        const c = countries.get(row.origin)!;
        const p = products.get(row.hs92)!;
        const x = cells.get(`${row.origin}|${row.hs92}`)!;
        expect([x.m, c.diversity, p.ubiquity]).toEqual([Number(row.M), Number(row.diversity), Number(row.ubiquity)]);
        const ours: Record<string, number | null> = { rca: x.rca, eci: c.eci, pci: p.pci, density: x.density, coi: c.coi, cog: x.cog };
        for (const [column, value] of Object.entries(ours)) {
          if (value === null || !close(value, Number(row[column]), rtol[column]))
            failures.push(`${row.origin} ${row.hs92} ${column}: ${value} vs ${row[column]}`);
        }
        // The sd convention matters: a population sd over countries (numpy's default) is off by
        // sqrt(CP / (CP − 1)) and fails rtol 1e-5 (C = 10, P = 30: 1.7e-3).
        const cp = result.countries.length * result.products.length;
        popSdMatches &&= close(c.eci! * Math.sqrt(cp / (cp - 1)), Number(row.eci), 1e-5);
      }
      expect(failures).toEqual([]);
      expect(popSdMatches).toBe(false);
    });
  }
});

/** Deterministic synthetic exports: skewed values, some pairs missing. */
function synthetic(nc: number, np: number, seed: number): ExportValue[] {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const rows: ExportValue[] = [];
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) {
      if (rnd() < 0.25 && p !== c % np) continue;
      rows.push({
        country: `c${String(c).padStart(3, '0')}`,
        product: `p${String(p).padStart(4, '0')}`,
        value: rnd() ** 3 * 1e6 * (1 + c),
      });
    }
  }
  return rows;
}

describe('computeComplexity invariants (both eigen sides)', () => {
  it.each([
    ['countries ≤ products (solved on the country side)', 12, 40],
    ['countries > products (solved on the product side)', 40, 12],
  ])('%s', (_label, nc, np) => {
    const rows = synthetic(nc, np, 7 + nc);
    const r = computeComplexity(rows);
    const eci = r.countries.map((c) => c.eci!);
    const pci = r.products.map((p) => p.pci!);
    const m = r.cells.map((x) => x.m);
    // ECI z-scored with Stata's sd over the C × P cells; positively correlated with diversity.
    const mu = eci.reduce((a, b) => a + b, 0) / nc;
    const ss = eci.reduce((a, b) => a + (b - mu) ** 2, 0);
    expect(Math.abs(mu)).toBeLessThan(1e-12);
    expect(Math.sqrt((np * ss) / (nc * np - 1))).toBeCloseTo(1, 12);
    const div = r.countries.map((c) => c.diversity);
    const dm = div.reduce((a, b) => a + b, 0) / nc;
    expect(div.reduce((a, d, i) => a + (d - dm) * eci[i], 0)).toBeGreaterThan(0);
    // Stata's scale: kc = Σ_p M_cp kp / k_c, hence ECI_c is the mean PCI of c's products.
    for (let c = 0; c < nc; c++) {
      let s = 0;
      for (let p = 0; p < np; p++) s += m[c * np + p] * pci[p];
      expect(s / div[c]).toBeCloseTo(eci[c], 10);
    }
    // PCI is (an affine image of) the eigenvector of M̃_pp' = Σ_c M_cp M_cp' / (k_c k_p) with the second-largest
    // eigenvalue: M̃ PCI = λ PCI + const, and λ is λ₂ of the symmetrised matrix (built here independently).
    const ubi = r.products.map((q) => q.ubiquity);
    const mpp = zeros(np, np);
    for (let c = 0; c < nc; c++) {
      for (let p = 0; p < np; p++) for (let q = 0; q < np; q++) mpp.data[p * np + q] += (m[c * np + p] * m[c * np + q]) / (div[c] * ubi[p]);
    }
    const y = matVec(mpp, pci);
    const pm = pci.reduce((a, b) => a + b, 0) / np;
    const ym = y.reduce((a, b) => a + b, 0) / np;
    const lambda = pci.reduce((a, v, i) => a + (v - pm) * (y[i] - ym), 0) / pci.reduce((a, v) => a + (v - pm) ** 2, 0);
    pci.forEach((v, i) => expect(Math.abs(y[i] - ym - lambda * (v - pm))).toBeLessThan(1e-10));
    const sym = zeros(np, np);
    for (let p = 0; p < np; p++) for (let q = 0; q < np; q++) sym.data[p * np + q] = mpp.data[p * np + q] * Math.sqrt(ubi[p] / ubi[q]);
    expect(lambda).toBeCloseTo(symmetricEigen(sym).values[1], 10);
    // Same rows in any order give the same result.
    expect(computeComplexity([...rows].reverse())).toEqual(r);
  });

  it('returns null ECI/PCI when the eigenvector is undefined (one country)', () => {
    const r = computeComplexity([
      { country: 'A', product: 'p', value: 1 },
      { country: 'A', product: 'q', value: 2 },
    ]);
    expect(r.countries).toEqual([{ country: 'A', diversity: 2, eci: null, coi: null }]);
    expect(r.products.map((p) => p.pci)).toEqual([null, null]);
  });
});

describe('linear algebra', () => {
  let s = 3;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;

  it('Jacobi: residual and orthonormality ~1e-13 for a random symmetric 120 × 120 matrix', () => {
    const n = 120;
    const a = zeros(n, n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a.data[i * n + j] = a.data[j * n + i] = rnd();
    const { values, vectors } = symmetricEigen(a);
    for (let k = 0; k < n; k++) {
      const v = Float64Array.from({ length: n }, (_, i) => vectors.data[i * n + k]);
      const av = matVec(a, v);
      expect(Math.max(...av.map((x, i) => Math.abs(x - values[k] * v[i])))).toBeLessThan(1e-12);
      expect(v.reduce((t, x) => t + x * x, 0)).toBeCloseTo(1, 12);
      if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
    }
  });

  it('secondEigenpair of a reversible row-stochastic matrix agrees with deflated power iteration', () => {
    // M̃ = D⁻¹K with K = BBᵀ (symmetric, positive semi-definite, like the complexity matrices), d = row sums of K.
    const n = 30;
    const m = 45;
    const b = Float64Array.from({ length: n * m }, () => (rnd() + 0.5) ** 4);
    const k = zeros(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let l = 0; l < m; l++) k.data[i * n + j] += b[i * m + l] * b[j * m + l];
    const d = Float64Array.from({ length: n }, (_, i) => k.data.subarray(i * n, (i + 1) * n).reduce((a, v) => a + v, 0));
    const mt = zeros(n, n);
    for (let i = 0; i < n * n; i++) mt.data[i] = k.data[i] / d[Math.floor(i / n)];
    const pair = secondEigenpair(mt, d)!;
    // Power iteration, deflating the stationary direction (the left eigenvector of λ = 1 is π ∝ d: keep πᵀx = 0).
    let x: Float64Array = Float64Array.from({ length: n }, () => rnd());
    const dsum = d.reduce((a, v) => a + v, 0);
    for (let it = 0; it < 20000; it++) {
      x = matVec(mt, x);
      const proj = x.reduce((a, v, i) => a + v * d[i], 0) / dsum;
      const norm = Math.hypot(...x.map((v) => v - proj));
      x = x.map((v) => (v - proj) / norm);
    }
    const mx = matVec(mt, x);
    const lambda = mx.reduce((a, v, i) => a + v * x[i] * d[i], 0) / x.reduce((a, v, i) => a + v * v * d[i], 0);
    expect(pair.value).toBeCloseTo(lambda, 10);
    const unit = pair.vector.map((v) => v / Math.hypot(...pair.vector));
    const dot = unit.reduce((a, v, i) => a + v * x[i], 0);
    expect(Math.abs(dot)).toBeCloseTo(1, 8);
    const mv = matVec(mt, pair.vector);
    const scale = Math.max(...pair.vector.map(Math.abs));
    expect(Math.max(...mv.map((v, i) => Math.abs(v - pair.value * pair.vector[i])))).toBeLessThan(1e-12 * scale);
  });
});
