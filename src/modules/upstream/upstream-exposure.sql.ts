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
    upstream_a as (
      select brand_id, country_id, sum(weight) as w, (sum(weight) / sum(sum(weight)) over (partition by brand_id))::float8 as a
      from upstream_facilities where weight > 0 group by brand_id, country_id
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
    upstream_m as (
      select brand_id, country_id, origin, (value / sum(value) over (partition by brand_id, country_id))::float8 as m
      from (select c.brand_id, c.country_id, i.origin, sum(i.value) as value
            from upstream_codes c join upstream_imports i on i.importer = c.country_id and i.code = c.code
            group by c.brand_id, c.country_id, i.origin having sum(i.value) > 0) v
    ),
    upstream_u as (
      select a.brand_id, m.origin, sum(a.a * m.m) as u
      from upstream_a a join upstream_m m on m.brand_id = a.brand_id and m.country_id = a.country_id
      group by a.brand_id, m.origin
    ),
    upstream_origins as (
      select coalesce(u.brand_id, a.brand_id) as brand_id, coalesce(u.origin, a.country_id) as origin,
             coalesce(u.u, 0) as u, coalesce(a.a, 0) as a
      from upstream_u u full join upstream_a a on a.brand_id = u.brand_id and a.country_id = u.origin
    ),
    upstream_meta as (
      select fa.brand_id, to_char(max(fa.disclosed_at), 'YYYY-MM-DD') as disclosed_at,
             coalesce(sum(fa.weight) filter (where fa.weight > 0), 0)::float8 as capacity,
             (count(*) filter (where fa.weight is null))::int as unknown
      from upstream_facilities fa group by fa.brand_id
    ),
    upstream_cover as (
      select a.brand_id, count(*)::int as countries,
             (count(*) filter (where exists (select 1 from upstream_m m where m.brand_id = a.brand_id and m.country_id = a.country_id)))::int as covered,
             -- Σ a_c as Σ w_c / W in the weights' own type: a wholly uncovered brand gives exactly 1.
             (coalesce(sum(a.w) filter (where not exists (select 1 from upstream_m m where m.brand_id = a.brand_id and m.country_id = a.country_id)), 0)
               / sum(a.w))::float8 as uncovered
      from upstream_a a group by a.brand_id
    ),
    upstream_list as (
      select brand_id, json_agg(json_build_object('origin', origin, 'upstreamShare', u, 'directShare', a)
                                order by u desc, origin collate "C") as origins
      from upstream_origins group by brand_id
    ),
    metrics as (${concentration(weights, q)})
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
