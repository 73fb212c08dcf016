import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { Dataset } from './dataset.entity';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: 'Every loaded dataset with its provenance, newest import first.' })
  datasets(@Ctx() ctx: GraphQLContext) {
    return ctx.em.find(Dataset, {}, { orderBy: { importedAt: 'desc', id: 'desc' } });
  }

  @Query(() => Dataset, { nullable: true, description: 'One dataset by id; null when no such dataset.' })
  dataset(@Arg('id', () => ID, { description: 'Dataset id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.dataset.load(parseNumericId(id, 'id', 'dataset'));
  }
}
