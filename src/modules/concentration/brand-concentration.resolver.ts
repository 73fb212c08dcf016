import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Brand } from '../brand/brand.entity';
import { CapacityWeight, SupplierConcentration, SupplierDimension } from './supplier-concentration.types';
import { ConcentrationOptions } from './concentration.args';
import { loadSupplierConcentration } from './supplier-concentration';

@Resolver(() => Brand)
export class BrandConcentrationResolver {
  @FieldResolver(() => SupplierConcentration, {
    description:
      "Concentration of the brand's suppliers at a disclosure date, by FACILITY, MANUFACTURER or COUNTRY, weighted by capacity (workers, exact or range midpoint) or by count ([supplier concentration](/docs/metrics#supplier-concentration)). Batched: one statement for all brands of a query.",
  })
  supplierConcentration(
    @Root() brand: Brand,
    @Arg('by', () => SupplierDimension, {
      defaultValue: SupplierDimension.COUNTRY,
      description: 'Participants: facilities, manufacturers or countries.',
    })
    by: SupplierDimension,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' })
    weight: CapacityWeight,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: "Read the brand's latest disclosure on or before this date; default its latest disclosure.",
    })
    asOf: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupplierConcentration> {
    return loadSupplierConcentration(ctx, brand.id, { by, weight, asOf: asOf ?? null }, options);
  }
}
