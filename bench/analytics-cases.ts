/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers are walked by path here; each check asserts the values it reads against the SQL's */
/**
 * The questions of bench/analytics.ts: each asked through GraphQL, next to the hand-written SQL on the base
 * tables (trade_flow, sourcing_link, facility) that gives the same answer, and a check that both agree.
 */
import { assertClose, type Case } from './analytics-case';
import { geoDepCase } from './analytics-geodep';

/** What the questions are about, picked from the data (the busiest importer, product, exporter, brand). */
export interface BenchInputs {
  dataset: number;
  year: number;
  firstYear: number;
  importer: string;
  product: string;
  exporter: string;
  brand: number;
  /** HS-6 products with flows. */
  hs6: number;
}

type Query = (text: string, values?: unknown[]) => Promise<any[]>;

export async function benchInputs(q: Query): Promise<BenchInputs> {
  const [{ dataset }] = await q('select id as dataset from dataset where kind = $1', ['SYNTHETIC']);
  const [{ year, first_year: firstYear }] = await q(
    'select max(year) as year, min(year) as first_year from trade_flow where dataset_id = $1',
    [dataset],
  );
  const [{ importer }] = await q(
    'select importer_id as importer from trade_flow where dataset_id = $1 and year = $2 group by 1 order by count(*) desc limit 1',
    [dataset, year],
  );
  const [{ product }] = await q(
    'select product_code as product from trade_flow where dataset_id = $1 group by 1 order by count(*) desc limit 1',
    [dataset],
  );
  const [{ exporter }] = await q(
    'select exporter_id as exporter from trade_flow where dataset_id = $1 and year = $2 group by 1 order by sum(value_usd) desc limit 1',
    [dataset, year],
  );
  const [{ brand }] = await q('select brand_id as brand from sourcing_link group by 1 order by count(*) desc, 1 limit 1');
  const [{ n: hs6 }] = await q(
    'select count(*)::int as n from product where level = 6 and code in (select distinct product_code from trade_flow where dataset_id = $1)',
    [dataset],
  );
  return { dataset, year, firstYear, importer: importer.trim(), product, exporter: exporter.trim(), brand, hs6 };
}

/** The questions with their SQL twins. */
export function analyticsCases({ dataset, year, firstYear, importer, product, exporter, brand }: BenchInputs): Case[] {
  // HHI per market from (market, participant, w) rows: the floor each question is compared with.
  const hhiSql = (weights: string) => `select market, sum(s * s) as hhi, count(*) as n from (
      select market, w / sum(w) over (partition by market) as s from (
        select market, participant, sum(w) as w from (${weights}) x group by 1, 2 having sum(w) > 0) p) y
    group by market order by market`;
  return [
    {
      name: `1. ${importer}'s import concentration, every HS-6 product of ${year}`,
      api: {
        query: `query($importer: String!, $year: Int!, $dataset: ID) { products(first: 500, filter: { level: 6 }) { nodes { code
            importConcentration(importer: $importer, year: $year, dataset: $dataset, top: 3) { participants hhi cr1 band top { participantId share } } } } }`,
        variables: { importer: importer, year, dataset: String(dataset) },
      },
      sql: [
        {
          text: hhiSql(`select product_code as market, exporter_id as participant, value_usd::float8 as w from trade_flow
            where dataset_id = $1 and year = $2 and importer_id = $3`),
          values: [dataset, year, importer],
        },
      ],
      check: (api, [sql]) => {
        const byCode = new Map(api.products.nodes.map((n: any) => [n.code, n.importConcentration]));
        for (const row of sql) assertClose(`HHI of ${row.market}`, (byCode.get(row.market) as any)?.hhi, Number(row.hhi));
      },
    },
    {
      name: `2. world export concentration of ${product}, every year (${firstYear}–${year})`,
      api: {
        query: `query($product: String!, $from: Int!, $to: Int!, $dataset: ID) { concentrationTrend(market: WORLD_EXPORTERS, product: $product, fromYear: $from, toYear: $to, dataset: $dataset) {
            points { year value concentration { participants hhi cr1 band } } } }`,
        variables: { product, from: firstYear, to: year, dataset: String(dataset) },
      },
      sql: [
        {
          text: hhiSql(`select year as market, exporter_id as participant, value_usd::float8 as w from trade_flow
            where dataset_id = $1 and product_code = $2`),
          values: [dataset, product],
        },
      ],
      check: (api, [sql]) => {
        const byYear = new Map(api.concentrationTrend.points.map((p: any) => [p.year, p.concentration]));
        for (const row of sql) assertClose(`HHI of ${row.market}`, (byYear.get(Number(row.market)) as any)?.hhi, Number(row.hhi));
      },
    },
    {
      name: `3. brand ${brand}'s supplier concentration by country (capacity), at its latest disclosure`,
      api: {
        query: `query($id: ID!) { brand(id: $id) { supplierConcentration(by: COUNTRY) { asOf participants hhi cr1 band unknownCapacity top { participantId share } } } }`,
        variables: { id: String(brand) },
      },
      sql: [
        {
          text: hhiSql(`select 1 as market, f.country_id as participant,
              ((coalesce(l.workers_min, f.workers_min) + coalesce(l.workers_max, f.workers_max)) / 2.0)::float8 as w
            from (select facility_id, min(workers_min) as workers_min, max(workers_max) as workers_max from sourcing_link
                  where brand_id = $1 and disclosed_at = (select max(disclosed_at) from sourcing_link where brand_id = $1) group by 1) l
            join facility f on f.id = l.facility_id`),
          values: [brand],
        },
      ],
      check: (api, [sql]) => assertClose('HHI', api.brand.supplierConcentration.hhi, Number(sql[0].hhi)),
    },
    {
      name: `4. disruption: remove ${exporter} (brands at their latest disclosure; importer × HS-6 markets of ${year})`,
      api: {
        query: `query($remove: [String!]!, $year: Int!, $dataset: ID) { disruptionScenario(remove: { countries: $remove }) {
            brands(first: 20) { totalCount nodes { brand { id } capacityLostShare remaining { hhi } } }
            importMarkets(year: $year, dataset: $dataset, first: 20) { totalCount nodes { importerCode productCode supplyLostShare remaining { hhi } } } } }`,
        variables: { remove: [exporter], year, dataset: String(dataset) },
      },
      sql: [
        {
          text: `with m as (select importer_id, product_code, exporter_id, sum(value_usd)::float8 as w from trade_flow
                           where dataset_id = $1 and year = $2 group by 1, 2, 3 having sum(value_usd) > 0),
              t as (select importer_id, product_code, sum(w) as total, coalesce(sum(w) filter (where exporter_id = $3), 0) as lost from m group by 1, 2),
              page as (select *, lost / total as share from t where lost > 0
                       order by lost / total desc, lost desc, importer_id collate "C", product_code collate "C" limit 20)
            select p.importer_id, p.product_code, p.share,
                   (select sum(w * w) / (sum(w) * sum(w)) from m where m.importer_id = p.importer_id and m.product_code = p.product_code and m.exporter_id <> $3) as hhi
            from page p order by p.share desc, p.lost desc, p.importer_id collate "C", p.product_code collate "C"`,
          values: [dataset, year, exporter],
        },
        {
          text: `with l as (
                select sl.brand_id, f.country_id,
                       (coalesce(min(sl.workers_min), min(f.workers_min)) + coalesce(max(sl.workers_max), max(f.workers_max))) / 2.0 as w
                from sourcing_link sl join facility f on f.id = sl.facility_id
                where sl.disclosed_at = (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id)
                group by sl.brand_id, sl.facility_id, f.country_id),
              b as (select brand_id, sum(w) filter (where country_id = $1) / sum(w) as lost from l where w is not null group by 1),
              r as (select brand_id, country_id, sum(w) as w from l where w is not null and country_id <> $1 group by 1, 2),
              h as (select brand_id, sum(w * w) / (sum(w) * sum(w)) as hhi from r group by 1)
            select b.brand_id, b.lost, h.hhi from b left join h using (brand_id) where b.lost > 0 order by b.lost desc, b.brand_id limit 20`,
          values: [exporter],
        },
      ],
      check: (api, [markets, brands]) => {
        const scenario = api.disruptionScenario;
        markets.forEach((row, i) => {
          assertClose(`supply lost of market ${i + 1}`, scenario.importMarkets.nodes[i]?.supplyLostShare, Number(row.share));
          if (row.hhi !== null)
            assertClose(`remaining HHI of market ${i + 1}`, scenario.importMarkets.nodes[i]?.remaining.hhi, Number(row.hhi));
        });
        brands.forEach((row, i) => {
          assertClose(`capacity lost of brand ${i + 1}`, scenario.brands.nodes[i]?.capacityLostShare, Number(row.lost));
          assertClose(`remaining HHI of brand ${i + 1}`, scenario.brands.nodes[i]?.remaining.hhi, Number(row.hhi));
        });
      },
    },
    geoDepCase({ dataset, year }),
  ];
}
