import { Arg, Ctx, FieldResolver, Float, ID, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { Country } from '../country/country.entity';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { checkThreshold, INDICATOR_DATASET_DESCRIPTION } from './indicators.args';
import { TradeCounts } from './profile.types';

@Resolver(() => Country)
export class CountryTradeCountsResolver {
  @FieldResolver(() => TradeCounts, {
    description:
      "The country's partner and HS-6 product counts in a year: those whose trade with it is above the threshold ([partner and product counts](/docs/metrics#partner-and-product-counts)). Batched: one statement for every country of the query.",
  })
  async tradeCounts(
    @Root() country: Country,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('threshold', () => Float, { defaultValue: 0, description: 'Count those with value strictly above this, USD (≥ 0).' })
    threshold: number,
    @Arg('dataset', () => ID, { nullable: true, description: INDICATOR_DATASET_DESCRIPTION }) datasetId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TradeCounts> {
    checkYear(year, 'year');
    checkThreshold(threshold);
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const row = await ctx.loaders.profile.counts.with({ datasetId: dataset.id, mixed: dataset.mixed, year, threshold }).load(country.id);
    return { threshold, exportPartners: 0, importPartners: 0, exportProducts: 0, importProducts: 0, ...row };
  }
}
