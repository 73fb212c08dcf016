import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import { brandLinksSql, brandWeightsSql, FACILITY_WEIGHT_SQL } from './brand-market.sql';
import type { ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';
import type { CapacityWeight, SupplierDimension } from './supplier-concentration.types';

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

/**
 * Supplier concentration of many brands in two statements per argument set (metrics, and the count of
 * facilities whose capacity is unknown). A brand's market at date d = the facilities linked to it at d,
 * weighed by the workers that disclosure gave (else the facility's latest figure); d is each brand's
 * latest disclosure on or before `asOf` (its latest of all when `asOf` is null).
 */
export function createSupplierConcentrationLoader(em: EntityManager, args: SupplierArgs) {
  return new DataLoader<number, SupplierMarket>(
    async (brandIds) => {
      const links = brandLinksSql(placeholders(brandIds.length));
      const weights = brandWeightsSql(links, args.by, args.weight);
      const connection = em.getConnection();
      const rows = await connection.execute<Array<ConcentrationRow & { market: number }>>(concentrationSql(weights, { k: args.k, top: args.top }), [...brandIds, args.asOf]);
      const meta = await connection.execute<Array<{ brand_id: number; as_of: string; unknown: string }>>(
        `select l.brand_id, to_char(max(l.disclosed_at), 'YYYY-MM-DD') as as_of,
                count(*) filter (where not (${FACILITY_WEIGHT_SQL[args.weight].known})) as unknown
         from (${links}) l group by l.brand_id`,
        [...brandIds, args.asOf],
      );
      const byBrand = alignOne(brandIds, rows, (r) => Number(r.market));
      const metaByBrand = alignOne(brandIds, meta, (m) => Number(m.brand_id));
      return brandIds.map((brandId, i) => ({
        brandId,
        // No links by then: no disclosure was read (null), whatever date was asked.
        asOf: metaByBrand[i]?.as_of ?? null,
        unknownCapacity: Number(metaByBrand[i]?.unknown ?? 0),
        row: byBrand[i] ?? undefined,
      }));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
