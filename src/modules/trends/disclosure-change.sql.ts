import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql, type Sql } from '../../database/sql';
import { brandLinks, brandWeights } from '../concentration/brand-market.sql';
import { SUPPLIER_PARTICIPANTS } from '../concentration/concentration.args';
import type { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import type { FacilityChange } from './disclosure-change.types';
import { readShareShifts } from './share-shift.sql';
import type { ShareShift } from './share-shift.types';

/** The two dates of a change: each brand's latest disclosure on or before each counts (`to` null = its latest). */
export interface DisclosurePair {
  from: string;
  to: string | null;
}

/** What changed in one brand's facilities, and the disclosure dates read (null = none by then). */
export interface FacilityDiff {
  fromDate: string | null;
  toDate: string | null;
  added: number;
  dropped: number;
  kept: number;
}

/** Every facility of the brands at either side, as (brand_id, facility_id, from_date, to_date, change). */
function facilityChanges(brandIds: readonly number[], { from, to }: DisclosurePair): Sql {
  return sql`select coalesce(a.brand_id, b.brand_id) as brand_id, coalesce(a.facility_id, b.facility_id) as facility_id,
           b.disclosed_at as from_date, a.disclosed_at as to_date,
           case when b.facility_id is null then 'ADDED' when a.facility_id is null then 'DROPPED' else 'KEPT' end as change
    from (${brandLinks(brandIds, from)}) b full join (${brandLinks(brandIds, to)}) a on a.brand_id = b.brand_id and a.facility_id = b.facility_id`;
}

/** Facilities added, dropped and kept by many brands, with the dates read, in one statement (no row for a brand with no facility at either side). */
export function facilityDiffs(
  em: EntityManager,
  brandIds: readonly number[],
  pair: DisclosurePair,
): Promise<Array<FacilityDiff & { brandId: number }>> {
  return queryRows<FacilityDiff & { brandId: number }>(
    em,
    sql`select brand_id as "brandId", to_char(max(from_date), 'YYYY-MM-DD') as "fromDate", to_char(max(to_date), 'YYYY-MM-DD') as "toDate",
               (count(*) filter (where change = 'ADDED'))::int as added, (count(*) filter (where change = 'DROPPED'))::int as dropped,
               (count(*) filter (where change = 'KEPT'))::int as kept
        from (${facilityChanges(brandIds, pair)}) d group by brand_id`,
  );
}

/** Which facilities of a change to list: one kind of change, the first `limit` of each brand by id. */
export interface ChangedFacilitiesArgs extends DisclosurePair {
  change: FacilityChange;
  limit: number;
}

/** The statement of `listByParent` listing the changed facilities (full facility rows, `__parent` = the brand) of many brands. */
export function changedFacilities(brandIds: readonly number[], { change, limit, ...pair }: ChangedFacilitiesArgs): Sql {
  return sql`select d.brand_id as __parent, f.* from (
      select brand_id, facility_id, row_number() over (partition by brand_id order by facility_id) as rn
      from (${facilityChanges(brandIds, pair)}) c where change = ${change}
    ) d join facility f on f.id = d.facility_id
    where d.rn <= ${limit} order by d.brand_id, f.id`;
}

/** What the shares of a change are split by, and how many participants to follow from each side. */
export interface ShareArgs extends DisclosurePair {
  by: SupplierDimension;
  weight: CapacityWeight;
  top: number;
}

/** Share shifts of many brands' supplier markets between the two sides, in one statement, with the brand each belongs to. */
export async function disclosureShares(
  em: EntityManager,
  brandIds: readonly number[],
  q: ShareArgs,
): Promise<Array<{ brandId: number; shift: ShareShift }>> {
  const side = (asOf: string | null) => brandWeights(brandLinks(brandIds, asOf), q.by, q.weight);
  const shifts = await readShareShifts(em, { before: side(q.from), after: side(q.to), top: q.top, kind: SUPPLIER_PARTICIPANTS[q.by] });
  return shifts.map(({ market, shift }) => ({ brandId: Number(market), shift }));
}
