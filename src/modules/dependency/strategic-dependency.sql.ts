import { hsPrefixSql, hsRollupCondition } from '../trade-flow/hs-rollup.sql';
import { placeholders, type BoundSql } from '../../database/sql';

export interface GeoDepQuery {
  datasetId: number;
  mixed: boolean;
  /** Importer countries (one, or a group's members read extra-group). */
  importers: string[];
  group: boolean;
  /** First and last year of the persistence window (last = the year asked). */
  fromYear: number;
  toYear: number;
  /** HS prefix the HS-6 products must be under; '' for every product. */
  productPrefix: string;
  /** The dataset's world exports are materialised (FlowShape): C2 reads trade_world_export, not every flow. */
  worldRollup: boolean;
}

/**
 * One statement giving, for every HS-6 product the importer imports in the window and every year of it,
 * the figures of the CEPII GeoDep criteria (METRICS.md, "Strategic dependency"): the HHI of the
 * importer's sources (C1), the HHI of world exporters (C2), and the importer's imports and exports of the
 * product (C3), plus its largest source. World exports and own exports are only aggregated for products
 * the importer imports. Rows: (year, product, imports, exports, import_hhi, world_hhi, top_source, top_weight, top_share).
 */
export function geoDepSql(q: GeoDepQuery): BoundSql {
  const list = placeholders(q.importers.length);
  const rollup = hsRollupCondition(6, q.mixed);
  const prefix = hsPrefixSql('f.product_code', q.productPrefix);
  const scope = `f.dataset_id = ? and f.year between ? and ? and ${prefix.sql} and ${rollup}`;
  const scopeParams = [q.datasetId, q.fromYear, q.toYear, ...prefix.params];
  const sql = `
    with sources as (
      select f.year, left(f.product_code, 6) as product, f.exporter_id as exporter, sum(f.value_usd)::float8 as w
      from trade_flow f
      where ${scope} and f.importer_id in (${list}) ${q.group ? `and f.exporter_id not in (${list})` : ''}
      group by 1, 2, 3 having sum(f.value_usd) > 0
    ),
    imports as (
      select year, product, sum(w) as imports, sum(w * w) / (sum(w) * sum(w)) as import_hhi,
             (array_agg(exporter order by w desc, exporter collate "C"))[1] as top_source, max(w) as top_weight, max(w) / sum(w) as top_share
      from sources group by year, product
    ),
    world as (
      select year, product, sum(w * w) / (sum(w) * sum(w)) as world_hhi from (
        select f.year, left(f.product_code, 6) as product, f.exporter_id, sum(f.value_usd)::float8 as w
        from ${q.worldRollup ? 'trade_world_export' : 'trade_flow'} f
        where ${scope} and (f.year, left(f.product_code, 6)) in (select year, product from imports)
        group by 1, 2, 3 having sum(f.value_usd) > 0
      ) e group by year, product
    ),
    exports as (
      select f.year, left(f.product_code, 6) as product, sum(f.value_usd)::float8 as exports
      from trade_flow f
      where ${scope} and f.exporter_id in (${list}) ${q.group ? `and f.importer_id not in (${list})` : ''}
        and (f.year, left(f.product_code, 6)) in (select year, product from imports)
      group by 1, 2
    )
    select i.year, i.product, i.imports, coalesce(x.exports, 0) as exports, i.import_hhi, w.world_hhi, i.top_source, i.top_weight, i.top_share
    from imports i join world w using (year, product) left join exports x using (year, product)
    order by i.product, i.year`;
  const members = q.group ? [...q.importers, ...q.importers] : q.importers;
  return { sql, params: [...scopeParams, ...members, ...scopeParams, ...scopeParams, ...members] };
}
