import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkFirst, decodeCursor, encodeCursor } from '../../graphql/pagination';
import { checkYearRange } from '../../graphql/years';
import { parseHsCode } from '../product/hs-code';
import { boundInList } from '../../database/sql';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { hsPrefixSql } from '../trade-flow/hs-rollup.sql';
import { sideCountries } from '../trade-flow/trade-flow.query';
import { tradeAggregateSql } from './trade-aggregate.sql';
import { AggregateOrder, TradeAggregate, TradeAggregateFilter, TradeDimension } from './trade-aggregate.types';
import { checkHsLevel } from '../product/hs-code';

/** Largest page of aggregate rows (BI tools pull big flat tables). */
export const AGGREGATE_MAX_ROWS = 10_000;

@Resolver(() => TradeAggregate)
export class TradeAggregateResolver {
  @Query(() => TradeAggregate, {
    description:
      'Trade value and quantity summed by any combination of year, exporter, importer, their UN M49 regions and sub-regions, and HS product at level 2/4/6 — flat rows for BI tools, computed in PostgreSQL from ONE dataset. HS roll-up: a code and its own sub-codes are never added together (METRICS.md).',
  })
  async tradeAggregate(
    @Arg('groupBy', () => [TradeDimension], { description: 'Dimensions to group by; an empty list gives one grand-total row.' }) groupBy: TradeDimension[],
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('hsLevel', () => Int, { defaultValue: 6, description: 'HS level products are rolled up to when grouping by PRODUCT (2, 4 or 6); flows reported at a coarser level are left out.' }) hsLevel: number,
    @Arg('filter', () => TradeAggregateFilter, { nullable: true, description: 'Which flows to include.' }) filter: TradeAggregateFilter | null,
    @Arg('orderBy', () => AggregateOrder, { defaultValue: AggregateOrder.VALUE_DESC, description: 'Row order.' }) orderBy: AggregateOrder,
    @Arg('first', () => Int, { defaultValue: 100, description: `Rows per page (max ${AGGREGATE_MAX_ROWS}).` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page (its endCursor).' }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TradeAggregate> {
    checkHsLevel(hsLevel, 'hsLevel');
    checkFirst(first, AGGREGATE_MAX_ROWS, 'page with `after` instead');
    if (new Set(groupBy).size !== groupBy.length) throw new AppError(ErrorCode.INVALID_ARGUMENT, 'groupBy lists a dimension twice.', { argument: 'groupBy' });
    const offset = after ? (decodeCursor(after, 'number') as number) : 0;
    const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');

    const where: string[] = [];
    const params: unknown[] = [];
    checkYearRange(filter?.yearFrom, filter?.yearTo, 'filter.yearFrom', 'filter.yearTo');
    if (filter?.yearFrom != null) (where.push('f.year >= ?'), params.push(filter.yearFrom));
    if (filter?.yearTo != null) (where.push('f.year <= ?'), params.push(filter.yearTo));
    for (const side of ['exporter', 'importer'] as const) {
      const ids = filter ? await sideCountries(ctx.em, filter, side) : undefined;
      if (ids === undefined) continue;
      const condition = boundInList(`f.${side}_id`, ids);
      where.push(condition.sql);
      params.push(...condition.params);
    }
    if (filter?.hsPrefix) {
      const prefix = hsPrefixSql('f.product_code', parseHsCode(filter.hsPrefix, 'filter.hsPrefix'));
      where.push(prefix.sql);
      params.push(...prefix.params);
    }

    const connection = ctx.em.getConnection();
    const { mixed } = await ctx.loaders.flowShape.load(dataset.id);
    const { sql, params: all } = tradeAggregateSql({ datasetId: dataset.id, groupBy, hsLevel: hsLevel as 2 | 4 | 6, mixedLevels: mixed, where, params, order: orderBy, limit: first + 1, offset });
    const result: Array<Record<string, unknown>> = await connection.execute(sql, all as never[]);
    const page = result.slice(0, first);
    const num = (v: unknown) => (v == null ? null : Number(v));
    return {
      dataset,
      hsLevel,
      totalCount: result.length ? Number(result[0].total_count) : offset,
      pageInfo: {
        hasNextPage: result.length > first,
        hasPreviousPage: offset > 0,
        startCursor: page.length ? encodeCursor(offset) : null,
        endCursor: page.length ? encodeCursor(offset + page.length) : null,
      },
      rows: page.map((r) => ({
        year: num(r.year),
        exporterId: (r.exporter_id as string | undefined)?.trim() ?? null,
        importerId: (r.importer_id as string | undefined)?.trim() ?? null,
        exporterRegion: (r.exporter_region as string | undefined) ?? null,
        importerRegion: (r.importer_region as string | undefined) ?? null,
        exporterSubRegion: (r.exporter_sub_region as string | undefined) ?? null,
        importerSubRegion: (r.importer_sub_region as string | undefined) ?? null,
        productCode: (r.product_code as string | undefined) ?? null,
        valueUsd: Number(r.value_usd),
        quantityTons: num(r.quantity_tons),
        flowsWithQuantity: Number(r.flows_with_quantity),
        flowCount: Number(r.flow_count),
      })),
    };
  }
}
