import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { empty, sql, type Sql } from '../../database/sql';
import { brandLinks, FACILITY_WEIGHT } from '../concentration/brand-market.sql';
import type { ConcentrationRow } from '../concentration/concentration.result';
import { concentration, type ConcentrationCuts } from '../concentration/concentration.sql';
import type { CapacityWeight } from '../concentration/supplier-concentration.types';

/** What brands' upstream exposure is read from: the disclosures, one trade dataset and year, and the cuts of its concentration. */
export interface UpstreamArgs extends ConcentrationCuts {
  asOf: string | null;
  weight: CapacityWeight;
  /** Only the facilities where the brand sources this type, and only its inputs; null = every type the brand sources. */
  productType: string | null;
  datasetId: number;
  /** The dataset mixes HS levels (switches the roll-up's ancestor test on). */
  mixed: boolean;
  year: number;
}

/** Exposure to one origin: U(b, o) and the brand's direct capacity share a_o. */
export interface UpstreamOriginRow {
  origin: string;
  upstreamShare: number;
  directShare: number;
}

/** One brand's upstream exposure as the statement gives it. */
export interface UpstreamMarket {
  brandId: number;
  /** The disclosure date read. */
  disclosedAt: string;
  /** Σ of the known weights (the W of a_c). */
  capacity: number;
  unknownCapacity: number;
  /** Σ a_c over the supplier countries without input imports; null when no facility has a known weight. */
  uncoveredShare: number | null;
  /** Supplier countries, and of them those with input imports. */
  supplierCountries: number;
  coveredCountries: number;
  /** Every origin with U > 0 or a direct share > 0: U descending, then code (byte order). */
  origins: UpstreamOriginRow[];
  /** Concentration of U over the origins; undefined when no U > 0. */
  row: ConcentrationRow | undefined;
}

type UpstreamRow = Partial<ConcentrationRow> & Omit<UpstreamMarket, 'row' | 'origins'> & { origins: UpstreamOriginRow[] | null };

/**
 * Every brand's upstream exposure in one statement (METRICS.md, "Upstream exposure"). For each brand at its
 * disclosure in force on `asOf` (brandLinks): a_c = its capacity share in supplier country c; the input codes of
 * the product types it sources in c (product_type_input, a code under another of the set left out so that the
 * HS roll-up never adds a heading to its chapter); m_{c,o} = c's imports of those codes from o over all its
 * imports of them (one dataset and year, value-weighted, the roll-up of "Trade markets" per code); then
 * U(b, o) = Σ_c a_c · m_{c,o}, the uncovered share, and the concentration of U over the origins.
 */
export function upstreamExposureSql(brandIds: readonly number[], q: UpstreamArgs): Sql {
  const { weight, known } = FACILITY_WEIGHT[q.weight];
  const ofType = q.productType === null ? empty : sql`and sl.product_type_id = ${q.productType}`;
  // Mixed levels (Comtrade): a row counts for input code n.code unless a shorter row under n.code contains it.
  const rollup = q.mixed
    ? sql`and not exists (select 1 from trade_flow a where a.dataset_id = x.dataset_id and a.year = x.year and a.exporter_id = x.exporter_id
            and a.importer_id = x.importer_id and length(a.product_code) >= length(n.code) and length(a.product_code) < length(x.product_code)
            and x.product_code like a.product_code || '%')`
    : empty;
  const weights = sql`select brand_id as market, origin as participant, u as weight from upstream_u`;
  return sql`
    with upstream_links as (${brandLinks(brandIds, q.asOf)}),
    upstream_types as (
      select distinct l.brand_id, l.facility_id, sl.product_type_id
      from upstream_links l join sourcing_link sl on sl.brand_id = l.brand_id and sl.facility_id = l.facility_id and sl.disclosed_at = l.disclosed_at
      where true ${ofType}
    ),
    upstream_facilities as (
      select l.brand_id, l.disclosed_at, f.country_id, case when ${known} then ${weight} end as weight
      from upstream_links l join facility f on f.id = l.facility_id
      where exists (select 1 from upstream_types t where t.brand_id = l.brand_id and t.facility_id = l.facility_id)
    ),
    upstream_codes_all as (
      select distinct t.brand_id, f.country_id, i.product_code as code
      from upstream_types t join facility f on f.id = t.facility_id join product_type_input i on i.product_type_id = t.product_type_id
    ),
    upstream_codes as (
      select * from upstream_codes_all c where not exists (
        select 1 from upstream_codes_all p where p.brand_id = c.brand_id and p.country_id = c.country_id
          and length(p.code) < length(c.code) and c.code like p.code || '%')
    ),
    upstream_imports as (
      select n.country_id as importer, n.code, x.exporter_id as origin, sum(x.value_usd) as value
      from (select distinct country_id, code from upstream_codes) n
      join trade_flow x on x.dataset_id = ${q.datasetId} and x.year = ${q.year} and x.importer_id = n.country_id
        and left(x.product_code, length(n.code)) = n.code and x.exporter_id <> x.importer_id ${rollup}
      group by n.country_id, n.code, x.exporter_id
    ),
    -- Facilities' weights and input imports in one row set: a_c and m_{c,o} are then window sums over it, with no
    -- join between intermediate results (whose sizes the planner cannot know, and would loop over).
    upstream_rows as (
      select brand_id, country_id, null::text as origin, weight as w, null::numeric as value from upstream_facilities where weight > 0
      union all
      select c.brand_id, c.country_id, i.origin, null, i.value
      from upstream_codes c join upstream_imports i on i.importer = c.country_id and i.code = c.code
    ),
    upstream_parts as (
      select brand_id, country_id, origin, w, value,
             sum(w) over (partition by brand_id, country_id) as w_c, sum(w) over (partition by brand_id) as w_b,
             sum(value) over (partition by brand_id, country_id) as v_c
      from upstream_rows
    ),
    -- U(b, o) = Σ_c (w_c / W) · (x_{c,o} / Σ_o x_{c,o}) over the countries of known capacity with input imports.
    upstream_u as (
      select brand_id, origin, sum((w_c / w_b)::float8 * (value / v_c)::float8) as u
      from upstream_parts where origin is not null and value > 0 and w_c > 0 and v_c > 0 group by brand_id, origin
    ),
    upstream_countries as (
      select brand_id, country_id, max(w_c) as w_c, max(w_b) as w_b, coalesce(max(v_c), 0) > 0 as covered
      from upstream_parts where w_c > 0 group by brand_id, country_id
    ),
    upstream_origins as (
      select brand_id, origin, sum(u) as u, sum(a) as a from (
        select brand_id, origin, u, 0::float8 as a from upstream_u
        union all
        select brand_id, country_id, 0, (w_c / w_b)::float8 from upstream_countries) o
      group by brand_id, origin
    ),
    upstream_meta as (
      select fa.brand_id, to_char(max(fa.disclosed_at), 'YYYY-MM-DD') as disclosed_at,
             coalesce(sum(fa.weight) filter (where fa.weight > 0), 0)::float8 as capacity,
             (count(*) filter (where fa.weight is null))::int as unknown
      from upstream_facilities fa group by fa.brand_id
    ),
    -- Materialized, as the next two: each is computed once, not once per brand of the final join.
    upstream_cover as materialized (
      -- Σ a_c as Σ w_c / W in the weights' own type: a wholly uncovered brand gives exactly 1.
      select brand_id, count(*)::int as countries, (count(*) filter (where covered))::int as covered,
             (coalesce(sum(w_c) filter (where not covered), 0) / max(w_b))::float8 as uncovered
      from upstream_countries group by brand_id
    ),
    upstream_list as materialized (
      select brand_id, json_agg(json_build_object('origin', origin, 'upstreamShare', u, 'directShare', a)
                                order by u desc, origin collate "C") as origins
      from upstream_origins group by brand_id
    ),
    metrics as materialized (${concentration(weights, q)})
    select meta.brand_id as "brandId", meta.disclosed_at as "disclosedAt", meta.capacity, meta.unknown as "unknownCapacity",
           cover.uncovered as "uncoveredShare", coalesce(cover.countries, 0) as "supplierCountries", coalesce(cover.covered, 0) as "coveredCountries",
           list.origins, metrics.*
    from upstream_meta meta
    left join upstream_cover cover on cover.brand_id = meta.brand_id
    left join upstream_list list on list.brand_id = meta.brand_id
    left join metrics on metrics.market = meta.brand_id`;
}

/** The upstream exposure of many brands in one statement; a brand without a disclosure (of the type) by then has no row. */
export async function upstreamMarkets(em: EntityManager, brandIds: readonly number[], q: UpstreamArgs): Promise<UpstreamMarket[]> {
  const rows = await queryRows<UpstreamRow>(em, upstreamExposureSql(brandIds, q), { replan: true });
  return rows.map(
    ({ brandId, disclosedAt, capacity, unknownCapacity, uncoveredShare, supplierCountries, coveredCountries, origins, ...row }) => ({
      brandId: Number(brandId),
      disclosedAt,
      capacity,
      unknownCapacity,
      uncoveredShare: uncoveredShare ?? null,
      supplierCountries,
      coveredCountries,
      origins: origins ?? [],
      row: row.n == null ? undefined : (row as ConcentrationRow),
    }),
  );
}
