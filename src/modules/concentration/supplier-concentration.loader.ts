import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import type { ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';
import { CapacityWeight, SupplierDimension } from './supplier-concentration.types';

export interface SupplierArgs {
  by: SupplierDimension;
  weight: CapacityWeight;
  asOf: string | null;
  k: number;
  top: number;
}

export interface SupplierMarket {
  brandId: number;
  asOf: string | null;
  unknownCapacity: number;
  row: ConcentrationRow | undefined;
}

const PARTICIPANT: Record<SupplierDimension, string> = {
  FACILITY: 'f.id::text',
  MANUFACTURER: "coalesce(f.manufacturer_id::text, 'facility:' || f.id)",
  COUNTRY: 'f.country_id::text',
};

/**
 * Supplier concentration of many brands in two statements per argument set (metrics, and the count of
 * facilities whose capacity is unknown). A brand's market at date d = the facilities linked to it at d,
 * weighed by the workers that disclosure gave (else the facility's latest figure); d is each brand's
 * latest disclosure on or before `asOf` (its latest of all when `asOf` is null).
 */
export function createSupplierConcentrationLoader(em: EntityManager, args: SupplierArgs) {
  return new DataLoader<number, SupplierMarket>(
    async (brandIds) => {
      const list = placeholders(brandIds.length);
      // Workers as the disclosure of that date gave them, else the facility's latest known figure.
      const links = `select sl.brand_id, sl.facility_id, max(sl.disclosed_at) as disclosed_at,
               coalesce(min(sl.workers_min), min(f.workers_min)) as workers_min, coalesce(max(sl.workers_max), max(f.workers_max)) as workers_max
        from sourcing_link sl join facility f on f.id = sl.facility_id
        where sl.brand_id in (${list})
          and sl.disclosed_at = (select max(x.disclosed_at) from sourcing_link x where x.brand_id = sl.brand_id and x.disclosed_at <= coalesce(?::date, 'infinity'))
        group by sl.brand_id, sl.facility_id`;
      const weight = args.weight === CapacityWeight.COUNT ? '1' : '(l.workers_min + l.workers_max) / 2.0';
      const known = args.weight === CapacityWeight.COUNT ? 'true' : 'l.workers_min is not null';
      const weights = `select l.brand_id as market, ${PARTICIPANT[args.by]} as participant, ${weight} as weight
        from (${links}) l join facility f on f.id = l.facility_id where ${known}`;
      const connection = em.getConnection();
      const rows = await connection.execute<Array<ConcentrationRow & { market: number }>>(concentrationSql(weights, { k: args.k, top: args.top }), [...brandIds, args.asOf]);
      const meta = await connection.execute<Array<{ brand_id: number; as_of: string; unknown: string }>>(
        `select l.brand_id, to_char(max(l.disclosed_at), 'YYYY-MM-DD') as as_of,
                count(*) filter (where l.workers_min is null) as unknown
         from (${links}) l group by l.brand_id`,
        [...brandIds, args.asOf],
      );
      const byBrand = alignOne(brandIds, rows, (r) => Number(r.market));
      const metaByBrand = alignOne(brandIds, meta, (m) => Number(m.brand_id));
      return brandIds.map((brandId, i) => ({
        brandId,
        asOf: metaByBrand[i]?.as_of ?? args.asOf,
        unknownCapacity: args.weight === CapacityWeight.CAPACITY ? Number(metaByBrand[i]?.unknown ?? 0) : 0,
        row: byBrand[i] ?? undefined,
      }));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
