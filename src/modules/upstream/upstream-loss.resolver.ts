import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { BandGuidelines } from '../concentration/concentration.types';
import { BrandDisruption } from '../disruption/disruption.types';
import { loadUpstreamExposure } from './upstream-exposure';
import { UpstreamLoss } from './upstream-loss.types';

/** A ranked brand's upstream loss, next to its direct loss: batched over the ranking through the upstream-exposure loader. */
@Resolver(() => BrandDisruption)
export class BrandUpstreamLossResolver {
  @FieldResolver(() => UpstreamLoss, {
    description:
      'Upstream loss ([definition](/docs/metrics#upstream-loss)): Σ_{o ∈ R} U(b, o) over the countries of R, U as in Brand.upstreamExposure at the same disclosure and weight, next to the direct loss through those countries. One statement for the whole ranking.',
  })
  async upstreamLoss(
    @Root() row: BrandDisruption,
    @Arg('year', () => Int, { description: 'Year of the input imports.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) dataset: string | null,
    @Arg('productType', () => String, {
      nullable: true,
      description: 'Only the facilities where the brand sources this type and only its inputs; default every type it sources.',
    })
    productType: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpstreamLoss> {
    const { asOf, weight, countries } = row.scenario;
    // Only the sums are read: no concentration list (top 0).
    const exposure = await loadUpstreamExposure(ctx, row.brandId, {
      asOf,
      year,
      dataset,
      productType,
      weight,
      k: 1,
      top: 0,
      guidelines: BandGuidelines.DOJ_FTC_2023,
    });
    const removed = new Set(countries);
    const inR = exposure.allOrigins.filter((o) => removed.has(o.originCode));
    return {
      dataset: exposure.dataset,
      year,
      upstreamLoss: inR.reduce((s, o) => s + o.upstreamShare, 0),
      directCountryLoss: inR.reduce((s, o) => s + o.directShare, 0),
      uncoveredShare: exposure.uncoveredShare,
    };
  }
}
