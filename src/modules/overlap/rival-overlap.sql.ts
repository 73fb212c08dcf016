import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';
import { brandLinks, FACILITY_WEIGHT } from '../concentration/brand-market.sql';
import type { CapacityWeight } from '../concentration/supplier-concentration.types';
import { linksInForce } from './overlap-links.sql';

/** What a brand's overlap with its rivals is read at. */
export interface RivalOverlapArgs {
  asOf: string | null;
  /** Only facilities where each brand sources this type; null = every facility. */
  productType: string | null;
  weight: CapacityWeight;
  /** The rivals listed: the `first` by shared facilities. */
  first: number;
}

/** One rival of one brand (METRICS.md, "Shared facilities", "Overlap share and Jaccard"). */
export interface RivalOverlapRow {
  rivalId: number;
  rank: number;
  sharedFacilities: number;
  sameTypeShared: number;
  sharedCapacity: number;
  sharedUnknownCapacity: number;
  overlapShare: number | null;
  jaccard: number;
  /** F_b ∩ F_r, ascending ids. */
  facilityIds: number[];
}

/** One brand's overlap with its rivals. */
export interface BrandOverlap {
  brandId: number;
  /** The disclosure date read (null: no disclosure by then). */
  asOf: string | null;
  facilities: number;
  capacity: number;
  unknownCapacity: number;
  /** Rivals sharing at least one facility (all of them, not only the `first` listed). */
  rivalCount: number;
  rivals: RivalOverlapRow[];
}

type Row = Omit<BrandOverlap, 'rivals'> & Partial<Omit<RivalOverlapRow, 'facilityIds'>> & { facilityIds: string | null };

/**
 * Rival overlap of many brands in one statement. F_b = the facilities of b's disclosure in force (of
 * `productType` when given), weighed as b's supplier market weighs them (`brandLinks`, FACILITY_WEIGHT:
 * unknown weights null, left out of sums and counted); F_r likewise for every other brand r. Per pair
 * sharing a facility: |F_b ∩ F_r|, the shared facilities where b and r source a common type, Σ cap over
 * the shared ones / Σ cap over F_b, and |F_b ∩ F_r| / |F_b ∪ F_r|. Rivals ranked by shared count, then id.
 */
export async function rivalOverlaps(em: EntityManager, brandIds: readonly number[], q: RivalOverlapArgs): Promise<BrandOverlap[]> {
  const { weight, known } = FACILITY_WEIGHT[q.weight];
  const rows = await queryRows<Row>(
    em,
    sql`
      with typed as (${linksInForce(q.asOf, q.productType)}),
      sites as (select distinct brand_id, facility_id from typed),
      sizes as (select brand_id, count(*)::int as n from sites group by brand_id),
      own as (
        select l.brand_id, l.facility_id, l.disclosed_at, case when ${known} then ${weight} end::float8 as weight
        from (${brandLinks(brandIds, q.asOf)}) l
        join sites s on s.brand_id = l.brand_id and s.facility_id = l.facility_id
      ),
      totals as (
        select brand_id, to_char(max(disclosed_at), 'YYYY-MM-DD') as as_of, count(*)::int as facilities,
               coalesce(sum(weight), 0)::float8 as capacity, (count(*) filter (where weight is null))::int as unknown
        from own group by brand_id
      ),
      same_type as (
        select a.brand_id, r.brand_id as rival_id, count(distinct a.facility_id)::int as n
        from typed a join typed r on r.facility_id = a.facility_id and r.product_type_id = a.product_type_id and r.brand_id <> a.brand_id
        where a.brand_id in (select brand_id from totals)
        group by a.brand_id, r.brand_id
      ),
      pairs as (
        select o.brand_id, s.brand_id as rival_id, count(*)::int as shared,
               coalesce(sum(o.weight), 0)::float8 as shared_capacity, (count(*) filter (where o.weight is null))::int as shared_unknown,
               string_agg(o.facility_id::text, ',' order by o.facility_id) as facility_ids
        from own o join sites s on s.facility_id = o.facility_id and s.brand_id <> o.brand_id
        group by o.brand_id, s.brand_id
      ),
      ranked as (
        select p.*, (row_number() over (partition by p.brand_id order by p.shared desc, p.rival_id))::int as rank from pairs p
      ),
      rival_counts as (select brand_id, count(*)::int as n from pairs group by brand_id)
      select t.brand_id as "brandId", t.as_of as "asOf", t.facilities, t.capacity, t.unknown as "unknownCapacity",
             coalesce(rc.n, 0) as "rivalCount",
             r.rival_id as "rivalId", r.rank, r.shared as "sharedFacilities", coalesce(st.n, 0) as "sameTypeShared",
             r.shared_capacity as "sharedCapacity", r.shared_unknown as "sharedUnknownCapacity",
             r.shared_capacity / nullif(t.capacity, 0) as "overlapShare",
             r.shared::float8 / (t.facilities + z.n - r.shared) as jaccard, r.facility_ids as "facilityIds"
      from totals t
      left join rival_counts rc on rc.brand_id = t.brand_id
      left join ranked r on r.brand_id = t.brand_id and r.rank <= ${q.first}
      left join sizes z on z.brand_id = r.rival_id
      left join same_type st on st.brand_id = r.brand_id and st.rival_id = r.rival_id
      order by t.brand_id, r.rank`,
  );
  const byBrand = new Map<number, BrandOverlap>();
  for (const {
    rivalId,
    rank,
    sharedFacilities,
    sameTypeShared,
    sharedCapacity,
    sharedUnknownCapacity,
    overlapShare,
    jaccard,
    facilityIds,
    ...b
  } of rows) {
    const brandId = Number(b.brandId);
    let overlap = byBrand.get(brandId);
    if (!overlap) byBrand.set(brandId, (overlap = { ...b, brandId, rivals: [] }));
    if (rivalId == null) continue;
    overlap.rivals.push({
      rivalId: Number(rivalId),
      rank: rank!,
      sharedFacilities: sharedFacilities!,
      sameTypeShared: sameTypeShared!,
      sharedCapacity: sharedCapacity!,
      sharedUnknownCapacity: sharedUnknownCapacity!,
      overlapShare: overlapShare ?? null,
      jaccard: jaccard!,
      facilityIds: (facilityIds ?? '')
        .split(',')
        .filter((id) => id !== '')
        .map(Number),
    });
  }
  return [...byBrand.values()];
}

/** The brands of `brandIds` with no facility by then (or none of the type): an overlap without rivals. */
export const noOverlap = (brandId: number): BrandOverlap => ({
  brandId,
  asOf: null,
  facilities: 0,
  capacity: 0,
  unknownCapacity: 0,
  rivalCount: 0,
  rivals: [],
});
