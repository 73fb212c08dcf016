import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { int, join, sql, type Sql } from '../../database/sql';
import { hsPrefix, hsRollup } from '../trade-flow/hs-rollup.sql';

/** The flows an indicator reads: one dataset's bilateral flows of one year. */
export interface IndicatorScope {
  datasetId: number;
  /** The dataset mixes HS levels (the roll-up's ancestor test is on). */
  mixed: boolean;
  year: number;
}

/** `(values ('AFG'), ('ZAF')) alias(code)`: a list of checked country codes as a table. */
export function codeTable(codes: readonly string[]): Sql {
  return sql`(values ${join(codes.map((c) => sql`(${c}::text)`))})`;
}

/**
 * Condition on trade_flow `f`: the dataset and year, codes under `prefix`, each flow counted once at HS
 * `level` (the roll-up of METRICS.md: a code is never added to its own sub-codes). At level 2 with no
 * prefix this is every flow of the year counted once: the totals X_c, X_wp, X_w.
 */
export function flowScope(q: IndicatorScope, level: number, prefix = ''): Sql {
  return sql`f.dataset_id = ${q.datasetId} and f.year = ${q.year} and ${hsPrefix(sql`f.product_code`, prefix)} and ${hsRollup(level, q.mixed)}`;
}

/** One (reporter, partner) pair's trade intensity and its four parts (USD). */
export interface TradeIntensityRow {
  reporter: string;
  partner: string;
  xcp: number;
  xc: number;
  xwp: number;
  xw: number;
  /** (X_cp / X_c) / (X_wp / X_w); null when X_c or X_wp is 0. */
  index: number | null;
}

/**
 * TI(c, p) = (X_cp / X_c) / (X_wp / X_w) of every (reporter, partner) pair asked, in one statement over the year's
 * flows (under `prefix` when given). X_w is every flow of the dataset's year: the world is what the dataset holds.
 */
export async function tradeIntensityRows(
  em: EntityManager,
  q: IndicatorScope & { reporters: readonly string[]; partners: readonly string[]; prefix: string },
): Promise<TradeIntensityRow[]> {
  const level = Math.max(2, q.prefix.length);
  return queryRows<TradeIntensityRow>(
    em,
    sql`with f as (select f.exporter_id::text as e, f.importer_id::text as i, f.value_usd as v from trade_flow f where ${flowScope(q, level, q.prefix)}),
      r(code) as ${codeTable(q.reporters)}, p(code) as ${codeTable(q.partners)},
      w as (select coalesce(sum(v), 0) as xw from f),
      c as (select e, sum(v) as xc from f where e in (select code from r) group by e),
      q as (select i, sum(v) as xwp from f where i in (select code from p) group by i),
      cp as (select e, i, sum(v) as xcp from f where e in (select code from r) and i in (select code from p) group by e, i)
    select r.code as reporter, p.code as partner, coalesce(cp.xcp, 0)::float8 as xcp, coalesce(c.xc, 0)::float8 as xc,
           coalesce(q.xwp, 0)::float8 as xwp, w.xw::float8 as xw,
           case when c.xc > 0 and q.xwp > 0 then (coalesce(cp.xcp, 0) * w.xw / (c.xc * q.xwp))::float8 end as index
    from r cross join p cross join w left join c on c.e = r.code left join q on q.i = p.code left join cp on cp.e = r.code and cp.i = p.code
    order by r.code collate "C", p.code collate "C"`,
  );
}

/** One (reporter, partner) pair's complementarity, with the totals its shares come from. */
export interface ComplementarityRow {
  reporter: string;
  partner: string;
  /** 100 · (1 − Σ_k |m_pk − x_ck| / 2); null when the reporter exports nothing or the partner imports nothing. */
  index: number | null;
  exports: number;
  imports: number;
  exportProducts: number;
  importProducts: number;
}

/**
 * C(c, p) of every pair asked at HS `level`, in one statement. With x_c and m_p each summing to 1,
 * Σ_k |m_pk − x_ck| = 2 − 2 Σ_k min(m_pk, x_ck), so C = 100 · Σ_k min(m_pk, x_ck): only the products both have
 * are joined (the reference function, src/modules/metrics/indicators.ts, sums the definition).
 */
export async function complementarityRows(
  em: EntityManager,
  q: IndicatorScope & { reporters: readonly string[]; partners: readonly string[]; level: number },
): Promise<ComplementarityRow[]> {
  const n = int(q.level, { min: 2, max: 6 });
  return queryRows<ComplementarityRow>(
    em,
    sql`with f as (select f.exporter_id::text as e, f.importer_id::text as i, left(f.product_code, ${n}) as k, f.value_usd as v
                   from trade_flow f where ${flowScope(q, q.level)}),
      r(code) as ${codeTable(q.reporters)}, p(code) as ${codeTable(q.partners)},
      x as (select e, k, sum(v) as v from f where e in (select code from r) group by e, k having sum(v) > 0),
      m as (select i, k, sum(v) as v from f where i in (select code from p) group by i, k having sum(v) > 0),
      xt as (select e, sum(v) as total, count(*)::int as products from x group by e),
      mt as (select i, sum(v) as total, count(*)::int as products from m group by i),
      overlap as (
        select x.e, m.i, sum(least(x.v / xt.total, m.v / mt.total)) as o
        from x join xt using (e) join m on m.k = x.k join mt using (i) group by x.e, m.i
      )
    select r.code as reporter, p.code as partner,
           case when xt.total > 0 and mt.total > 0 then (100 * coalesce(o.o, 0))::float8 end as index,
           coalesce(xt.total, 0)::float8 as exports, coalesce(mt.total, 0)::float8 as imports,
           coalesce(xt.products, 0) as "exportProducts", coalesce(mt.products, 0) as "importProducts"
    from r cross join p left join xt on xt.e = r.code left join mt on mt.i = p.code left join overlap o on o.e = r.code and o.i = p.code
    order by r.code collate "C", p.code collate "C"`,
  );
}

/** One HS-6 product's penetration by the exporter. */
export interface PenetrationRow {
  productCode: string;
  destinations: number;
  importers: number;
  penetration: number;
}

/** Penetration of an exporter's products: the `first` highest, and the mean over all of them. */
export interface PenetrationRows {
  /** The exporter's HS-6 products with exports (under the prefix). */
  productCount: number;
  mean: number | null;
  rows: PenetrationRow[];
}

/**
 * Export market penetration of one exporter (METRICS.md), in one statement: for each HS-6 product it exports
 * (under `prefix`), its destinations with a value > 0 over every country importing the product with a value > 0
 * (from any exporter of the dataset); the mean over every such product, and the `first` by penetration. One pass
 * over the (product, importer) pairs counts both.
 */
export async function penetrationRows(
  em: EntityManager,
  q: IndicatorScope & { exporter: string; prefix: string; first: number },
): Promise<PenetrationRows> {
  const rows = await queryRows<{ productCount: number; mean: number | null } & (PenetrationRow | { productCode: null })>(
    em,
    sql`with f as (select f.exporter_id::text as e, f.importer_id::text as i, f.product_code as k, f.value_usd as v
                   from trade_flow f where ${flowScope(q, 6, q.prefix)} and length(f.product_code) = 6),
      pairs as (select k, i, sum(v) filter (where e = ${q.exporter}) as own, sum(v) as v from f group by k, i),
      per as (select k, count(*) filter (where own > 0)::int as destinations, count(*) filter (where v > 0)::int as importers from pairs group by k),
      products as (select k as product, destinations, importers, destinations::float8 / importers as penetration from per where destinations > 0)
    select s.*, t.* from (select count(*)::int as "productCount", avg(penetration)::float8 as mean from products) s
      left join lateral (select product as "productCode", destinations, importers, penetration from products
                         order by penetration desc, product collate "C" limit ${q.first}) t on true
    order by t.penetration desc, t."productCode" collate "C"`,
  );
  return {
    productCount: rows[0].productCount,
    mean: rows[0].mean,
    rows: rows
      .filter((r): r is { productCount: number; mean: number | null } & PenetrationRow => r.productCode !== null)
      .map((r) => ({
        productCode: r.productCode.trim(),
        destinations: r.destinations,
        importers: r.importers,
        penetration: r.penetration,
      })),
  };
}
