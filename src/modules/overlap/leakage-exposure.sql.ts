import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';
import { brandLinks, FACILITY_WEIGHT, SUPPLIER_PARTICIPANT } from '../concentration/brand-market.sql';
import type { CapacityWeight } from '../concentration/supplier-concentration.types';
import { linksInForce } from './overlap-links.sql';

/** Where leakage is looked for: at the facility itself, or at any facility of its owner. */
export enum LeakageLevel {
  FACILITY = 'FACILITY',
  MANUFACTURER = 'MANUFACTURER',
}

export interface LeakageArgs {
  asOf: string | null;
  level: LeakageLevel;
  weight: CapacityWeight;
}

/** One brand's leakage exposure (METRICS.md, "Leakage exposure"). */
export interface LeakageRow {
  brandId: number;
  asOf: string | null;
  facilities: number;
  participants: number;
  capacity: number;
  unknownCapacity: number;
  exposedFacilities: number;
  exposedParticipants: number;
  exposedCapacity: number;
  exposedUnknownCapacity: number;
  share: number | null;
  rivals: number;
}

/**
 * Leakage exposure of many brands in one statement. A place is a facility (FACILITY) or its owner
 * (MANUFACTURER; a facility without one is its own, as in supplier concentration). A place of brand b is
 * exposed when some rival r sources there (at any facility of the owner) a product type that b sources
 * there. Per brand: its facilities and places, the capacity (b's weights, unknown ones counted apart) at
 * exposed places over all of it, and the rivals found there.
 */
export async function leakageExposures(em: EntityManager, brandIds: readonly number[], q: LeakageArgs): Promise<LeakageRow[]> {
  const { weight, known } = FACILITY_WEIGHT[q.weight];
  const place = SUPPLIER_PARTICIPANT[q.level];
  const rows = await queryRows<LeakageRow>(
    em,
    sql`
      with typed as (
        select t.brand_id, t.product_type_id, ${place} as place
        from (${linksInForce(q.asOf, null)}) t join facility f on f.id = t.facility_id
      ),
      own as (
        select l.brand_id, l.disclosed_at, ${place} as place, case when ${known} then ${weight} end::float8 as weight
        from (${brandLinks(brandIds, q.asOf)}) l join facility f on f.id = l.facility_id
      ),
      hits as (
        select distinct b.brand_id, b.place, r.brand_id as rival_id
        from (select distinct brand_id, place, product_type_id from typed where brand_id in (select brand_id from own)) b
        join typed r on r.place = b.place and r.product_type_id = b.product_type_id and r.brand_id <> b.brand_id
      ),
      exposed as (select distinct brand_id, place from hits),
      rivals as (select brand_id, count(distinct rival_id)::int as n from hits group by brand_id)
      select o.brand_id as "brandId", to_char(max(o.disclosed_at), 'YYYY-MM-DD') as "asOf",
             count(*)::int as facilities, count(distinct o.place)::int as participants,
             coalesce(sum(o.weight), 0)::float8 as capacity, (count(*) filter (where o.weight is null))::int as "unknownCapacity",
             (count(*) filter (where e.place is not null))::int as "exposedFacilities", count(distinct e.place)::int as "exposedParticipants",
             coalesce(sum(o.weight) filter (where e.place is not null), 0)::float8 as "exposedCapacity",
             (count(*) filter (where e.place is not null and o.weight is null))::int as "exposedUnknownCapacity",
             (coalesce(sum(o.weight) filter (where e.place is not null), 0) / nullif(sum(o.weight), 0))::float8 as share,
             coalesce(max(rv.n), 0)::int as rivals
      from own o
      left join exposed e on e.brand_id = o.brand_id and e.place = o.place
      left join rivals rv on rv.brand_id = o.brand_id
      group by o.brand_id order by o.brand_id`,
  );
  return rows.map((r) => ({ ...r, brandId: Number(r.brandId) }));
}
