import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';
import { brandLinks, brandWeights, FACILITY_WEIGHT } from './brand-market.sql';
import type { ConcentrationRow } from './concentration.result';
import { concentration, type ConcentrationCuts } from './concentration.sql';
import type { CapacityWeight, SupplierDimension } from './supplier-concentration.types';

/** Brands' supplier markets: what they are split by and weighed with, and at which date they are read. */
export interface SupplierMarketArgs extends ConcentrationCuts {
  by: SupplierDimension;
  weight: CapacityWeight;
  asOf: string | null;
}

/** One brand's supplier market. */
export interface SupplierMarket {
  brandId: number;
  /** The disclosure date read (null: the brand has no disclosure by then, whatever date was asked). */
  asOf: string | null;
  /** Facilities of that disclosure whose weight is unknown (left out). */
  unknownCapacity: number;
  /** The market's figures; undefined when no facility of known weight is left. */
  row: ConcentrationRow | undefined;
}

type SupplierMarketRow = Partial<ConcentrationRow> & { brandId: number; asOf: string; unknownCapacity: number };

/**
 * Supplier concentration of many brands in one statement: the metrics, the disclosure date read and the
 * count of facilities whose weight is unknown. A brand's market at date d = the facilities linked to it at
 * d, weighed by the workers that disclosure gave (else the facility's latest figure), by count, or by the
 * disclosed volume or value; d is each brand's latest disclosure on or before `asOf` (its latest of all
 * when `asOf` is null). A brand without links by then has no row.
 */
export async function supplierMarkets(em: EntityManager, brandIds: readonly number[], q: SupplierMarketArgs): Promise<SupplierMarket[]> {
  const rows = await queryRows<SupplierMarketRow>(
    em,
    sql`
      with brand_links as (${brandLinks(brandIds, q.asOf)}),
      metrics as (${concentration(brandWeights(sql`select * from brand_links`, q.by, q.weight), q)}),
      meta as (
        select l.brand_id, to_char(max(l.disclosed_at), 'YYYY-MM-DD') as as_of,
               (count(*) filter (where not (${FACILITY_WEIGHT[q.weight].known})))::int as unknown
        from brand_links l group by l.brand_id
      )
      select meta.brand_id as "brandId", meta.as_of as "asOf", meta.unknown as "unknownCapacity", metrics.*
      from meta left join metrics on metrics.market = meta.brand_id`,
  );
  return rows.map(({ brandId, asOf, unknownCapacity, ...row }) => ({
    brandId: Number(brandId),
    asOf,
    unknownCapacity: Number(unknownCapacity),
    row: row.n == null ? undefined : (row as ConcentrationRow),
  }));
}
