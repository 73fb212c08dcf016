import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { list, sql, type Sql } from '../../database/sql';
import { brandLinks } from './brand-market.sql';
import type { ConcentrationRow } from './concentration.result';
import { concentration, type ConcentrationCuts } from './concentration.sql';
import type { CapacityWeight } from './supplier-concentration.types';

/** Manufacturers' customer markets: how facilities weigh and at which date brands' disclosures are read. */
export interface CustomerMarketArgs extends ConcentrationCuts {
  weight: CapacityWeight;
  asOf: string | null;
}

/** One manufacturer's customer market. */
export interface CustomerMarket {
  manufacturerId: number;
  /** The market's figures; undefined when no facility of known weight is left. */
  row: ConcentrationRow | undefined;
  /** The manufacturer's facilities linked to some brand at the date whose weight is unknown. */
  unknownCapacity: number;
}

type CustomerMarketRow = Partial<ConcentrationRow> & { manufacturerId: number; unknownCapacity: number };

/**
 * How a brand's part of a facility weighs, over `split` rows: CAPACITY = the facility's capacity times the
 * brand's part of it; COUNT = the part alone; VOLUME / VALUE = what the brand disclosed at the facility.
 */
const CUSTOMER_WEIGHT: Record<CapacityWeight, Sql> = {
  CAPACITY: sql`capacity * part`,
  COUNT: sql`part`,
  VOLUME: sql`volume`,
  VALUE: sql`value_usd`,
};

/**
 * Customer concentration of many manufacturers in one statement (METRICS.md, "Sourcing markets").
 * Each brand's market at date d is its latest disclosure on or before d (`brandLinks`, as for a brand's
 * suppliers). A facility of the manufacturer linked to brands at d has one capacity — the mean of the
 * workers figures those disclosures give — split among the brands by their disclosed volumes when every
 * one of them disclosed one, evenly otherwise. Participants are brands; facilities whose weight is unknown
 * are left out and counted. A manufacturer without linked facilities has no row.
 */
export async function customerMarkets(
  em: EntityManager,
  manufacturerIds: readonly number[],
  q: CustomerMarketArgs,
): Promise<CustomerMarket[]> {
  const rows = await queryRows<CustomerMarketRow>(
    em,
    sql`
      with linked as (
        select l.brand_id, l.facility_id, f.manufacturer_id, l.volume, l.value_usd,
               avg((l.workers_min + l.workers_max) / 2.0) over fac as capacity,
               case when bool_and(l.volume is not null) over fac and sum(l.volume) over fac > 0 then l.volume / sum(l.volume) over fac
                    else 1.0 / count(*) over fac end as part
        from (${brandLinks(null, q.asOf)}) l join facility f on f.id = l.facility_id
        where f.manufacturer_id in (${list(manufacturerIds)})
        window fac as (partition by l.facility_id)
      ),
      weighed as (select manufacturer_id, facility_id, brand_id, ${CUSTOMER_WEIGHT[q.weight]} as weight from linked),
      metrics as (${concentration(sql`select manufacturer_id as market, brand_id::text as participant, weight from weighed where weight is not null`, q)}),
      unknown as (select manufacturer_id, (count(distinct facility_id) filter (where weight is null))::int as unknown from weighed group by manufacturer_id)
      select u.manufacturer_id as "manufacturerId", u.unknown as "unknownCapacity", m.* from unknown u left join metrics m on m.market = u.manufacturer_id`,
  );
  return rows.map(({ manufacturerId, unknownCapacity, ...row }) => ({
    manufacturerId: Number(manufacturerId),
    row: row.n == null ? undefined : (row as ConcentrationRow),
    unknownCapacity: Number(unknownCapacity),
  }));
}
