import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql, type Sql } from '../../database/sql';
import { SUPPLIER_PARTICIPANTS } from '../concentration/concentration.args';
import { brandLinks, FACILITY_WEIGHT, SUPPLIER_PARTICIPANT } from '../concentration/brand-market.sql';
import { toConcentration, type ConcentrationRow } from '../concentration/concentration.result';
import { concentration } from '../concentration/concentration.sql';
import type { BandGuidelines } from '../concentration/concentration.types';
import type { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import type { BrandDisruptions } from './disruption.types';
import type { Removal } from './removal';
import { removedFacility } from './removal.sql';
import { metricsOf } from './remaining';

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
  guidelines: BandGuidelines;
}

/** One ranked brand (brandId null on the single row of an empty page, which still carries totalCount). */
type BrandDisruptionRow = Partial<ConcentrationRow> & {
  totalCount: number;
  brandId: number | null;
  rank: number;
  disclosedAt: string;
  facilities: number;
  facilitiesLost: number;
  unknownCapacity: number;
  unknownCapacityLost: number;
  capacity: number;
  capacityLost: number;
  capacityLostShare: number | null;
};

/**
 * Every brand's exposure to R in one statement: each brand's market at its disclosure in force on `asOf`
 * (brandLinks), its capacity before and in R, the ranking, and the concentration of what remains
 * (concentration over the facilities outside R) for the brands of the page only.
 */
export function brandDisruptionSql(q: BrandDisruptionQuery): Sql {
  const { weight, known } = FACILITY_WEIGHT[q.weight];
  const remaining = sql`select brand_id as market, participant, weight from disruption_links
    where not removed and weight is not null and brand_id in (select brand_id from disruption_page)`;
  return sql`
    with disruption_links as (
      select l.brand_id, l.disclosed_at, ${SUPPLIER_PARTICIPANT[q.by]} as participant,
             case when ${known} then ${weight} end as weight, ${removedFacility(q.removal)} as removed
      from (${brandLinks(q.brandIds, q.asOf)}) l join facility f on f.id = l.facility_id
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
      from disruption_brands where facilities_lost > 0 or ${q.includeUnaffected}
    ),
    disruption_page as (select * from disruption_ranked where rank <= ${q.first})
    select t.total_count as "totalCount", p.brand_id as "brandId", p.rank, p.disclosed_at as "disclosedAt", p.facilities, p.facilities_lost as "facilitiesLost",
           p.unknown as "unknownCapacity", p.unknown_lost as "unknownCapacityLost", p.capacity, p.capacity_lost as "capacityLost", p.lost_share as "capacityLostShare", m.*
    from (select count(*)::int as total_count from disruption_ranked) t
    left join disruption_page p on true
    left join (${concentration(remaining, { k: q.k, top: q.top })}) m on m.market = p.brand_id
    order by p.rank`;
}

/** Brands ranked by their exposure to R, the first `first` with the concentration of what remains of each. */
export async function brandDisruptions(em: EntityManager, q: BrandDisruptionQuery): Promise<BrandDisruptions> {
  const rows = await queryRows<BrandDisruptionRow>(em, brandDisruptionSql(q));
  return {
    totalCount: rows[0]?.totalCount ?? 0,
    nodes: rows
      .filter((r): r is BrandDisruptionRow & { brandId: number } => r.brandId !== null)
      .map(
        ({
          totalCount: _count,
          brandId,
          rank,
          disclosedAt,
          facilities,
          facilitiesLost,
          capacity,
          capacityLost,
          capacityLostShare,
          unknownCapacity,
          unknownCapacityLost,
          ...metrics
        }) => ({
          brandId: Number(brandId),
          scenario: { asOf: q.asOf, weight: q.weight, countries: q.removal.countries },
          rank,
          disclosedAt,
          facilities,
          facilitiesLost,
          capacity,
          capacityLost,
          capacityLostShare,
          unknownCapacity,
          unknownCapacityLost,
          remaining: toConcentration(metricsOf(metrics), null, q.guidelines, q.k, SUPPLIER_PARTICIPANTS[q.by]),
        }),
      ),
  };
}
