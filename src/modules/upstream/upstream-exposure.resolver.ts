import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { WarningCode } from '../../errors/warning-code';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { warn } from '../../graphql/warnings';
import { Brand } from '../brand/brand.entity';
import { ConcentrationOptions, DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { CapacityWeight } from '../concentration/supplier-concentration.types';
import { Country } from '../country/country.entity';
import { loadUpstreamExposure } from './upstream-exposure';
import { UpstreamExposure, UpstreamOrigin } from './upstream-exposure.types';

@Resolver(() => Brand)
export class BrandUpstreamResolver {
  @FieldResolver(() => UpstreamExposure, {
    description:
      "Upstream (second-tier) exposure ([definition](/docs/metrics#upstream-share)): for each origin country o, U(b, o) = Σ_c a_c · m_{c,o}, a_c = the brand's capacity share in supplier country c, m_{c,o} = c's import share from o of the inputs ([ProductType.inputs](/docs/metrics#input-mapping)) of the product types the brand sources in c, value-weighted over the input codes, in one dataset and year; with the brand's direct share in o next to it, the concentration of U, and the uncovered share (supplier countries without input imports). A country's own production of its inputs is not seen by trade data: U is exposure through imports only. Batched: one statement for all brands of a query.",
  })
  async upstreamExposure(
    @Root() brand: Brand,
    @Arg('year', () => Int, { description: 'Year of the input imports.' }) year: number,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: "Read the brand's latest disclosure on or before this date; default its latest disclosure.",
    })
    asOf: string | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) dataset: string | null,
    @Arg('productType', () => String, {
      nullable: true,
      description:
        'Only the facilities where the brand sources this type (e.g. "FOOTWEAR") and only its inputs; default every type it sources.',
    })
    productType: string | null,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed in a_c.' })
    weight: CapacityWeight,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UpstreamExposure> {
    const exposure = await loadUpstreamExposure(ctx, brand.id, {
      asOf: asOf ?? null,
      year,
      dataset,
      productType,
      weight,
      k,
      top,
      guidelines,
    });
    if (exposure.supplierCountries > 0 && exposure.coveredCountries === 0)
      warn(
        ctx.warnings,
        info,
        WarningCode.NO_MATCHING_ROWS,
        `No supplier country of brand ${brand.id} imports the inputs of its product types in ${year} in dataset ${exposure.dataset.id} ("${exposure.dataset.name}" ${exposure.dataset.version}): every U is 0 and the whole capacity is uncovered, which is no finding of independence.`,
      );
    return exposure;
  }
}

@Resolver(() => UpstreamExposure)
export class UpstreamExposureResolver {
  @FieldResolver(() => [UpstreamOrigin], {
    description:
      'Every origin with U > 0, and every supplier country (with its direct share, U possibly 0): largest U first, ties by country code.',
  })
  origins(
    @Root() exposure: UpstreamExposure,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.upstreamOrigins, 'by U') }) first: number | null,
  ): UpstreamOrigin[] {
    return exposure.allOrigins.slice(0, boundedFirst(first, LIST_BOUNDS.upstreamOrigins));
  }
}

@Resolver(() => UpstreamOrigin)
export class UpstreamOriginResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The origin country (null only if its code is not in the country table).' })
  country(@Root() origin: UpstreamOrigin, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(origin.originCode);
  }
}
