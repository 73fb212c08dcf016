import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Brand } from '../brand/brand.entity';
import { toConcentration } from './concentration.result';
import { ParticipantKind } from './concentration.types';
import { CapacityWeight, SupplierConcentration, SupplierDimension } from './supplier-concentration.types';

const SUPPLIER_PARTICIPANTS: Record<SupplierDimension, ParticipantKind> = {
  FACILITY: ParticipantKind.FACILITY,
  MANUFACTURER: ParticipantKind.MANUFACTURER,
  COUNTRY: ParticipantKind.COUNTRY,
};
import { checkConcentrationArgs, ConcentrationOptions } from './trade-concentration.resolver';

@Resolver(() => Brand)
export class BrandConcentrationResolver {
  @FieldResolver(() => SupplierConcentration, {
    description:
      "Concentration of the brand's suppliers at a disclosure date, by FACILITY, MANUFACTURER or COUNTRY, weighted by capacity (workers, exact or range midpoint) or by count. Batched: one statement for all brands of a query.",
  })
  async supplierConcentration(
    @Root() brand: Brand,
    @Arg('by', () => SupplierDimension, { defaultValue: SupplierDimension.COUNTRY, description: 'Participants: facilities, manufacturers or countries.' }) by: SupplierDimension,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' }) weight: CapacityWeight,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: "Read the brand's latest disclosure on or before this date; default its latest disclosure." }) asOf: string | null,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupplierConcentration> {
    checkConcentrationArgs(k, top);
    const market = await ctx.loaders.supplierConcentration.with({ by, weight, asOf: asOf ?? null, k, top }).load(brand.id);
    return { ...toConcentration(market.row, null, guidelines, k, SUPPLIER_PARTICIPANTS[by]), asOf: market.asOf, unknownCapacity: market.unknownCapacity };
  }
}
