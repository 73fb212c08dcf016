/* eslint-disable @typescript-eslint/no-explicit-any -- the bench's queries return rows of any shape */
/**
 * The country indicators (#12, part "indicators") for bench/analytics.ts: trade intensity, complementarity,
 * export market penetration and a two-country profile, each next to a hand-written statement on trade_flow
 * (the demo's dataset holds HS-6 codes alone, so no roll-up is needed there).
 */
import { assertClose, type Case } from './analytics-case';
import type { BenchInputs } from './analytics-cases';
import type { Query } from './analytics-risk-case';

export async function indicatorCases({ dataset, year, importer, exporter }: BenchInputs, q: Query): Promise<Case[]> {
  // The exporter's two largest customers besides the importer: three partners in one statement.
  const customers = await q(
    `select importer_id as c from trade_flow where dataset_id = $1 and year = $2 and exporter_id = $3 and importer_id <> $4
     group by 1 order by sum(value_usd) desc, 1 limit 2`,
    [dataset, year, exporter, importer],
  );
  const partners = [importer, ...customers.map((r) => String(r.c).trim())];
  const ds = String(dataset);
  const cases: Case[] = [
    {
      name: `I1. trade intensity of ${exporter} with ${partners.join(', ')} in ${year}`,
      api: {
        query: `query($r: String!, $p: [String!]!, $y: Int!, $d: ID) { tradeIntensity(reporter: $r, partners: $p, year: $y, dataset: $d) { partner index } }`,
        variables: { r: exporter, p: partners, y: year, d: ds },
      },
      sql: [
        {
          text: `select p.code as partner,
                   (select sum(value_usd) from trade_flow where dataset_id = $1 and year = $2 and exporter_id = $3 and importer_id = p.code)
                   * (select sum(value_usd) from trade_flow where dataset_id = $1 and year = $2)
                   / ((select sum(value_usd) from trade_flow where dataset_id = $1 and year = $2 and exporter_id = $3)
                      * (select sum(value_usd) from trade_flow where dataset_id = $1 and year = $2 and importer_id = p.code)) as ti
                 from unnest($4::text[]) p(code) order by p.code collate "C"`,
          values: [dataset, year, exporter, partners],
        },
      ],
      check: (api, [sql]) =>
        sql.forEach((row, i) => assertClose(`TI with ${row.partner}`, api.tradeIntensity[i].index, Number(row.ti ?? 0))),
    },
    {
      name: `I2. complementarity of ${exporter}'s exports with ${importer}'s imports (HS 6, ${year})`,
      api: {
        query: `query($r: String!, $p: String!, $y: Int!, $d: ID) { complementarity(reporter: $r, partner: $p, year: $y, dataset: $d) { index } }`,
        variables: { r: exporter, p: importer, y: year, d: ds },
      },
      sql: [
        {
          // The definition itself: 100 · (1 − Σ_k |m_pk − x_ck| / 2) over the union of both sides' products.
          text: `with x as (select product_code as k, sum(value_usd) / sum(sum(value_usd)) over () as s from trade_flow
                        where dataset_id = $1 and year = $2 and exporter_id = $3 group by 1),
                 m as (select product_code as k, sum(value_usd) / sum(sum(value_usd)) over () as s from trade_flow
                        where dataset_id = $1 and year = $2 and importer_id = $4 group by 1)
            select 100 * (1 - sum(abs(coalesce(m.s, 0) - coalesce(x.s, 0))) / 2) as c from x full join m using (k)`,
          values: [dataset, year, exporter, importer],
        },
      ],
      check: (api, [sql]) => assertClose('C', api.complementarity[0].index, Number(sql[0].c)),
    },
    {
      name: `I3. export market penetration of ${exporter} (every HS-6 product, ${year})`,
      api: {
        query: `query($e: String!, $y: Int!, $d: ID) { exportMarketPenetration(exporter: $e, year: $y, dataset: $d, first: 10) { productCount mean } }`,
        variables: { e: exporter, y: year, d: ds },
      },
      sql: [
        {
          text: `with pairs as (select product_code, importer_id, sum(value_usd) filter (where exporter_id = $3) as own, sum(value_usd) as v
                   from trade_flow where dataset_id = $1 and year = $2 group by 1, 2),
                 per as (select product_code, count(*) filter (where own > 0) as d, count(*) filter (where v > 0) as n from pairs group by 1)
            select count(*) as products, avg(d::float8 / n) as mean from per where d > 0`,
          values: [dataset, year, exporter],
        },
      ],
      check: (api, [sql]) => {
        assertClose('products', api.exportMarketPenetration.productCount, Number(sql[0].products));
        assertClose('mean', api.exportMarketPenetration.mean, Number(sql[0].mean));
      },
    },
    {
      name: `I4. country profile of ${exporter} and ${importer} (trade, export HHIs, counts; ${year})`,
      api: {
        query: `query($c: [String!]!, $y: Int!, $d: ID) { countryProfile(countries: $c, year: $y, dataset: $d) {
            country { id } trade { exports imports } exportStructure(first: 1) { partnerHhi productHhi } counts { exportPartners exportProducts } } }`,
        variables: { c: [exporter, importer], y: year, d: ds },
      },
      sql: [
        {
          text: `with x as (select exporter_id::text as c, importer_id as p, product_code as k, value_usd as v from trade_flow
                        where dataset_id = $1 and year = $2 and exporter_id = any($3::text[])),
                 bp as (select c, p, sum(v) as v from x group by 1, 2), bk as (select c, k, sum(v) as v from x group by 1, 2)
            select c.code as c,
                   (select sum(v) from x where x.c = c.code) as exports,
                   (select sum(value_usd) from trade_flow where dataset_id = $1 and year = $2 and importer_id = c.code) as imports,
                   (select sum(v * v) / (sum(v) * sum(v)) from bp where bp.c = c.code) as partner_hhi,
                   (select sum(v * v) / (sum(v) * sum(v)) from bk where bk.c = c.code) as product_hhi,
                   (select count(*) from bp where bp.c = c.code and v > 0) as partners,
                   (select count(*) from bk where bk.c = c.code and v > 0) as products
            from unnest($3::text[]) c(code)`,
          values: [dataset, year, [exporter, importer]],
        },
      ],
      check: (api, [sql]) =>
        sql.forEach((row) => {
          const p = api.countryProfile.find((x: any) => x.country.id === row.c);
          assertClose(`${row.c} exports`, p.trade.exports, Number(row.exports));
          assertClose(`${row.c} imports`, p.trade.imports, Number(row.imports ?? 0));
          assertClose(`${row.c} partner HHI`, p.exportStructure.partnerHhi, Number(row.partner_hhi));
          assertClose(`${row.c} product HHI`, p.exportStructure.productHhi, Number(row.product_hhi));
          assertClose(`${row.c} partners`, p.counts.exportPartners, Number(row.partners));
          assertClose(`${row.c} products`, p.counts.exportProducts, Number(row.products));
        }),
    },
  ];
  return cases;
}
