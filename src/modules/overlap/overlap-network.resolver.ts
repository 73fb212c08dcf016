import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import type { GraphQLContext } from '../../graphql/context';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { AS_OF_DESCRIPTION, checkMinShared, OVERLAP_MAX_NODES, productTypeArgument } from './overlap.args';
import { overlapNetwork } from './overlap-network.sql';
import { OverlapNetwork } from './overlap.types';

@Resolver()
export class OverlapNetworkResolver {
  @Query(() => OverlapNetwork, {
    description: `The network of brands tied by shared factories in a product type ([overlap network](/docs/metrics#overlap-network)): nodes (brands, with their facilities of the type, at most ${OVERLAP_MAX_NODES}) and weighted edges (pairs sharing at least \`minShared\` facilities where both source the type), as flat rows a graph tool or BI reads; GET /csv exports \`pairs\` (the edges) or \`nodes\`. One statement.`,
  })
  async overlapNetwork(
    @Arg('productType', () => String, { nullable: true, description: 'Product type (e.g. "FOOTWEAR"); default facilities of any type.' })
    productType: string | null,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
    @Arg('minShared', () => Int, { defaultValue: 1, description: 'Least shared facilities for an edge (1 or more).' }) minShared: number,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.overlapEdges, 'by shared facilities') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OverlapNetwork> {
    const type = await productTypeArgument(ctx, productType, 'productType');
    const args = {
      asOf: asOf ?? null,
      productType: type,
      minShared: checkMinShared(minShared),
      first: boundedFirst(first, LIST_BOUNDS.overlapEdges),
      maxNodes: OVERLAP_MAX_NODES,
    };
    return { productType: type, asOf: args.asOf, ...(await overlapNetwork(ctx.em, args)) };
  }
}
