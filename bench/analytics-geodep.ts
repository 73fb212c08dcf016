/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answer is walked by path here; the check asserts each value it reads against the SQL's */
/**
 * The GeoDep question of bench/analytics.ts: EU27's strategic dependencies (METRICS.md, "Strategic
 * dependency") for every HS-6 product of a year with the default criteria and 3-year window, and the same
 * answer from one hand-written statement over the window's flows (the base table): per year, product and
 * exporter its world exports, EU27's extra-group imports from it and EU27's extra-group exports, then per
 * product-year the three criteria, then per product the year's verdict and persistence.
 */
import { assertClose, type Case } from './analytics-case';

const GROUP = 'EU27';

export function geoDepCase({ dataset, year }: { dataset: number; year: number }): Case {
  return {
    name: `5. ${GROUP} strategic dependencies (GeoDep), every HS-6 product of ${year}, 3-year window`,
    api: {
      query: `query($year: Int!, $dataset: ID) { strategicDependencies(importer: "${GROUP}", year: $year, only: ALL, first: 1000, dataset: $dataset) {
          productsImported dependentCount persistentCount items { productCode importValue exportValue importHhi worldExportHhi dependent persistent } } }`,
      variables: { year, dataset: String(dataset) },
    },
    sql: [
      {
        text: `with m as (select array_agg(country_id) as ids from country_group_member where group_id = $4),
            e as (
              select f.year, f.product_code, f.exporter_id, sum(f.value_usd) as w,
                     sum(f.value_usd) filter (where f.importer_id = any(m.ids) and f.exporter_id <> all(m.ids)) as iw,
                     sum(f.value_usd) filter (where f.exporter_id = any(m.ids) and f.importer_id <> all(m.ids)) as xw
              from trade_flow f, m where f.dataset_id = $1 and f.year between $2 and $3 group by 1, 2, 3),
            p as (
              select year, product_code, (sum(iw) filter (where iw > 0))::float8 as imports,
                     (sum(iw * iw) filter (where iw > 0) / (sum(iw) filter (where iw > 0)) ^ 2)::float8 as import_hhi,
                     (sum(w * w) filter (where w > 0) / (sum(w) filter (where w > 0)) ^ 2)::float8 as world_hhi,
                     coalesce(sum(xw), 0)::float8 as exports
              from e group by 1, 2),
            d as (select *, import_hhi > 0.4 and world_hhi > 0.4 and (exports = 0 or imports / exports > 1) as dependent from p where imports > 0)
          select product_code, bool_or(dependent) filter (where year = $3) as dependent, count(*) filter (where dependent) >= 2 as persistent,
                 max(imports) filter (where year = $3) as imports, max(exports) filter (where year = $3) as exports,
                 max(import_hhi) filter (where year = $3) as import_hhi, max(world_hhi) filter (where year = $3) as world_hhi
          from d group by 1 having count(*) filter (where year = $3) > 0 order by 1`,
        values: [dataset, year - 2, year, GROUP],
      },
    ],
    check: (api, [rows]) => {
      const report = api.strategicDependencies;
      const count = (test: (row: any) => boolean) => rows.filter(test).length;
      assertClose('products imported', report.productsImported, rows.length);
      assertClose(
        'dependent products',
        report.dependentCount,
        count((r) => r.dependent),
      );
      assertClose(
        'persistent products',
        report.persistentCount,
        count((r) => r.persistent),
      );
      const byCode = new Map(rows.map((r: any) => [String(r.product_code).trim(), r]));
      if (report.items.length !== Math.min(1000, rows.length)) throw new Error(`items: ${report.items.length} of ${rows.length}`);
      for (const item of report.items) {
        const row: any = byCode.get(item.productCode);
        if (!row) throw new Error(`${item.productCode}: listed by the API, not by the SQL`);
        assertClose(`imports of ${item.productCode}`, item.importValue, row.imports);
        assertClose(`exports of ${item.productCode}`, item.exportValue, row.exports);
        assertClose(`import HHI of ${item.productCode}`, item.importHhi, Math.min(1, row.import_hhi));
        assertClose(`world export HHI of ${item.productCode}`, item.worldExportHhi, Math.min(1, row.world_hhi));
        if (item.dependent !== row.dependent || item.persistent !== row.persistent)
          throw new Error(
            `${item.productCode}: the API says dependent ${item.dependent} persistent ${item.persistent}, the SQL ${row.dependent} ${row.persistent}`,
          );
      }
    },
  };
}
