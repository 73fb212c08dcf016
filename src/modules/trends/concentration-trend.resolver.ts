import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { toConcentration } from '../concentration/concentration.result';
import { checkConcentrationArgs, ConcentrationOptions, TRADE_PARTICIPANTS } from '../concentration/concentration.args';
import { needsProduct, needsReporter, TradeMarketKind } from '../concentration/trade-market-kind';
import { requireProductCode, resolveReporter } from '../concentration/trade-arguments';
import { type TradeReporter } from '../concentration/trade-reporter';
import { checkTrendArgs, ConcentrationTrendArgs, invalidTrendArgument as invalid, MAX_TREND_YEARS } from './concentration-trend.args';
import { trendOfYears } from './concentration-trend';
import { trendShareShifts, yearConcentrations } from './concentration-trend.sql';
import { ConcentrationTrend } from './concentration-trend.types';
import { ShareShift } from './share-shift.types';
import { resolveTradeDataset } from '../dataset/trade-dataset';

@Resolver(() => ConcentrationTrend)
export class ConcentrationTrendResolver {
  @Query(() => ConcentrationTrend, {
    description: `Concentration trend of a trade market ([trends](/docs/metrics#trends)): for each year from fromYear to toYear (at most ${MAX_TREND_YEARS} years) the value W, its YoY growth v_t / v_{t−1} − 1, the concentration and ΔHHI against the year before with the significant-increase test; CAGR (v_b / v_a)^{1/(b−a)} − 1, ΔHHI and share shifts (percentage points, rank changes) between the first and the last year with data. Years without data are listed with null figures, never as 0. One dataset, HS roll-up and extra-group reading as in importConcentration; every year in one statement.`,
  })
  async concentrationTrend(
    @Args(() => ConcentrationTrendArgs) args: ConcentrationTrendArgs,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConcentrationTrend> {
    checkTrendArgs(args);
    checkConcentrationArgs(k, top);
    const { market: kind, fromYear, toYear, participants } = args;
    const trader = await this.reporterOf(ctx, kind, args.reporter ?? null);
    const product = await this.productOf(ctx, kind, args.product ?? null);
    const dataset = await resolveTradeDataset(ctx, args.dataset);
    const { mixed, worldRollup } = dataset;
    const market = {
      kind,
      datasetId: dataset.id,
      mixed,
      worldRollup,
      product,
      reporters: trader?.members ?? null,
      extraGroup: trader?.group ?? false,
    };

    // The year before the range too: the first point's YoY and ΔHHI compare with it.
    const rows = await yearConcentrations(ctx.em, market, { from: fromYear - 1, to: toYear }, { k, top });
    const participantKind = TRADE_PARTICIPANTS[kind];
    const years = rows.map(({ year, row }) => ({ year, concentration: toConcentration(row, dataset, guidelines, k, participantKind) }));
    const trend = trendOfYears(years, fromYear, toYear, guidelines);
    if (trend.cagrFrom === null || trend.cagrTo === null || participants === 0) return { dataset, ...trend, shareShiftsQuery: null };
    return {
      dataset,
      ...trend,
      shareShiftsQuery: { market, from: trend.cagrFrom, to: trend.cagrTo, top: participants, kind: participantKind },
    };
  }

  @FieldResolver(() => [ShareShift], {
    description:
      'Participants among the `participants` largest at a or at b: share at both, shift in percentage points, ranks and rank change (ranks over the whole market); by rank at b, then rank at a. Empty unless two years have data. Computed only when asked for (one statement).',
  })
  async shareShifts(@Root() trend: ConcentrationTrend, @Ctx() ctx: GraphQLContext): Promise<ShareShift[]> {
    return trend.shareShiftsQuery ? trendShareShifts(ctx.em, trend.shareShiftsQuery) : [];
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
