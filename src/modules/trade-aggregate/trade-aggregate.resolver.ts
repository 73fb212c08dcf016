import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkFirst, decodeCursor, offsetPageInfo } from '../../graphql/pagination';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { checkHsLevel } from '../product/hs-code';
import { tradeFlowConditions } from '../trade-flow/trade-flow.query';
import { readTradeAggregate } from './trade-aggregate.sql';
import { AggregateOrder, TradeAggregate, TradeAggregateFilter, TradeDimension } from './trade-aggregate.types';
import { resolveTradeDataset } from '../dataset/trade-dataset';

/** Largest page of aggregate rows (BI tools pull big flat tables). */
export const AGGREGATE_MAX_ROWS = 10_000;

@Resolver(() => TradeAggregate)
export class TradeAggregateResolver {
  @Query(() => TradeAggregate, {
    description:
      'Trade value and quantity summed by any combination of year, exporter, importer, their UN M49 regions and sub-regions, and HS product at level 2/4/6 — flat rows for BI tools, computed in PostgreSQL from ONE dataset. HS roll-up: a code and its own sub-codes are never added together (METRICS.md).',
  })
  async tradeAggregate(
    @Arg('groupBy', () => [TradeDimension], { description: 'Dimensions to group by; an empty list gives one grand-total row.' })
    groupBy: TradeDimension[],
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('hsLevel', () => Int, {
      defaultValue: 6,
      description:
        'HS level products are rolled up to when grouping by PRODUCT (2, 4 or 6); flows reported at a coarser level are left out.',
    })
    hsLevel: number,
    @Arg('filter', () => TradeAggregateFilter, { nullable: true, description: 'Which flows to include.' })
    filter: TradeAggregateFilter | null,
    @Arg('orderBy', () => AggregateOrder, { defaultValue: AggregateOrder.VALUE_DESC, description: 'Row order.' }) orderBy: AggregateOrder,
    @Arg('first', () => Int, { defaultValue: 100, description: `Rows per page (max ${AGGREGATE_MAX_ROWS}).` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page (its endCursor).' }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TradeAggregate> {
    checkHsLevel(hsLevel, 'hsLevel');
    checkFirst(first, AGGREGATE_MAX_ROWS, 'page with `after` instead');
    if (new Set(groupBy).size !== groupBy.length)
      throw new AppError(ErrorCode.INVALID_ARGUMENT, 'groupBy lists a dimension twice.', { argument: 'groupBy' });
    const offset = after ? (decodeCursor(after, 'number') as number) : 0;
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const conditions = filter ? tradeFlowConditions(await ctx.catalog.snapshot(), filter) : [];
    const { mixed } = dataset;
    const query = { datasetId: dataset.id, groupBy, hsLevel, mixedLevels: mixed, conditions, order: orderBy, limit: first + 1, offset };
    const { rows, totalCount } = await readTradeAggregate(ctx.em, query);
    const page = rows.slice(0, first);
    return {
      dataset,
      hsLevel,
      totalCount: totalCount ?? offset,
      pageInfo: offsetPageInfo(offset, page.length, rows.length > first),
      rows: page,
    };
  }
}
