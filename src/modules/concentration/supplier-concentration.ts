import type { GraphQLContext } from '../../graphql/context';
import { checkConcentrationArgs, SUPPLIER_PARTICIPANTS, type ConcentrationOptions } from './concentration.args';
import { toConcentration } from './concentration.result';
import type { CapacityWeight, SupplierConcentration, SupplierDimension } from './supplier-concentration.types';

/*
 * A brand's supplier market resolved on the request context (its batched loaders): what the brand and
 * disclosure-change resolvers call. Kept apart from the loader batch, which the context's loaders import.
 */

/** A brand's supplier market at its latest disclosure on or before `asOf`, through the request's batched loaders. */
export async function loadSupplierConcentration(
  ctx: GraphQLContext,
  brandId: number,
  market: { by: SupplierDimension; weight: CapacityWeight; asOf: string | null },
  { k, top, guidelines }: ConcentrationOptions,
): Promise<SupplierConcentration> {
  checkConcentrationArgs(k, top);
  const loaded = await ctx.loaders.supplierConcentration.with({ ...market, k, top }).load(brandId);
  return {
    ...toConcentration(loaded.row, null, guidelines, k, SUPPLIER_PARTICIPANTS[market.by]),
    asOf: loaded.asOf,
    unknownCapacity: loaded.unknownCapacity,
  };
}
