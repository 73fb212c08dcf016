import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { nestedLimit, NESTED_FIRST_DESCRIPTION } from '../../graphql/nested';
import { Brand } from '../brand/brand.entity';
import { Facility } from '../facility/facility.entity';
import { RivalOverlap } from './overlap.types';

@Resolver(() => RivalOverlap)
export class RivalOverlapResolver {
  @FieldResolver(() => Brand, { description: 'The rival brand.' })
  async rival(@Root() overlap: RivalOverlap, @Ctx() ctx: GraphQLContext): Promise<Brand> {
    return (await ctx.loaders.brand.load(overlap.rivalId))!;
  }

  @FieldResolver(() => [Facility], { description: 'The shared facilities F_b ∩ F_r, by id.' })
  async facilities(
    @Root() overlap: RivalOverlap,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Facility[]> {
    const found = await ctx.loaders.facility.loadMany(overlap.facilityIds.slice(0, nestedLimit(first)));
    return found.filter((f): f is Facility => f instanceof Facility);
  }
}
