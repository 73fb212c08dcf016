import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { Dataset } from './dataset.entity';
import { defaultTradeDataset } from './trade-dataset';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: 'Every loaded dataset with its provenance, newest import first.' })
  datasets(
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.datasets, 'newest import first') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.em.find(Dataset, {}, { orderBy: { importedAt: 'desc', id: 'desc' }, limit: boundedFirst(first, LIST_BOUNDS.datasets) });
  }

  @Query(() => Dataset, { nullable: true, description: 'One dataset by id; null when no such dataset.' })
  dataset(@Arg('id', () => ID, { description: 'Dataset id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.dataset.load(parseNumericId(id, 'id', 'dataset'));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether trade figures are computed from this dataset when a query names none: the one marked by `npm run datasets -- default <name> [<version>]` (the first BACI or Comtrade dataset loaded is marked so at its load) when it holds trade flows; otherwise the first loaded that holds flows, real data before synthetic. At most one dataset is the default.',
  })
  async isDefault(@Root() dataset: Pick<Dataset, 'id'>, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return defaultTradeDataset(await ctx.catalog.snapshot())?.id === dataset.id;
  }
}
