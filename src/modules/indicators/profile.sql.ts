import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { list, sql } from '../../database/sql';
import { codeTable, flowScope, type IndicatorScope } from './indicators.sql';

/* The parts of a country profile, each one statement for every country of the request (the profile loaders). */

/** A country's exports and imports in the year and the year before (USD; every flow counted once). */
export interface ProfileTotalsRow {
  countryId: string;
  exports: number;
  imports: number;
  exportsPrevious: number;
  importsPrevious: number;
}

export async function profileTotals(em: EntityManager, q: IndicatorScope & { countries: readonly string[] }): Promise<ProfileTotalsRow[]> {
  const before = { ...q, year: q.year - 1 };
  const total = (scope: IndicatorScope, side: 'exporter_id' | 'importer_id') =>
    side === 'exporter_id'
      ? sql`select f.exporter_id::text as c, sum(f.value_usd) as v from trade_flow f where ${flowScope(scope, 2)} and f.exporter_id in (${list(q.countries)}) group by 1`
      : sql`select f.importer_id::text as c, sum(f.value_usd) as v from trade_flow f where ${flowScope(scope, 2)} and f.importer_id in (${list(q.countries)}) group by 1`;
  return queryRows<ProfileTotalsRow>(
    em,
    sql`with x as (${total(q, 'exporter_id')}), m as (${total(q, 'importer_id')}),
      xp as (${total(before, 'exporter_id')}), mp as (${total(before, 'importer_id')})
    select c.code as "countryId", coalesce(x.v, 0)::float8 as exports, coalesce(m.v, 0)::float8 as imports,
           coalesce(xp.v, 0)::float8 as "exportsPrevious", coalesce(mp.v, 0)::float8 as "importsPrevious"
    from ${codeTable(q.countries)} c(code) left join x on x.c = c.code left join m on m.c = c.code
      left join xp on xp.c = c.code left join mp on mp.c = c.code`,
  );
}

/** One of a country's largest export partners or HS-6 products, with the HHI of all of them. */
export interface ProfileShareRow {
  countryId: string;
  kind: 'PARTNER' | 'PRODUCT';
  code: string;
  value: number;
  share: number;
  hhi: number;
}

/**
 * The `first` largest export destinations and HS-6 products of each country (by value, ties by code), with
 * their shares of its exports and the HHI Σ s² over every destination and every product.
 */
export async function profileShares(
  em: EntityManager,
  q: IndicatorScope & { countries: readonly string[]; first: number },
): Promise<ProfileShareRow[]> {
  const rows = await queryRows<ProfileShareRow>(
    em,
    sql`with p as (select f.exporter_id::text as c, f.importer_id::text as code, sum(f.value_usd) as v from trade_flow f
                   where ${flowScope(q, 2)} and f.exporter_id in (${list(q.countries)}) group by 1, 2 having sum(f.value_usd) > 0),
      k as (select f.exporter_id::text as c, left(f.product_code, 6) as code, sum(f.value_usd) as v from trade_flow f
            where ${flowScope(q, 6)} and f.exporter_id in (${list(q.countries)}) group by 1, 2 having sum(f.value_usd) > 0),
      shares as (
        select 'PARTNER' as kind, c, code, v, v / sum(v) over (partition by c) as share from p
        union all select 'PRODUCT', c, code, v, v / sum(v) over (partition by c) from k
      ),
      ranked as (
        select *, row_number() over (partition by kind, c order by v desc, code collate "C") as rn,
               sum(share * share) over (partition by kind, c) as hhi from shares
      )
    select c as "countryId", kind, code, v::float8 as value, share::float8 as share, hhi::float8 as hhi
    from ranked where rn <= ${q.first} order by c, kind, rn`,
  );
  return rows.map((r) => ({ ...r, countryId: r.countryId.trim(), code: r.code.trim() }));
}

/** Partner and HS-6 product counts of a country's trade above a threshold (METRICS.md). */
export interface ProfileCountsRow {
  countryId: string;
  exportPartners: number;
  importPartners: number;
  exportProducts: number;
  importProducts: number;
}

export async function profileCounts(
  em: EntityManager,
  q: IndicatorScope & { countries: readonly string[]; threshold: number },
): Promise<ProfileCountsRow[]> {
  const codes = list(q.countries);
  return queryRows<ProfileCountsRow>(
    em,
    sql`with ep as (select c, count(*)::int as n from (select f.exporter_id::text as c from trade_flow f where ${flowScope(q, 2)} and f.exporter_id in (${codes})
                      group by f.exporter_id, f.importer_id having sum(f.value_usd) > ${q.threshold}) s group by c),
      ip as (select c, count(*)::int as n from (select f.importer_id::text as c from trade_flow f where ${flowScope(q, 2)} and f.importer_id in (${codes})
             group by f.importer_id, f.exporter_id having sum(f.value_usd) > ${q.threshold}) s group by c),
      ek as (select c, count(*)::int as n from (select f.exporter_id::text as c from trade_flow f where ${flowScope(q, 6)} and length(f.product_code) = 6
             and f.exporter_id in (${codes}) group by f.exporter_id, f.product_code having sum(f.value_usd) > ${q.threshold}) s group by c),
      ik as (select c, count(*)::int as n from (select f.importer_id::text as c from trade_flow f where ${flowScope(q, 6)} and length(f.product_code) = 6
             and f.importer_id in (${codes}) group by f.importer_id, f.product_code having sum(f.value_usd) > ${q.threshold}) s group by c)
    select c.code as "countryId", coalesce(ep.n, 0) as "exportPartners", coalesce(ip.n, 0) as "importPartners",
           coalesce(ek.n, 0) as "exportProducts", coalesce(ik.n, 0) as "importProducts"
    from ${codeTable(q.countries)} c(code) left join ep on ep.c = c.code left join ip on ip.c = c.code
      left join ek on ek.c = c.code left join ik on ik.c = c.code`,
  );
}

/** How many HS-6 products a country imports, and how many of them are strategic dependencies in the year. */
export interface ProfileDependencyRow {
  countryId: string;
  productsImported: number;
  dependent: number;
}

/**
 * The GeoDep count of each country for the year alone, at the default thresholds of strategicDependencies (C1
 * import HHI > 0.4, C2 world-exporter HHI > 0.4, C3 imports / exports > 1, no exports → C3 holds): its
 * `dependentCount`, for every country of the request in one statement.
 */
export async function profileDependencies(
  em: EntityManager,
  q: IndicatorScope & { countries: readonly string[] },
): Promise<ProfileDependencyRow[]> {
  const codes = list(q.countries);
  return queryRows<ProfileDependencyRow>(
    em,
    sql`with six as (select f.exporter_id::text as e, f.importer_id::text as i, left(f.product_code, 6) as k, f.value_usd::float8 as v
                     from trade_flow f where ${flowScope(q, 6)}),
      src as (select i, k, e, sum(v) as w from six where i in (${codes}) group by 1, 2, 3 having sum(v) > 0),
      imp as (select i, k, sum(w) as imports, sum(w * w) / (sum(w) * sum(w)) as hhi from src group by 1, 2),
      wx as (select k, e, sum(v) as w from six where k in (select k from imp) group by 1, 2 having sum(v) > 0),
      wh as (select k, sum(w * w) / (sum(w) * sum(w)) as hhi from wx group by k),
      own as (select e, k, sum(v) as x from six where e in (${codes}) group by 1, 2)
    select c.code as "countryId", count(imp.k)::int as "productsImported",
           (count(*) filter (where imp.hhi > 0.4 and wh.hhi > 0.4 and (coalesce(own.x, 0) = 0 or imp.imports / own.x > 1)))::int as dependent
    from ${codeTable(q.countries)} c(code) left join imp on imp.i = c.code left join wh on wh.k = imp.k
      left join own on own.e = c.code and own.k = imp.k
    group by c.code`,
  );
}

/** The micro side of a country: the facilities located there and the brands that disclosed any of them. */
export interface ProfileSourcingRow {
  countryId: string;
  facilities: number;
  brands: number;
}

export async function profileSourcing(em: EntityManager, countries: readonly string[]): Promise<ProfileSourcingRow[]> {
  return queryRows<ProfileSourcingRow>(
    em,
    sql`select c.code as "countryId",
           (select count(*) from facility fa where fa.country_id = c.code)::int as facilities,
           (select count(distinct l.brand_id) from sourcing_link l join facility fa on fa.id = l.facility_id where fa.country_id = c.code)::int as brands
    from ${codeTable(countries)} c(code)`,
  );
}
