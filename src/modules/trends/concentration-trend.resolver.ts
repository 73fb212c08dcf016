import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkYearRange } from '../../graphql/years';
import { toConcentration, type ConcentrationRow } from '../concentration/concentration.result';
import { concentrationSql } from '../concentration/concentration.sql';
import { checkConcentrationArgs, ConcentrationOptions, DATASET_DESCRIPTION, MAX_TOP, TRADE_PARTICIPANTS } from '../concentration/concentration.args';
import { needsProduct, needsReporter, TradeMarketKind } from '../concentration/trade-market-kind';
import { requireProductCode, resolveReporter } from '../concentration/trade-arguments';
import { tradeWeightsSql } from '../concentration/trade-weights.sql';
import { type TradeReporter } from '../concentration/trade-reporter';
import { trendOfYears } from './concentration-trend';
import { ConcentrationTrend } from './concentration-trend.types';
import { shareShiftsSql, toShareShift, type ShareShiftRow } from './share-shift.sql';
import { ShareShift } from './share-shift.types';

/** Longest year range of a trend: bounds the scan and the response. */
export const MAX_TREND_YEARS = 50;

function invalid(argument: string, message: string): AppError {
  return new AppError(ErrorCode.INVALID_ARGUMENT, `${argument}: ${message}`, { argument });
}

@Resolver(() => ConcentrationTrend)
export class ConcentrationTrendResolver {
  @Query(() => ConcentrationTrend, {
    description: `Concentration trend of a trade market (METRICS.md, "Trends"): for each year from fromYear to toYear (at most ${MAX_TREND_YEARS} years) the value W, its YoY growth v_t / v_{t−1} − 1, the concentration and ΔHHI against the year before with the significant-increase test; CAGR (v_b / v_a)^{1/(b−a)} − 1, ΔHHI and share shifts (percentage points, rank changes) between the first and the last year with data. Years without data are listed with null figures, never as 0. One dataset, HS roll-up and extra-group reading as in importConcentration; every year in one statement.`,
  })
  async concentrationTrend(
    @Arg('market', () => TradeMarketKind, { description: 'Which trade market: import sources, world exporters, export destinations or export products.' }) market: TradeMarketKind,
    @Arg('reporter', () => String, { nullable: true, description: 'The importer (IMPORT_SOURCES) or exporter (EXPORT_*) whose trade is split: ISO alpha-3 or a group code (read extra-group). Required except for WORLD_EXPORTERS, which takes none.' })
    reporter: string | null,
    @Arg('product', () => String, { nullable: true, description: 'HS code (2/4/6). Required for IMPORT_SOURCES and WORLD_EXPORTERS; for EXPORT_* optional (the product exported, or the prefix of the HS-6 products), default every product.' })
    product: string | null,
    @Arg('fromYear', () => Int, { description: 'First year of the range.' }) fromYear: number,
    @Arg('toYear', () => Int, { description: `Last year of the range (at most ${MAX_TREND_YEARS} years from fromYear).` }) toYear: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('participants', () => Int, { defaultValue: 10, description: `shareShifts lists the participants among this many largest at either end (0–${MAX_TOP}).` }) participants: number,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConcentrationTrend> {
    checkYearRange(fromYear, toYear, 'fromYear', 'toYear');
    if (toYear - fromYear + 1 > MAX_TREND_YEARS) throw invalid('toYear', `a trend covers at most ${MAX_TREND_YEARS} years (asked ${fromYear}–${toYear}).`);
    if (!Number.isInteger(participants) || participants < 0 || participants > MAX_TOP) {
      throw invalid('participants', `must be 0–${MAX_TOP} (got ${participants}).`);
    }
    checkConcentrationArgs(k, top);
    const trader = await this.reporterOf(ctx, market, reporter);
    const code = await this.productOf(ctx, market, product);
    const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');
    const connection = ctx.em.getConnection();
    const { mixed, worldRollup } = await ctx.loaders.flowShape.load(dataset.id);
    const slice = (years: { from: number; to: number }, marketBy: 'ONE' | 'YEAR') =>
      tradeWeightsSql({ kind: market, datasetId: dataset.id, mixed, worldRollup, years, product: code, reporters: trader?.members ?? null, extraGroup: trader?.group ?? false, marketBy });

    // The year before the range too: the first point's YoY and ΔHHI compare with it.
    const weights = slice({ from: fromYear - 1, to: toYear }, 'YEAR');
    const rows = await connection.execute<Array<ConcentrationRow & { market: number }>>(concentrationSql(weights.sql, { k, top }), weights.params as never[]);
    const kind = TRADE_PARTICIPANTS[market];
    const years = rows.map((row) => ({ year: Number(row.market), concentration: toConcentration(row, dataset, guidelines, k, kind) }));
    const trend = trendOfYears(years, fromYear, toYear, guidelines);
    if (trend.cagrFrom === null || trend.cagrTo === null || participants === 0) return { dataset, ...trend, shareShiftsQuery: null };
    const before = slice({ from: trend.cagrFrom, to: trend.cagrFrom }, 'ONE');
    const after = slice({ from: trend.cagrTo, to: trend.cagrTo }, 'ONE');
    const shareShiftsQuery = { sql: shareShiftsSql(before.sql, after.sql), params: [...before.params, ...after.params, participants, participants], kind };
    return { dataset, ...trend, shareShiftsQuery };
  }

  @FieldResolver(() => [ShareShift], {
    description:
      'Participants among the `participants` largest at a or at b: share at both, shift in percentage points, ranks and rank change (ranks over the whole market); by rank at b, then rank at a. Empty unless two years have data. Computed only when asked for (one statement).',
  })
  async shareShifts(@Root() trend: ConcentrationTrend, @Ctx() ctx: GraphQLContext): Promise<ShareShift[]> {
    const query = trend.shareShiftsQuery;
    if (!query) return [];
    const rows = await ctx.em.getConnection().execute<ShareShiftRow[]>(query.sql, query.params as never[]);
    return rows.map((row) => toShareShift(row, query.kind));
  }

  /** The reporter a market of this kind needs (none for WORLD_EXPORTERS). */
  private async reporterOf(ctx: GraphQLContext, market: TradeMarketKind, reporter: string | null): Promise<TradeReporter | null> {
    if (!needsReporter(market)) {
      if (reporter != null) throw invalid('reporter', `${market} has no reporter (it sums every importer).`);
      return null;
    }
    if (reporter == null) throw invalid('reporter', `${market} needs a reporter (a country or a group).`);
    return resolveReporter(ctx, reporter, 'reporter');
  }

  /** The product a market of this kind needs (optional for EXPORT_*). */
  private async productOf(ctx: GraphQLContext, market: TradeMarketKind, product: string | null): Promise<string | null> {
    if (product == null) {
      if (needsProduct(market)) throw invalid('product', `${market} needs a product (an HS code).`);
      return null;
    }
    return requireProductCode(ctx, product, 'product');
  }
}
