import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Brand } from '../brand/brand.entity';
import { toConcentration } from './concentration.result';
import { ParticipantKind } from './concentration.types';
import { CapacityWeight, SupplierConcentration, SupplierDimension } from './supplier-concentration.types';
import { checkConcentrationArgs, ConcentrationOptions } from './trade-concentration.resolver';

/** The participants' kind for each supplier dimension. */
export const SUPPLIER_PARTICIPANTS: Record<SupplierDimension, ParticipantKind> = {
  FACILITY: ParticipantKind.FACILITY,
  MANUFACTURER: ParticipantKind.MANUFACTURER,
  COUNTRY: ParticipantKind.COUNTRY,
};

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

@Resolver(() => Brand)
export class BrandConcentrationResolver {
  @FieldResolver(() => SupplierConcentration, {
    description:
      "Concentration of the brand's suppliers at a disclosure date, by FACILITY, MANUFACTURER or COUNTRY, weighted by capacity (workers, exact or range midpoint) or by count. Batched: one statement for all brands of a query.",
  })
  supplierConcentration(
    @Root() brand: Brand,
    @Arg('by', () => SupplierDimension, { defaultValue: SupplierDimension.COUNTRY, description: 'Participants: facilities, manufacturers or countries.' }) by: SupplierDimension,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' }) weight: CapacityWeight,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: "Read the brand's latest disclosure on or before this date; default its latest disclosure." }) asOf: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupplierConcentration> {
    return loadSupplierConcentration(ctx, brand.id, { by, weight, asOf: asOf ?? null }, options);
  }
}
