/**
 * Reference implementations of the WITS country indicators (METRICS.md "Country indicators"): trade
 * intensity, export–import complementarity, export market penetration and partner and product counts,
 * from plain bilateral flows. The SQL of src/modules/indicators is tested against them. The world is the
 * flows given: every total is a sum over them.
 */

/** One bilateral flow: `exporter` sold `value` (USD) of HS code `product` to `importer`. */
export interface BilateralFlow {
  exporter: string;
  importer: string;
  product: string;
  value: number;
}

/** TI(c, p) = (X_cp / X_c) / (X_wp / X_w) with its four parts; `index` null when X_c or X_wp is 0. */
export interface TradeIntensity {
  xcp: number;
  xc: number;
  xwp: number;
  xw: number;
  index: number | null;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** Trade intensity of `c`'s exports to `p` over the flows. */
export function tradeIntensity(flows: readonly BilateralFlow[], c: string, p: string): TradeIntensity {
  const xw = sum(flows.map((f) => f.value));
  const xc = sum(flows.filter((f) => f.exporter === c).map((f) => f.value));
  const xwp = sum(flows.filter((f) => f.importer === p).map((f) => f.value));
  const xcp = sum(flows.filter((f) => f.exporter === c && f.importer === p).map((f) => f.value));
  return { xcp, xc, xwp, xw, index: xc > 0 && xwp > 0 ? xcp / xc / (xwp / xw) : null };
}

/** The shares of each product (its first `level` digits) in the flows' total; empty when the total is not > 0. */
function productShares(flows: readonly BilateralFlow[], level: number): Map<string, number> {
  const byProduct = new Map<string, number>();
  for (const f of flows) {
    if (f.product.length < level) continue;
    const k = f.product.slice(0, level);
    byProduct.set(k, (byProduct.get(k) ?? 0) + f.value);
  }
  const total = sum(byProduct.values());
  if (!(total > 0)) return new Map();
  return new Map([...byProduct].map(([k, v]) => [k, v / total]));
}

/**
 * C(c, p) = 100 · (1 − Σ_k |m_pk − x_ck| / 2), x_ck the share of k in c's exports, m_pk in p's imports, at HS
 * `level` (codes shorter than the level are left out). Null when c exports nothing or p imports nothing.
 */
export function complementarity(flows: readonly BilateralFlow[], c: string, p: string, level = 6): number | null {
  const x = productShares(
    flows.filter((f) => f.exporter === c),
    level,
  );
  const m = productShares(
    flows.filter((f) => f.importer === p),
    level,
  );
  if (x.size === 0 || m.size === 0) return null;
  let distance = 0;
  for (const k of new Set([...x.keys(), ...m.keys()])) distance += Math.abs((m.get(k) ?? 0) - (x.get(k) ?? 0));
  return 100 * (1 - distance / 2);
}

/** Penetration of one HS-6 product: c's destinations / every importer of it. */
export interface ProductPenetration {
  product: string;
  destinations: number;
  importers: number;
  penetration: number;
}

/** Pairs (key, counterpart) whose summed value is > 0, counted per key. */
function countPositive(flows: readonly BilateralFlow[], key: (f: BilateralFlow) => string, other: (f: BilateralFlow) => string) {
  const values = new Map<string, Map<string, number>>();
  for (const f of flows) {
    const row = values.get(key(f)) ?? new Map<string, number>();
    row.set(other(f), (row.get(other(f)) ?? 0) + f.value);
    values.set(key(f), row);
  }
  return new Map([...values].map(([k, row]) => [k, [...row.values()].filter((v) => v > 0).length]));
}

/**
 * Export market penetration of `c` (METRICS.md): for every HS-6 product c exports (value > 0), the number of
 * countries it exports it to over the number of countries importing it (from anyone, value > 0), ordered by
 * product code; `mean` the mean over those products, null when c exports nothing.
 */
export function exportMarketPenetration(
  flows: readonly BilateralFlow[],
  c: string,
): { products: ProductPenetration[]; mean: number | null } {
  const six = flows.filter((f) => f.product.length === 6);
  const destinations = countPositive(
    six.filter((f) => f.exporter === c),
    (f) => f.product,
    (f) => f.importer,
  );
  const importers = countPositive(
    six,
    (f) => f.product,
    (f) => f.importer,
  );
  const products = [...destinations]
    .filter(([, n]) => n > 0)
    .map(([product, n]) => ({ product, destinations: n, importers: importers.get(product)!, penetration: n / importers.get(product)! }))
    .sort((a, b) => (a.product < b.product ? -1 : 1));
  return { products, mean: products.length ? sum(products.map((p) => p.penetration)) / products.length : null };
}

/** Partners and HS-6 products of a country's trade whose value is above a threshold. */
export interface TradeCounts {
  exportPartners: number;
  importPartners: number;
  exportProducts: number;
  importProducts: number;
}

/**
 * Partner and product counts of `c` (METRICS.md): partners whose trade with c (summed over products) is above
 * `threshold`, and HS-6 products whose trade (summed over partners) is, for exports and imports apart.
 */
export function tradeCounts(flows: readonly BilateralFlow[], c: string, threshold = 0): TradeCounts {
  const above = (values: Map<string, number>) => [...values.values()].filter((v) => v > threshold).length;
  const totals = (rows: readonly BilateralFlow[], key: (f: BilateralFlow) => string) => {
    const byKey = new Map<string, number>();
    for (const f of rows) byKey.set(key(f), (byKey.get(key(f)) ?? 0) + f.value);
    return byKey;
  };
  const exports = flows.filter((f) => f.exporter === c);
  const imports = flows.filter((f) => f.importer === c);
  const six = (rows: BilateralFlow[]) => rows.filter((f) => f.product.length === 6);
  return {
    exportPartners: above(totals(exports, (f) => f.importer)),
    importPartners: above(totals(imports, (f) => f.exporter)),
    exportProducts: above(totals(six(exports), (f) => f.product)),
    importProducts: above(totals(six(imports), (f) => f.product)),
  };
}

/** Growth of `value` over `previous`: value / previous − 1; null when there is no previous value > 0. */
export function growth(value: number, previous: number): number | null {
  return previous > 0 ? value / previous - 1 : null;
}
