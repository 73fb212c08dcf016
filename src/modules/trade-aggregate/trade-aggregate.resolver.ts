import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkFirst } from '../../graphql/pagination';
import { selectedFieldNames } from '../../graphql/selection';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { checkHsLevel, parseHsCode } from '../product/hs-code';
import { warn } from '../../graphql/warnings';
import { aggregateLevel, emptyAggregateWarning } from './aggregate-level';
import { tradeFlowConditions } from '../trade-flow/trade-flow.query';
import { decodeAggregateCursor } from './aggregate-cursor';
import { aggregateRollups, restrictingFields } from './aggregate-source';
import { AGGREGATE_DEFAULT_ROWS, AGGREGATE_MAX_ROWS, aggregatePage, streamableFields } from './trade-aggregate.page';
import { AggregateOrder, TradeAggregate, TradeAggregateFilter, TradeDimension } from './trade-aggregate.types';
import { resolveTradeDataset } from '../dataset/trade-dataset';

export { AGGREGATE_MAX_ROWS } from './trade-aggregate.page';

@Resolver(() => TradeAggregate)
export class TradeAggregateResolver {
  @Query(() => TradeAggregate, {
    description:
      'Trade value and quantity summed by any combination of year, exporter, importer, their UN M49 regions and sub-regions, and HS product at level 2/4/6 — flat rows for BI tools, computed in PostgreSQL from ONE dataset. HS roll-up: a code and its own sub-codes are never added together ([HS roll-up](/docs/metrics#hs-roll-up)). Only the sums selected are computed. As GET /csv, every row comes in one streamed request.',
  })
  async tradeAggregate(
    @Arg('groupBy', () => [TradeDimension], { description: 'Dimensions to group by; an empty list gives one grand-total row.' })
    groupBy: TradeDimension[],
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('hsLevel', () => Int, {
      nullable: true,
      description:
        "HS level products are rolled up to (2, 4 or 6); flows reported at a coarser level are left out. Default: grouped by PRODUCT, the dataset's finest level (4 for Comtrade data stored at headings, 6 for BACI); otherwise the length of filter.hsPrefix, or 2 (every flow once, a heading and its own subheadings never added together). A level finer than the dataset has is answered with the warning HS_LEVEL_NOT_IN_DATASET.",
    })
    hsLevel: number | null,
    @Arg('filter', () => TradeAggregateFilter, { nullable: true, description: 'Which flows to include.' })
    filter: TradeAggregateFilter | null,
    @Arg('orderBy', () => AggregateOrder, { defaultValue: AggregateOrder.VALUE_DESC, description: 'Row order.' }) orderBy: AggregateOrder,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Rows per page (default ${AGGREGATE_DEFAULT_ROWS}, max ${AGGREGATE_MAX_ROWS}); GET /csv returns every row whatever the page size (see its limit parameter).`,
    })
    first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page (its endCursor).' })
    after: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TradeAggregate> {
    if (hsLevel != null) checkHsLevel(hsLevel, 'hsLevel');
    if (first != null) checkFirst(first, AGGREGATE_MAX_ROWS, 'page with `after` instead, or stream every row with GET /csv');
    if (new Set(groupBy).size !== groupBy.length)
      throw new AppError(ErrorCode.INVALID_ARGUMENT, 'groupBy lists a dimension twice.', { argument: 'groupBy' });
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const prefix = filter?.hsPrefix ? parseHsCode(filter.hsPrefix, 'filter.hsPrefix') : null;
    const { level, warnings } = aggregateLevel(dataset, groupBy, hsLevel, prefix);
    const identity = { datasetId: dataset.id, groupBy, hsLevel: level, order: orderBy, filter };
    const position = after == null ? null : decodeAggregateCursor(after, identity);
    const conditions = filter ? tradeFlowConditions(await ctx.catalog.snapshot(), filter) : [];
    const { mixed } = dataset;
    const rowFields = selectedFieldNames(info, ['rows']);
    const withTotal = selectedFieldNames(info).has('totalCount');
    const sources = { rollups: aggregateRollups(dataset), filterFields: restrictingFields(filter) };
    const query = {
      datasetId: dataset.id,
      groupBy,
      hsLevel: level,
      mixedLevels: mixed,
      conditions,
      order: orderBy,
      after: position,
      ...sources,
    };
    const stream = ctx.csvStream && streamableFields(rowFields) ? ctx.csvStream : undefined;
    const page = await aggregatePage(ctx.em, {
      ...query,
      identity,
      rowFields,
      withTotal,
      first: first ?? null,
      stream,
    });
    const empty = after == null && !stream ? emptyAggregateWarning(dataset, page.rows, warnings.length > 0) : null;
    for (const w of empty ? [...warnings, empty] : warnings) warn(ctx.warnings, info, w.code, w.message);
    return { dataset, hsLevel: level, ...page };
  }
}
