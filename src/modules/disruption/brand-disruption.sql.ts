import { brandLinksSql, FACILITY_WEIGHT_SQL, SUPPLIER_PARTICIPANT_SQL } from '../concentration/brand-market.sql';
import type { ConcentrationRow } from '../concentration/concentration.result';
import { concentrationSql } from '../concentration/concentration.sql';
import type { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import { placeholders, type BoundSql } from '../../database/sql';
import { removedFacilitySql, type Removal } from './removal';

export interface BrandDisruptionQuery {
  removal: Removal;
  asOf: string | null;
  by: SupplierDimension;
  weight: CapacityWeight;
  /** Only these brands; null = every brand. */
  brandIds: number[] | null;
  includeUnaffected: boolean;
  first: number;
  k: number;
  top: number;
}

/** One ranked brand (brand_id null on the single row of an empty page, which still carries total_count). */
export interface BrandDisruptionRow extends Partial<ConcentrationRow> {
  total_count: number;
  brand_id: number | null;
  rank: number;
  disclosed_at: string;
  facilities: number;
  facilities_lost: number;
  unknown: number;
  unknown_lost: number;
  capacity: number;
  capacity_lost: number;
  lost_share: number | null;
}

/**
 * Every brand's exposure to R in one statement: each brand's market at its disclosure in force on `asOf`
 * (brandLinksSql), its capacity before and in R, the ranking, and the concentration of what remains
 * (concentrationSql over the facilities outside R) for the brands of the page only.
 */
export function brandDisruptionSql(q: BrandDisruptionQuery): BoundSql {
  const removed = removedFacilitySql(q.removal);
  const { weight, known } = FACILITY_WEIGHT_SQL[q.weight];
  const remaining = `select brand_id as market, participant, weight from disruption_links
    where not removed and weight is not null and brand_id in (select brand_id from disruption_page)`;
  const sql = `
    with disruption_links as (
      select l.brand_id, l.disclosed_at, ${SUPPLIER_PARTICIPANT_SQL[q.by]} as participant,
             case when ${known} then ${weight} end as weight, ${removed.sql} as removed
      from (${brandLinksSql(q.brandIds === null ? null : placeholders(q.brandIds.length))}) l join facility f on f.id = l.facility_id
    ),
    disruption_brands as (
      select brand_id, to_char(max(disclosed_at), 'YYYY-MM-DD') as disclosed_at,
             count(*)::int as facilities, (count(*) filter (where removed))::int as facilities_lost,
             (count(*) filter (where weight is null))::int as unknown, (count(*) filter (where weight is null and removed))::int as unknown_lost,
             coalesce(sum(weight), 0)::float8 as capacity, coalesce(sum(weight) filter (where removed), 0)::float8 as capacity_lost
      from disruption_links group by brand_id
    ),
    disruption_ranked as (
      select *, capacity_lost / nullif(capacity, 0) as lost_share,
             (row_number() over (order by capacity_lost / nullif(capacity, 0) desc nulls last, brand_id))::int as rank
      from disruption_brands where facilities_lost > 0 or ?
    ),
    disruption_page as (select * from disruption_ranked where rank <= ?)
    select t.total_count, p.*, m.*
    from (select count(*)::int as total_count from disruption_ranked) t
    left join disruption_page p on true
    left join (${concentrationSql(remaining, { k: q.k, top: q.top })}) m on m.market = p.brand_id
    order by p.rank`;
  return { sql, params: [...removed.params, ...(q.brandIds ?? []), q.asOf, q.includeUnaffected, q.first] };
}
