import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, list, sql } from '../../database/sql';
import { brandLinks, FACILITY_WEIGHT } from '../concentration/brand-market.sql';
import type { CapacityWeight } from '../concentration/supplier-concentration.types';

/** What brands' quality signals are read at: a disclosure date, a trade dataset, a year and the window back. */
export interface QualitySignalArgs {
  asOf: string | null;
  weight: CapacityWeight;
  datasetId: number;
  mixed: boolean;
  year: number;
  /** Years back the RUV is compared with (RUV_year against RUV_{year−window}). */
  window: number;
}

/** One brand, supplier country and HS code of its product types: the country's capacity share and unit values. */
export interface QualitySignalCell {
  brandId: number;
  /** The disclosure date read. */
  asOf: string;
  countryId: string;
  /** a_c: the country's share of the brand's capacity of known weight. */
  capacityShare: number;
  /** An HS code the brand's product types map to (its own level, flows rolled up to it); null on the one row per country of a brand whose types map to none (it still says which disclosure was read). */
  productCode: string | null;
  value: number | null;
  valueWithQuantity: number | null;
  quantityTons: number | null;
  uv: number | null;
  worldUv: number | null;
  ruv: number | null;
  coverage: number | null;
  /** UV and RUV in year − window. */
  uvBefore: number | null;
  ruvBefore: number | null;
}

/**
 * Quality signals of many brands in one statement (METRICS.md "Quality signals"): each brand's supplier
 * countries at its latest disclosure on or before `asOf` with their capacity shares (facilities of unknown
 * weight left out, as in "Sourcing markets"), crossed with the HS codes its disclosed product types map to
 * (product_type_hs), and each country's UV, world UV and RUV in each code in `year` and `year − window`.
 * A code at HS 2 or 4 takes the flows under it, rolled up (a dataset of mixed levels: no code added to its
 * own ancestor). Only flows with q > 0 weigh in Σ q. By brand, code, share (largest first), country.
 */
export async function qualitySignalCells(
  em: EntityManager,
  brandIds: readonly number[],
  q: QualitySignalArgs,
): Promise<QualitySignalCell[]> {
  if (brandIds.length === 0) return [];
  const w = FACILITY_WEIGHT[q.weight];
  // The codes under k are the range [k, k || 'z') (digits sort before letters in every collation) for the
  // (product_code, year) index, and left() = k says it exactly. The ancestor test of the roll-up runs at each
  // code's own level (the codes mix levels).
  const rollup = q.mixed
    ? sql`and not exists (select 1 from trade_flow a where a.dataset_id = f.dataset_id and a.year = f.year and a.exporter_id = f.exporter_id
          and a.importer_id = f.importer_id and length(a.product_code) >= length(k.product_code) and length(a.product_code) < length(f.product_code)
          and f.product_code like a.product_code || '%')`
    : empty;
  return queryRows<QualitySignalCell>(
    em,
    sql`with l as (${brandLinks(brandIds, q.asOf)}),
      capacity as (
        select l.brand_id, f.country_id, sum(${w.weight}) as cap, max(l.disclosed_at) as disclosed_at
        from l join facility f on f.id = l.facility_id where ${w.known} group by l.brand_id, f.country_id
      ),
      shares as (
        select brand_id, country_id, disclosed_at, cap / nullif(sum(cap) over (partition by brand_id), 0) as share from capacity
      ),
      codes as (
        select distinct sl.brand_id, m.product_code from sourcing_link sl join product_type_hs m on m.product_type_id = sl.product_type_id
        where sl.brand_id in (${list(brandIds)})
          and sl.disclosed_at = (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id and x.disclosed_at <= coalesce(${q.asOf}::date, 'infinity'))
      ),
      flows as (
        select k.product_code as product, f.exporter_id, f.year, f.value_usd, case when f.quantity_tons > 0 then f.quantity_tons end as q
        from (select distinct product_code from codes) k
        join trade_flow f on f.dataset_id = ${q.datasetId} and f.year in (${q.year}, ${q.year - q.window})
          and f.product_code >= k.product_code and f.product_code < k.product_code || 'z' and left(f.product_code, length(k.product_code)) = k.product_code ${rollup}
      ),
      world as (select product, year, sum(value_usd) filter (where q is not null) / sum(q) as uv from flows group by product, year),
      cells as (
        select product, exporter_id, year, sum(value_usd) as x, coalesce(sum(value_usd) filter (where q is not null), 0) as xq, sum(q) as q
        from flows where exporter_id in (select country_id from shares) group by product, exporter_id, year
      ),
      figures as (
        select c.product, c.exporter_id, c.year, c.x, c.xq, c.q, c.xq / c.q as uv, w.uv as world_uv, (c.xq / c.q) / nullif(w.uv, 0) as ruv
        from cells c join world w on w.product = c.product and w.year = c.year
      )
      select s.brand_id as "brandId", to_char(s.disclosed_at, 'YYYY-MM-DD') as "asOf", s.country_id::text as "countryId", s.share::float8 as "capacityShare",
             k.product_code as "productCode", cur.x::float8 as value, cur.xq::float8 as "valueWithQuantity", cur.q::float8 as "quantityTons",
             cur.uv::float8 as uv, wc.uv::float8 as "worldUv", cur.ruv::float8 as ruv, (cur.xq / nullif(cur.x, 0))::float8 as coverage,
             prev.uv::float8 as "uvBefore", prev.ruv::float8 as "ruvBefore"
      from shares s left join codes k on k.brand_id = s.brand_id
        left join figures cur on cur.product = k.product_code and cur.exporter_id = s.country_id and cur.year = ${q.year}
        left join figures prev on prev.product = k.product_code and prev.exporter_id = s.country_id and prev.year = ${q.year - q.window}
        left join world wc on wc.product = k.product_code and wc.year = ${q.year}
      where s.share is not null
      order by s.brand_id, k.product_code, s.share desc, s.country_id`,
  );
}
