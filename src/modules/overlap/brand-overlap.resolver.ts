import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import type { GraphQLContext } from '../../graphql/context';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { Brand } from '../brand/brand.entity';
import { CapacityWeight } from '../concentration/supplier-concentration.types';
import { LeakageLevel } from './leakage-exposure.sql';
import { AS_OF_DESCRIPTION, productTypeArgument } from './overlap.args';
import { LeakageExposure, RivalOverlapList } from './overlap.types';

const WEIGHT_DESCRIPTION = 'How facilities are weighed, as in supplier concentration (unknown weights counted apart, never guessed).';

@Resolver(() => Brand)
export class BrandOverlapResolver {
  @FieldResolver(() => RivalOverlapList, {
    description:
      "The brand's overlap with each rival — every other brand with a disclosure in force: shared facilities, same-type shared, overlap share of the brand's capacity, Jaccard ([rival overlap](/docs/metrics#rival-overlap)). Batched: one statement for all brands of a query.",
  })
  async rivalOverlap(
    @Root() brand: Brand,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Arg('productType', () => String, {
      nullable: true,
      description: 'Only facilities where each brand sources this product type (e.g. "FOOTWEAR"); default every facility.',
    })
    productType: string | null,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: WEIGHT_DESCRIPTION }) weight: CapacityWeight,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.rivalOverlaps, 'by shared facilities') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RivalOverlapList> {
    const args = {
      asOf: asOf ?? null,
      productType: await productTypeArgument(ctx, productType, 'productType'),
      weight,
      first: boundedFirst(first, LIST_BOUNDS.rivalOverlaps),
    };
    return ctx.loaders.rivalOverlap.with(args).load(brand.id);
  }

  @FieldResolver(() => LeakageExposure, {
    description:
      "The share of the brand's capacity at facilities (FACILITY) or owned by manufacturers (MANUFACTURER) that also make, for at least one rival, a product type the brand sources there ([leakage exposure](/docs/metrics#leakage-exposure)). Batched: one statement for all brands of a query.",
  })
  async leakageExposure(
    @Root() brand: Brand,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Arg('level', () => LeakageLevel, { defaultValue: LeakageLevel.FACILITY, description: 'Where rivals are looked for.' })
    level: LeakageLevel,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: WEIGHT_DESCRIPTION }) weight: CapacityWeight,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LeakageExposure> {
    const row = await ctx.loaders.leakageExposure.with({ asOf: asOf ?? null, level, weight }).load(brand.id);
    return { ...row, level };
  }
}
