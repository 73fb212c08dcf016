import { empty, list, sql, type Sql } from '../../database/sql';
import { CapacityWeight, SupplierDimension } from './supplier-concentration.types';

/**
 * Brands' markets at a disclosure date (METRICS.md, "Sourcing markets"): one row
 * (brand_id, facility_id, disclosed_at, workers_min, workers_max, volume, value_usd) per facility linked
 * to a brand in its latest disclosure on or before `asOf` (its latest of all when null), with the workers
 * that disclosure gave, else the facility's latest known figure, and the volume and value it disclosed
 * (summed over the facility's links of that date; null unless every one of them gave one). Only the brands
 * `brandIds` when given, every brand otherwise.
 */
export function brandLinks(brandIds: readonly number[] | null, asOf: string | null): Sql {
  const ofBrands = brandIds === null ? empty : sql`sl.brand_id in (${list(brandIds)}) and `;
  return sql`select sl.brand_id, sl.facility_id, max(sl.disclosed_at) as disclosed_at,
               coalesce(min(sl.workers_min), min(f.workers_min)) as workers_min, coalesce(max(sl.workers_max), max(f.workers_max)) as workers_max,
               case when bool_and(sl.volume is not null) then sum(sl.volume) end as volume,
               case when bool_and(sl.value_usd is not null) then sum(sl.value_usd) end as value_usd
        from sourcing_link sl join facility f on f.id = sl.facility_id
        where ${ofBrands}sl.disclosed_at = (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id and x.disclosed_at <= coalesce(${asOf}::date, 'infinity'))
        group by sl.brand_id, sl.facility_id`;
}

/** A facility's participant id in a brand market, over facility `f` (ownerless facilities are their own manufacturer). */
export const SUPPLIER_PARTICIPANT: Record<SupplierDimension, Sql> = {
  FACILITY: sql`f.id::text`,
  MANUFACTURER: sql`coalesce(f.manufacturer_id::text, 'facility:' || f.id)`,
  COUNTRY: sql`f.country_id::text`,
};

/**
 * A facility's weight over a `brandLinks` row `l` (workers, or the range midpoint; 1 for COUNT; the
 * disclosed volume or value), and the condition that it is known: an unknown weight is left out, never
 * weighed as 0 or 1.
 */
export const FACILITY_WEIGHT: Record<CapacityWeight, { weight: Sql; known: Sql }> = {
  CAPACITY: { weight: sql`(l.workers_min + l.workers_max) / 2.0`, known: sql`l.workers_min is not null` },
  COUNT: { weight: sql`1`, known: sql`true` },
  VOLUME: { weight: sql`l.volume`, known: sql`l.volume is not null` },
  VALUE: { weight: sql`l.value_usd`, known: sql`l.value_usd is not null` },
};

/**
 * (market = brand_id, participant, weight) rows of brands' supplier markets over `brandLinks` rows
 * (`links`), for `concentration` or `rankedShares`: facilities of unknown capacity left out.
 */
export function brandWeights(links: Sql, by: SupplierDimension, weight: CapacityWeight): Sql {
  const w = FACILITY_WEIGHT[weight];
  return sql`select l.brand_id as market, ${SUPPLIER_PARTICIPANT[by]} as participant, ${w.weight} as weight
        from (${links}) l join facility f on f.id = l.facility_id where ${w.known}`;
}
