import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { Brand } from '../brand/brand.entity';
import { Country } from '../country/country.entity';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { CapacityWeight } from '../concentration/supplier-concentration.types';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { checkThresholds, UnitValueThresholds } from './unit-value.args';
import { qualitySignalsOf } from './quality-signals';
import { QualitySignal, QualitySignals } from './quality-signals.types';

@Resolver(() => Brand)
export class BrandQualitySignalsResolver {
  @FieldResolver(() => QualitySignals, {
    description:
      "Quality signals of the brand's sourcing ([quality signals](/docs/metrics#quality-signals)): for each HS code its disclosed product types map to (product-type ↔ HS mapping) and each supplier country (capacity share a_c at its latest disclosure on or before asOf), the country's UV = Σx / Σq (flows with q > 0), RUV = UV / UV_world in `year`, its change against year − dropWindow and the drop flag (RUV change < −dropThreshold); and per code the capacity-weighted RUV Σ a_c · RUV_c / Σ a_c and the share of capacity in countries whose RUV dropped. Batched: one statement for all brands of a query.",
  })
  async qualitySignals(
    @Root() brand: Brand,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: "Read the brand's latest disclosure on or before this date; default its latest.",
    })
    asOf: string | null,
    @Arg('year', () => Int, { description: 'Year of the unit values.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed into a_c.' })
    weight: CapacityWeight,
    @Args(() => UnitValueThresholds) thresholds: UnitValueThresholds,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QualitySignals> {
    checkYear(year, 'year');
    checkThresholds(thresholds);
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const window = thresholds.dropWindow;
    const cells = await ctx.loaders.qualitySignals
      .with({ asOf: asOf ?? null, weight, datasetId: dataset.id, mixed: dataset.mixed, year, window })
      .load(brand.id);
    return {
      dataset,
      asOf: cells[0]?.asOf ?? null,
      year,
      window,
      ...qualitySignalsOf(cells, thresholds.dropThreshold, thresholds.coverageThreshold),
    };
  }
}

@Resolver(() => QualitySignal)
export class QualitySignalResolver {
  @FieldResolver(() => Country, { description: 'The supplier country.' })
  country(@Root() row: QualitySignal, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.countryId);
  }
}
