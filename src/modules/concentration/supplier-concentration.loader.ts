import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { placeholders } from '../../database/sql';
import { brandLinksSql, brandWeightsSql, FACILITY_WEIGHT_SQL } from './brand-market.sql';
import type { ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';
import type { GraphQLContext } from '../../graphql/context';
import { checkConcentrationArgs, SUPPLIER_PARTICIPANTS, type ConcentrationOptions } from './concentration.args';
import { toConcentration } from './concentration.result';
import type { CapacityWeight, SupplierConcentration, SupplierDimension } from './supplier-concentration.types';

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
 * Supplier concentration of many brands in one statement per argument set: the metrics, the disclosure
 * date read and the count of facilities whose weight is unknown. A brand's market at date d = the
 * facilities linked to it at d, weighed by the workers that disclosure gave (else the facility's latest
 * figure), by count, or by the disclosed volume or value; d is each brand's latest disclosure on or before
 * `asOf` (its latest of all when `asOf` is null).
 */
export function createSupplierConcentrationLoader(em: EntityManager, args: SupplierArgs) {
  return new DataLoader<number, SupplierMarket>(
    async (brandIds) => {
      const weights = brandWeightsSql('select * from brand_links', args.by, args.weight);
      const sql = `
        with brand_links as (${brandLinksSql(placeholders(brandIds.length))}),
        metrics as (${concentrationSql(weights, { k: args.k, top: args.top })}),
        meta as (
          select l.brand_id, to_char(max(l.disclosed_at), 'YYYY-MM-DD') as as_of,
                 count(*) filter (where not (${FACILITY_WEIGHT_SQL[args.weight].known})) as unknown
          from brand_links l group by l.brand_id
        )
        select meta.brand_id, meta.as_of, meta.unknown, metrics.* from meta left join metrics on metrics.market = meta.brand_id`;
      const rows = await em.getConnection().execute<Array<ConcentrationRow & { brand_id: number; as_of: string; unknown: string }>>(sql, [...brandIds, args.asOf]);
      const byBrand = alignOne(brandIds, rows, (r) => Number(r.brand_id));
      return brandIds.map((brandId, i) => {
        const row = byBrand[i];
        return {
          brandId,
          // No links by then: no disclosure was read (null), whatever date was asked.
          asOf: row?.as_of ?? null,
          unknownCapacity: Number(row?.unknown ?? 0),
          row: row && row.n != null ? row : undefined,
        };
      });
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** A brand's supplier market at its latest disclosure on or before `asOf`, through the request's batched loaders. */
export async function loadSupplierConcentration(
  ctx: GraphQLContext,
  brandId: number,
  market: { by: SupplierDimension; weight: CapacityWeight; asOf: string | null },
  { k, top, guidelines }: ConcentrationOptions,
): Promise<SupplierConcentration> {
  checkConcentrationArgs(k, top);
  const loaded = await ctx.loaders.supplierConcentration.with({ ...market, k, top }).load(brandId);
  return { ...toConcentration(loaded.row, null, guidelines, k, SUPPLIER_PARTICIPANTS[market.by]), asOf: loaded.asOf, unknownCapacity: loaded.unknownCapacity };
}
