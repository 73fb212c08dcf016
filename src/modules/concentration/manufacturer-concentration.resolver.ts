import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Manufacturer } from '../manufacturer/manufacturer.entity';
import { toConcentration } from './concentration.result';
import { ParticipantKind } from './concentration.types';
import { CapacityWeight, CustomerConcentration } from './supplier-concentration.types';
import { checkConcentrationArgs, ConcentrationOptions } from './concentration.args';

@Resolver(() => Manufacturer)
export class ManufacturerConcentrationResolver {
  @FieldResolver(() => CustomerConcentration, {
    description:
      "Concentration of the manufacturer's customers: participants = brands, weights = the capacity of its facilities linked to each brand at `asOf`, a shared facility's capacity split among its brands (by disclosed volume when every brand gave one, else evenly; [customer concentration](/docs/metrics#customer-concentration)). Batched: one statement for all manufacturers of a query.",
  })
  async customerConcentration(
    @Root() manufacturer: Manufacturer,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: "Each brand's latest disclosure on or before this date counts; default each brand's latest.",
    })
    asOf: string | null,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' })
    weight: CapacityWeight,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CustomerConcentration> {
    checkConcentrationArgs(k, top);
    const market = await ctx.loaders.customerConcentration.with({ weight, asOf: asOf ?? null, k, top }).load(manufacturer.id);
    return {
      ...toConcentration(market.row, null, guidelines, k, ParticipantKind.BRAND),
      asOf: asOf ?? null,
      unknownCapacity: market.unknownCapacity,
    };
  }
}
