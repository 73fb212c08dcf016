import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { placeholders } from '../../database/sql';
import { brandLinksSql } from './brand-market.sql';
import type { ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';
import { CapacityWeight } from './supplier-concentration.types';

export interface CustomerArgs {
  weight: CapacityWeight;
  asOf: string | null;
  k: number;
  top: number;
}

export interface CustomerMarket {
  row: ConcentrationRow | undefined;
  /** The manufacturer's facilities linked to some brand at the date whose weight is unknown. */
  unknownCapacity: number;
}

/**
 * How a brand's part of a facility weighs, over `split` rows: CAPACITY = the facility's capacity times the
 * brand's part of it; COUNT = the part alone; VOLUME / VALUE = what the brand disclosed at the facility.
 */
const CUSTOMER_WEIGHT_SQL: Record<CapacityWeight, string> = {
  CAPACITY: 'capacity * part',
  COUNT: 'part',
  VOLUME: 'volume',
  VALUE: 'value_usd',
};

/**
 * Customer concentration of many manufacturers in one statement (METRICS.md, "Sourcing markets").
 * Each brand's market at date d is its latest disclosure on or before d (`brandLinksSql`, as for a
 * brand's suppliers). A facility of the manufacturer linked to brands at d has one capacity — the mean
 * of the workers figures those disclosures give — split among the brands by their disclosed volumes
 * when every one of them disclosed one, evenly otherwise. Participants are brands; facilities whose
 * weight is unknown are left out and counted.
 */
export function createCustomerConcentrationLoader(em: EntityManager, args: CustomerArgs) {
  return new DataLoader<number, CustomerMarket>(
    async (manufacturerIds) => {
      const weight = CUSTOMER_WEIGHT_SQL[args.weight];
      const sql = `
        with linked as (
          select l.brand_id, l.facility_id, f.manufacturer_id, l.volume, l.value_usd,
                 avg((l.workers_min + l.workers_max) / 2.0) over fac as capacity,
                 case when bool_and(l.volume is not null) over fac and sum(l.volume) over fac > 0 then l.volume / sum(l.volume) over fac
                      else 1.0 / count(*) over fac end as part
          from (${brandLinksSql(null)}) l join facility f on f.id = l.facility_id
          where f.manufacturer_id in (${placeholders(manufacturerIds.length)})
          window fac as (partition by l.facility_id)
        ),
        weighed as (select manufacturer_id, facility_id, brand_id, ${weight} as weight from linked),
        metrics as (${concentrationSql('select manufacturer_id as market, brand_id::text as participant, weight from weighed where weight is not null', { k: args.k, top: args.top })}),
        unknown as (select manufacturer_id, count(distinct facility_id) filter (where weight is null) as unknown from weighed group by manufacturer_id)
        select u.manufacturer_id as id, u.unknown, m.* from unknown u left join metrics m on m.market = u.manufacturer_id`;
      const rows = await em.getConnection().execute<Array<ConcentrationRow & { id: number; unknown: string }>>(sql, [args.asOf, ...manufacturerIds]);
      return alignOne(manufacturerIds, rows, (r) => Number(r.id)).map((r) => ({
        row: r && r.n != null ? r : undefined,
        unknownCapacity: Number(r?.unknown ?? 0),
      }));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
