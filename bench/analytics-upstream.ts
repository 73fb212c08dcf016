/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers are walked by path here; each check asserts the values it reads against the SQL's */
/**
 * Upstream exposure (#12) in bench/analytics.ts: the busiest brand's U(b, o), every brand's at once (the batched
 * path), and the upstream loss of removing that brand's largest input origin — each next to hand-written SQL on
 * the base tables (sourcing_link, facility, product_type_input, trade_flow). The demo is of HS-6 codes alone, so
 * the twins need no roll-up ancestor test; its links carry no workers, so a facility's own figure is its weight.
 */
import { assertClose, type Case } from './analytics-case';
import type { BenchInputs } from './analytics-cases';
import type { Query } from './analytics-risk-case';

/** U(b, o) per (brand, origin) with the brand's uncovered share, by hand: $1 dataset, $2 year, $3 brand (null = every brand). */
const UPSTREAM_SQL = `
  with links as (
    select sl.brand_id, sl.facility_id, sl.product_type_id from sourcing_link sl
    where ($3::int is null or sl.brand_id = $3)
      and sl.disclosed_at = (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id)
  ),
  weights as (
    select distinct l.brand_id, f.id, f.country_id, (f.workers_min + f.workers_max) / 2.0 as w
    from links l join facility f on f.id = l.facility_id
  ),
  a as (
    select brand_id, country_id, sum(w) / sum(sum(w)) over (partition by brand_id) as a from weights where w > 0 group by 1, 2
  ),
  codes as (
    select distinct l.brand_id, f.country_id, i.product_code as code
    from links l join facility f on f.id = l.facility_id join product_type_input i on i.product_type_id = l.product_type_id
  ),
  outer_codes as (
    select * from codes c where not exists (
      select 1 from codes p where p.brand_id = c.brand_id and p.country_id = c.country_id and c.code like p.code || '_%')
  ),
  -- Each (importer, code) read once, whatever the number of brands sourcing there.
  imports as (
    select n.country_id, n.code, t.exporter_id as origin, sum(t.value_usd) as v
    from (select distinct country_id, code from outer_codes) n
    join trade_flow t on t.dataset_id = $1 and t.year = $2 and t.importer_id = n.country_id and left(t.product_code, length(n.code)) = n.code
    group by 1, 2, 3
  ),
  brand_imports as (
    select c.brand_id, c.country_id, i.origin, sum(i.v) as v
    from outer_codes c join imports i on i.country_id = c.country_id and i.code = c.code group by 1, 2, 3
  ),
  m as (select brand_id, country_id, origin, v / sum(v) over (partition by brand_id, country_id) as m from brand_imports where v > 0),
  uncovered as (
    select a.brand_id, coalesce(sum(a.a) filter (where c.country_id is null), 0) as uncovered
    from a left join (select distinct brand_id, country_id from m) c on c.brand_id = a.brand_id and c.country_id = a.country_id
    group by a.brand_id
  )
  select a.brand_id as brand, m.origin, sum(a.a * m.m)::float8 as u, max(x.uncovered)::float8 as uncovered
  from a join m on m.brand_id = a.brand_id and m.country_id = a.country_id join uncovered x on x.brand_id = a.brand_id
  group by a.brand_id, m.origin order by 1, 3 desc, 2`;

/** Checks one brand's API answer against its SQL rows. */
function checkBrand(label: string, api: any, rows: any[]): void {
  const upstream = new Map<string, number>(
    api.origins.filter((o: any) => o.upstreamShare > 0).map((o: any) => [o.originCode, o.upstreamShare]),
  );
  if (upstream.size !== rows.length)
    throw new Error(`${label}: the API lists ${upstream.size} origins, the hand-written SQL ${rows.length}`);
  for (const row of rows) assertClose(`${label} U(${row.origin})`, upstream.get(row.origin.trim()), Number(row.u));
  if (rows.length) assertClose(`${label} uncovered share`, api.uncoveredShare, Number(rows[0].uncovered));
}

const group = (rows: any[]) => {
  const byBrand = new Map<number, any[]>();
  for (const r of rows) byBrand.set(Number(r.brand), [...(byBrand.get(Number(r.brand)) ?? []), r]);
  return byBrand;
};

export const upstreamCases = async ({ dataset, year, brand }: BenchInputs, q: Query): Promise<Case[]> => {
  const own = await q(UPSTREAM_SQL, [dataset, year, brand]);
  const origin = own[0]?.origin?.trim() ?? 'CHN';
  const exposure = `upstreamExposure(year: $year, dataset: $dataset) { uncoveredShare origins(first: 300) { originCode upstreamShare } }`;
  const cases: Case[] = [
    {
      name: `U1. upstream exposure of brand ${brand}, ${year}`,
      api: {
        query: `query($id: ID!, $year: Int!, $dataset: ID) { brand(id: $id) { ${exposure} } }`,
        variables: { id: String(brand), year, dataset: String(dataset) },
      },
      sql: [{ text: UPSTREAM_SQL, values: [dataset, year, brand] }],
      check: (api, [rows]) => checkBrand(`brand ${brand}`, api.brand.upstreamExposure, rows),
    },
    {
      name: `U2. upstream exposure of every brand, ${year} (one batched statement)`,
      api: {
        query: `query($year: Int!, $dataset: ID) { brands(first: 50) { nodes { id ${exposure} } } }`,
        variables: { year, dataset: String(dataset) },
      },
      sql: [{ text: UPSTREAM_SQL, values: [dataset, year, null] }],
      check: (api, [rows]) => {
        const byBrand = group(rows);
        for (const node of api.brands.nodes) checkBrand(`brand ${node.id}`, node.upstreamExposure, byBrand.get(Number(node.id)) ?? []);
      },
    },
    {
      name: `U3. upstream loss of every brand when ${origin} is removed, ${year}`,
      api: {
        query: `query($origin: String!, $year: Int!, $dataset: ID) { disruptionScenario(remove: { countries: [$origin] }) {
            brands(includeUnaffected: true, first: 500) { nodes { brand { id } upstreamLoss(year: $year, dataset: $dataset) { upstreamLoss } } } } }`,
        variables: { origin, year, dataset: String(dataset) },
      },
      sql: [{ text: `select brand, u from (${UPSTREAM_SQL}) x where origin = $4`, values: [dataset, year, null, origin] }],
      check: (api, [rows]) => {
        const loss = new Map(rows.map((r: any) => [Number(r.brand), Number(r.u)]));
        for (const node of api.disruptionScenario.brands.nodes)
          assertClose(`upstream loss of brand ${node.brand.id}`, node.upstreamLoss.upstreamLoss, loss.get(Number(node.brand.id)) ?? 0);
      },
    },
  ];
  return cases;
};
