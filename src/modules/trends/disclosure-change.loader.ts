import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, alignOne, LoaderFamily, listByParent, MAX_BATCH } from '../../graphql/loader-utils';
import { placeholders } from '../../database/sql';
import { brandLinksSql, brandWeightsSql } from '../concentration/brand-market.sql';
import type { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import { Facility } from '../facility/facility.entity';
import type { FacilityChange } from './disclosure-change.types';
import { shareShiftsSql, type ShareShiftRow } from './share-shift.sql';

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

/**
 * Every facility of the brands at either side, as (brand_id, facility_id, from_date, to_date, change).
 * Bindings: the brand ids, `from`, the brand ids, `to`.
 */
function facilityChangesSql(brandList: string): string {
  return `select coalesce(a.brand_id, b.brand_id) as brand_id, coalesce(a.facility_id, b.facility_id) as facility_id,
           b.disclosed_at as from_date, a.disclosed_at as to_date,
           case when b.facility_id is null then 'ADDED' when a.facility_id is null then 'DROPPED' else 'KEPT' end as change
    from (${brandLinksSql(brandList)}) b full join (${brandLinksSql(brandList)}) a on a.brand_id = b.brand_id and a.facility_id = b.facility_id`;
}

const pairParams = (brandIds: readonly number[], { from, to }: DisclosurePair) => [...brandIds, from, ...brandIds, to];

/** Facilities added, dropped and kept by many brands, with the dates read, in one statement. */
export function createFacilityDiffLoader(em: EntityManager, pair: DisclosurePair) {
  return new DataLoader<number, FacilityDiff>(
    async (brandIds) => {
      const rows = await em.getConnection().execute<Array<{ brand_id: number; from_date: string | null; to_date: string | null; added: string; dropped: string; kept: string }>>(
        `select brand_id, to_char(max(from_date), 'YYYY-MM-DD') as from_date, to_char(max(to_date), 'YYYY-MM-DD') as to_date,
                count(*) filter (where change = 'ADDED') as added, count(*) filter (where change = 'DROPPED') as dropped,
                count(*) filter (where change = 'KEPT') as kept
         from (${facilityChangesSql(placeholders(brandIds.length))}) d group by brand_id`,
        pairParams(brandIds, pair),
      );
      return alignOne(brandIds, rows, (r) => Number(r.brand_id)).map((r) => ({
        fromDate: r?.from_date ?? null,
        toDate: r?.to_date ?? null,
        added: Number(r?.added ?? 0),
        dropped: Number(r?.dropped ?? 0),
        kept: Number(r?.kept ?? 0),
      }));
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** The facilities of one kind of change (first `limit` by id) of many brands, in one statement per argument set. */
export const createChangedFacilitiesLoader = (em: EntityManager) =>
  new LoaderFamily<DisclosurePair & { change: FacilityChange; limit: number }, number, Facility[]>(({ change, limit, ...pair }) =>
    listByParent<number, Facility>(
      em,
      Facility,
      (list) => `select d.brand_id as __parent, f.* from (
          select brand_id, facility_id, row_number() over (partition by brand_id order by facility_id) as rn
          from (${facilityChangesSql(list)}) c where change = ?
        ) d join facility f on f.id = d.facility_id
        where d.rn <= ? order by d.brand_id, f.id`,
      // listByParent binds the brand ids first: the rest of facilityChangesSql's bindings follow.
      (brandIds) => [pair.from, ...brandIds, pair.to, change, limit],
    ),
  );

/** What the shares of a change are split by, and how many participants to follow from each side. */
export interface ShareArgs extends DisclosurePair {
  by: SupplierDimension;
  weight: CapacityWeight;
  top: number;
}

/** Share shifts of many brands' supplier markets between the two sides, in one statement. */
export function createDisclosureSharesLoader(em: EntityManager, args: ShareArgs) {
  return new DataLoader<number, ShareShiftRow[]>(
    async (brandIds) => {
      const links = brandLinksSql(placeholders(brandIds.length));
      const weights = brandWeightsSql(links, args.by, args.weight);
      const rows = await em.getConnection().execute<ShareShiftRow[]>(shareShiftsSql(weights, weights), [...pairParams(brandIds, args), args.top, args.top]);
      return alignMany(brandIds, rows, (r) => Number(r.market));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
