import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, list, sql, type Sql } from '../../database/sql';
import type { TradeReporter } from '../concentration/trade-reporter';
import { memberIds } from '../country-group/membership.sql';
import { hsPrefix, hsRollup } from '../trade-flow/hs-rollup.sql';

export interface GeoDepQuery {
  datasetId: number;
  mixed: boolean;
  /** The importer: one country, or a group whose members are read extra-group. */
  importer: TradeReporter;
  /** First and last year of the persistence window (last = the year asked). */
  fromYear: number;
  toYear: number;
  /** HS prefix the HS-6 products must be under; '' for every product. */
  productPrefix: string;
  /** The dataset's world exports are materialised (FlowShape): C2 reads trade_world_export, not every flow. */
  worldRollup: boolean;
  /**
   * The dataset has the importer's group import markets (a group in the catalog's `groupMarkets`): C1 and C3 read
   * trade_group_market, one row per year and product, not every member's flows.
   */
  groupMarkets: boolean;
}

/** The GeoDep figures of one HS-6 product the importer imports, in one year of the window. */
export interface GeoDepRow {
  year: number;
  productCode: string;
  /** The importer's imports of the product (USD; extra-group for a group). */
  imports: number;
  /** Its exports of the product (USD; extra-group for a group); 0 when none. */
  exports: number;
  /** HHI of its import sources (C1). */
  importHhi: number;
  /** HHI of world exporters (C2). */
  worldExportHhi: number;
  /** The largest source (ties by country code), its imports from it and their share. */
  topSource: string;
  topWeight: number;
  topShare: number;
}

/**
 * One statement giving, for every HS-6 product the importer imports in the window and every year of it,
 * the figures of the CEPII GeoDep criteria (METRICS.md, "Strategic dependency"): the HHI of the
 * importer's sources (C1), the HHI of world exporters (C2), and the importer's imports and exports of the
 * product (C3), plus its largest source. World exports and own exports are only aggregated for products
 * the importer imports. A group's members are read from its membership in the same statement. Rows by
 * product, then year.
 */
export async function geoDepRows(em: EntityManager, q: GeoDepQuery): Promise<GeoDepRow[]> {
  const members: Sql = q.importer.group ? memberIds({ kind: 'group', code: q.importer.code }) : list(q.importer.members);
  const scope = sql`f.dataset_id = ${q.datasetId} and f.year between ${q.fromYear} and ${q.toYear} and ${hsPrefix(sql`f.product_code`, q.productPrefix)} and ${hsRollup(6, q.mixed)}`;
  const extraGroup = (partner: Sql) => (q.importer.group ? sql`and ${partner} not in (${members})` : empty);
  const rows = await queryRows<GeoDepRow>(
    em,
    sql`
    with ${q.importer.group && q.groupMarkets ? fromGroupMarkets(q) : fromFlows(q, scope, members, extraGroup)},
    world as (${worldHhi(q, scope)})
    select i.year, i.product as "productCode", i.imports, coalesce(x.exports, 0) as exports, i.import_hhi as "importHhi", w.world_hhi as "worldExportHhi",
           i.top_source as "topSource", i.top_weight as "topWeight", i.top_share as "topShare"
    from imports i join world w using (year, product) left join exports x using (year, product)
    order by i.product, i.year`,
    // Its generic plan (years and members unknown) was 20-60× slower at 10 M flows than the plan for the values.
    { replan: true },
  );
  return rows.map((r) => ({ ...r, year: Number(r.year), productCode: r.productCode.trim(), topSource: r.topSource.trim() }));
}

/** The `imports` and `exports` of geoDepRows from the flows: the importer's sources, and its own exports of the products it imports. */
function fromFlows(q: GeoDepQuery, scope: Sql, members: Sql, extraGroup: (partner: Sql) => Sql): Sql {
  return sql`sources as (
      select f.year, left(f.product_code, 6) as product, f.exporter_id as exporter, sum(f.value_usd)::float8 as w
      from trade_flow f
      where ${scope} and f.importer_id in (${members}) ${extraGroup(sql`f.exporter_id`)}
      group by 1, 2, 3 having sum(f.value_usd) > 0
    ),
    imports as (
      select year, product, sum(w) as imports, sum(w * w) / (sum(w) * sum(w)) as import_hhi,
             (array_agg(exporter order by w desc, exporter collate "C"))[1] as top_source, max(w) as top_weight, max(w) / sum(w) as top_share
      from sources group by year, product
    ),
    exports as (
      select f.year, left(f.product_code, 6) as product, sum(f.value_usd)::float8 as exports
      from trade_flow f
      where ${scope} and f.exporter_id in (${members}) ${extraGroup(sql`f.importer_id`)}
        and (f.year, left(f.product_code, 6)) in (select year, product from imports)
      group by 1, 2
    )`;
}

/**
 * The same `imports` and `exports` from a group's import markets (trade_group_market, a dataset of HS-6 codes
 * alone): one row per year and product, the HHI from its exact sums as `fromStatistics` forms it (Σw² / W²).
 */
function fromGroupMarkets(q: GeoDepQuery): Sql {
  return sql`imports as (
      select g.year, g.product_code as product, g.total_value::float8 as imports,
             g.sum_squares::float8 / (g.total_value::float8 * g.total_value::float8) as import_hhi,
             g.top_source, g.max_value::float8 as top_weight, g.max_value::float8 / g.total_value::float8 as top_share,
             g.export_value::float8 as exports
      from trade_group_market g
      where g.dataset_id = ${q.datasetId} and g.group_id = ${q.importer.code} and g.year between ${q.fromYear} and ${q.toYear}
        and ${hsPrefix(sql`g.product_code`, q.productPrefix)}
    ),
    exports as (select year, product, exports from imports)`;
}

/**
 * The HHI of world exporters (C2) of every (year, product) the importer imports. From trade_world_export when the
 * dataset has it (HS-6 codes alone): each row is already an exporter's whole weight Σ_i x(e, i, k, t), read as it
 * is, so that no exporter is grouped again and no roll-up test is needed; otherwise from the flows.
 */
function worldHhi(q: GeoDepQuery, scope: Sql): Sql {
  if (q.worldRollup)
    return sql`select year, product, sum(w * w) / (sum(w) * sum(w)) as world_hhi from (
        select f.year, f.product_code as product, f.value_usd::float8 as w from trade_world_export f
        where f.dataset_id = ${q.datasetId} and f.year between ${q.fromYear} and ${q.toYear} and ${hsPrefix(sql`f.product_code`, q.productPrefix)}
          and f.value_usd > 0 and (f.year, f.product_code) in (select year, product from imports)
      ) e group by year, product`;
  return sql`select year, product, sum(w * w) / (sum(w) * sum(w)) as world_hhi from (
      select f.year, left(f.product_code, 6) as product, f.exporter_id, sum(f.value_usd)::float8 as w
      from trade_flow f
      where ${scope} and (f.year, left(f.product_code, 6)) in (select year, product from imports)
      group by 1, 2, 3 having sum(f.value_usd) > 0
    ) e group by year, product`;
}
