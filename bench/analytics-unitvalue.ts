/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers are walked by path here; each check asserts the values it reads against the SQL's */
/**
 * Unit values (#12) for bench/analytics.ts: unitValues of the exporters with most quantities in the product with
 * most quantities, that product's chapter ranked by RUV, and the busiest brand's quality signals — each next
 * to a hand-written SQL statement on trade_flow (and sourcing_link, facility, product_type_hs) that gives the
 * same figures.
 */
import { assertClose, type Case } from './analytics-case';
import type { Query, RiskCases } from './analytics-risk-case';

/** UV, world UV and RUV of (exporter, product, year) cells from flows `f` (q only where > 0). */
const uvSql = (flows: string, exporters: string) => `with f as (${flows}),
    w as (select p, year, sum(value_usd) filter (where quantity_tons > 0) / sum(quantity_tons) filter (where quantity_tons > 0) as uv from f group by 1, 2),
    e as (select p, exporter_id, year, sum(value_usd) filter (where quantity_tons > 0) / sum(quantity_tons) filter (where quantity_tons > 0) as uv,
                 coalesce(sum(value_usd) filter (where quantity_tons > 0), 0) / sum(value_usd) as coverage
          from f where ${exporters} group by 1, 2, 3)
  select e.p, trim(e.exporter_id) as exporter, e.year, e.uv::float8 as uv, w.uv::float8 as world, (e.uv / w.uv)::float8 as ruv, e.coverage::float8 as coverage
  from e join w using (p, year)`;

export const unitValueCases: RiskCases = async ({ dataset, year, firstYear, brand }, q: Query): Promise<Case[]> => {
  const [{ product }] = await q(
    'select product_code as product from trade_flow where dataset_id = $1 and quantity_tons > 0 group by 1 order by count(*) desc, 1 limit 1',
    [dataset],
  );
  const exporters: string[] = (
    await q(
      'select trim(exporter_id) as e from trade_flow where dataset_id = $1 and product_code = $2 and quantity_tons > 0 group by 1 order by count(*) desc, 1 limit 5',
      [dataset, product],
    )
  ).map((r) => r.e);
  const chapter = product.slice(0, 2);
  return [
    {
      name: `UV1. unit values of ${exporters.join(', ')} in ${product}, ${firstYear}–${year}`,
      api: {
        query: `query($exporters: [String!], $product: String!, $from: Int!, $to: Int!, $dataset: ID) {
          unitValues(exporters: $exporters, product: $product, fromYear: $from, toYear: $to, dataset: $dataset) { rows { exporter { id } year uv worldUv ruv coverage } } }`,
        variables: { exporters, product, from: firstYear, to: year, dataset: String(dataset) },
      },
      sql: [
        {
          text: uvSql(
            'select product_code as p, exporter_id, year, value_usd, quantity_tons from trade_flow where dataset_id = $1 and product_code = $2',
            'exporter_id = any($3)',
          ),
          values: [dataset, product, exporters],
        },
      ],
      check: (api, [sql]) => {
        const rows = new Map(api.unitValues.rows.map((r: any) => [`${r.exporter.id}|${r.year}`, r]));
        for (const row of sql) {
          const ours: any = rows.get(`${row.exporter}|${row.year}`);
          if (row.uv === null) continue;
          assertClose(`UV of ${row.exporter} ${row.year}`, ours?.uv, row.uv);
          assertClose(`RUV of ${row.exporter} ${row.year}`, ours?.ruv, row.ruv);
          assertClose(`coverage of ${row.exporter} ${row.year}`, ours?.coverage, row.coverage);
        }
      },
    },
    {
      name: `UV2. exporters of chapter ${chapter} ranked by RUV, ${year}`,
      api: {
        query: `query($code: String!, $year: Int!, $dataset: ID) { product(code: $code) { unitValueRanking(year: $year, dataset: $dataset, first: 300) { nodes { rank exporter { id } ruv } } } }`,
        variables: { code: chapter, year, dataset: String(dataset) },
      },
      sql: [
        {
          text: `${uvSql(
            'select left(product_code, 2) as p, exporter_id, year, value_usd, quantity_tons from trade_flow where dataset_id = $1 and year = $2 and product_code like $3',
            'true',
          )} where e.uv is not null order by ruv desc, exporter`,
          values: [dataset, year, `${chapter}%`],
        },
      ],
      check: (api, [sql]) => {
        const nodes = api.product.unitValueRanking.nodes;
        if (nodes.length !== sql.length) throw new Error(`ranking: the API ranks ${nodes.length} exporters, the SQL ${sql.length}`);
        sql.forEach((row, i) => assertClose(`RUV of rank ${i + 1}`, nodes[i].ruv, row.ruv));
      },
    },
    {
      name: `UV3. brand ${brand}'s quality signals, ${year} against ${year - 1}`,
      api: {
        query: `query($id: ID!, $year: Int!, $dataset: ID) { brand(id: $id) { qualitySignals(year: $year, dataset: $dataset) { summary { productCode weightedRuv coveredShare } } } }`,
        variables: { id: String(brand), year, dataset: String(dataset) },
      },
      sql: [
        {
          text: `with l as (
                select f.country_id, (coalesce(min(sl.workers_min), min(f.workers_min)) + coalesce(max(sl.workers_max), max(f.workers_max))) / 2.0 as w
                from sourcing_link sl join facility f on f.id = sl.facility_id
                where sl.brand_id = $1 and sl.disclosed_at = (select max(disclosed_at) from sourcing_link where brand_id = $1)
                group by sl.facility_id, f.country_id),
              a as (select country_id, sum(w) / (select sum(w) from l where w is not null) as share from l where w is not null group by 1),
              k as (select distinct m.product_code from sourcing_link sl join product_type_hs m on m.product_type_id = sl.product_type_id
                    where sl.brand_id = $1 and sl.disclosed_at = (select max(disclosed_at) from sourcing_link where brand_id = $1)),
              f as (select k.product_code as p, t.exporter_id, t.year, t.value_usd, t.quantity_tons from k
                    join trade_flow t on t.dataset_id = $2 and t.year = $3 and left(t.product_code, length(k.product_code)) = k.product_code),
              w as (select p, sum(value_usd) filter (where quantity_tons > 0) / sum(quantity_tons) filter (where quantity_tons > 0) as uv from f group by 1),
              e as (select p, exporter_id, sum(value_usd) filter (where quantity_tons > 0) / sum(quantity_tons) filter (where quantity_tons > 0) as uv from f group by 1, 2),
              r as (select e.p, a.share, e.uv / w.uv as ruv from e join w using (p) join a on a.country_id = e.exporter_id where e.uv is not null)
            select p, (sum(share * ruv) / sum(share))::float8 as weighted, sum(share)::float8 as covered from r group by p order by p`,
          values: [brand, dataset, year],
        },
      ],
      check: (api, [sql]) => {
        const byCode = new Map(api.brand.qualitySignals.summary.map((s: any) => [s.productCode, s]));
        for (const row of sql) {
          const ours: any = byCode.get(row.p);
          assertClose(`weighted RUV of ${row.p}`, ours?.weightedRuv, row.weighted);
          assertClose(`covered share of ${row.p}`, ours?.coveredShare, row.covered);
        }
      },
    },
  ];
};
