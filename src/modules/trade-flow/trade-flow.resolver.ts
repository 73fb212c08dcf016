import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Country } from '../country/country.entity';
import { Dataset } from '../dataset/dataset.entity';
import { recordDataset } from '../dataset/datasets-used';
import { resolveTradeDatasetIn } from '../dataset/trade-dataset';
import { Product } from '../product/product.entity';
import { TradeFlow } from './trade-flow.entity';
import { TradeFlowFilter } from './trade-flow.input';
import { tradeFlowQuery } from './trade-flow.query';

@ObjectType({ description: 'A page of trade flows, ordered by id.' })
export class TradeFlowConnection extends Connection(TradeFlow, 'TradeFlow') {}

@Resolver(() => TradeFlow)
export class TradeFlowResolver {
  @Query(() => TradeFlow, { nullable: true, description: 'One trade flow by id; null when no such flow.' })
  tradeFlow(@Arg('id', () => ID, { description: 'Trade flow id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    if (!/^\d{1,18}$/.test(String(id))) {
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `id: "${id}" is not a trade flow id (a positive integer).`, {
        argument: 'id',
        value: id,
      });
    }
    return ctx.em.findOne(TradeFlow, { id: String(id) });
  }

  @Query(() => TradeFlowConnection, {
    description:
      'Bilateral trade flows (year, exporter, importer, HS product, USD value, tons), filtered, in id order. For totals by dimension use the aggregate queries rather than paging through flows.',
  })
  async tradeFlows(
    @Arg('filter', () => TradeFlowFilter, { nullable: true, description: 'Optional filters.' }) filter: TradeFlowFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const catalog = await ctx.catalog.snapshot();
    const { qb } = tradeFlowQuery(ctx.em, catalog, filter);
    // The flows of the one dataset named, else of every dataset that holds flows (an export's provenance).
    if (filter?.dataset) recordDataset(ctx, resolveTradeDatasetIn(catalog, filter.dataset, 'filter.dataset'));
    else for (const d of catalog.datasets.filter((d) => d.holdsFlows)) recordDataset(ctx, d);
    return paginate<TradeFlow>(qb, page, { keyProperty: 'id', keyKind: 'string', keyOf: (f) => f.id, maxPageSize: ctx.config.maxPageSize });
  }

  @FieldResolver(() => Dataset, { description: 'The dataset (source release) this flow comes from.' })
  dataset(@Root() flow: TradeFlow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.dataset.load(flow.dataset.unwrap().id);
  }

  @FieldResolver(() => Country, { description: 'Exporting country.' })
  exporter(@Root() flow: TradeFlow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(flow.exporter.unwrap().id);
  }

  @FieldResolver(() => Country, { description: 'Importing country.' })
  importer(@Root() flow: TradeFlow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(flow.importer.unwrap().id);
  }

  @FieldResolver(() => Product, { description: 'HS product, at the level the source reports it.' })
  product(@Root() flow: TradeFlow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(flow.product.unwrap().code);
  }
}
