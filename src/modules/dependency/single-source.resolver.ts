import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { Brand } from '../brand/brand.entity';
import { toConcentration } from '../concentration/concentration.result';
import { BandGuidelines, ConcentrationShare, ParticipantKind } from '../concentration/concentration.types';
import { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import { MAX_TOP } from '../concentration/concentration.args';

@ObjectType({
  description: "A brand's single-source exposure at a disclosure date ([single-source exposure](/docs/metrics#single-source-exposure)).",
})
export class SingleSourceExposure {
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Disclosure date read (the latest on or before `asOf`); null when the brand has none by then.',
  })
  asOf!: string | null;

  @Field(() => Float, { description: 'Share threshold the `aboveThreshold` list uses.' })
  threshold!: number;

  @Field(() => Float, { description: "Total weight of the brand's known-capacity facilities (W)." })
  totalWeight!: number;

  @Field(() => ConcentrationShare, {
    nullable: true,
    description:
      "The largest manufacturer and its share of the brand's capacity (a facility without owner counts as its own manufacturer); null without data.",
  })
  largestManufacturer!: ConcentrationShare | null;

  @Field(() => ConcentrationShare, {
    nullable: true,
    description: "The largest country and its share of the brand's capacity; null without data.",
  })
  largestCountry!: ConcentrationShare | null;

  /** Every participant above the threshold, manufacturers first (listed by `aboveThreshold`, up to its `first`). */
  sharesAboveThreshold!: ConcentrationShare[];

  @Field(() => [ConcentrationShare], {
    description:
      'Every manufacturer and every country whose share is above the threshold, manufacturers first, each by share (largest first).',
  })
  aboveThreshold(
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.aboveThreshold, 'manufacturers first, by share') })
    first: number | null,
  ): ConcentrationShare[] {
    return this.sharesAboveThreshold.slice(0, boundedFirst(first, LIST_BOUNDS.aboveThreshold));
  }

  @Field(() => Int, { description: 'Facilities left out because their capacity is unknown (CAPACITY weight only).' })
  unknownCapacity!: number;
}

@Resolver(() => Brand)
export class SingleSourceResolver {
  @FieldResolver(() => SingleSourceExposure, {
    description:
      "Single-source exposure of the brand: the largest manufacturer's and the largest country's share of its capacity, and the participants above a share threshold (default 20 %). Batched: one statement per dimension (manufacturers, countries) for all brands of a query.",
  })
  async singleSourceExposure(
    @Root() brand: Brand,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: "Read the brand's latest disclosure on or before this date; default its latest.",
    })
    asOf: string | null,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' })
    weight: CapacityWeight,
    @Arg('threshold', () => Float, { defaultValue: 0.2, description: 'List participants whose share is above this (0–1).' })
    threshold: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Omit<SingleSourceExposure, 'aboveThreshold'>> {
    if (!(threshold >= 0 && threshold < 1))
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `threshold must be in [0, 1) (got ${threshold}).`, { argument: 'threshold' });
    const load = (by: SupplierDimension) =>
      ctx.loaders.supplierConcentration.with({ by, weight, asOf: asOf ?? null, k: 1, top: MAX_TOP }).load(brand.id);
    const [manufacturers, countries] = await Promise.all([load(SupplierDimension.MANUFACTURER), load(SupplierDimension.COUNTRY)]);
    const m = toConcentration(manufacturers.row, null, BandGuidelines.DOJ_FTC_2023, 1, ParticipantKind.MANUFACTURER);
    const c = toConcentration(countries.row, null, BandGuidelines.DOJ_FTC_2023, 1, ParticipantKind.COUNTRY);
    return {
      asOf: manufacturers.asOf,
      threshold,
      totalWeight: m.totalWeight,
      largestManufacturer: m.top[0] ?? null,
      largestCountry: c.top[0] ?? null,
      sharesAboveThreshold: [...m.top, ...c.top].filter((s) => s.share > threshold),
      unknownCapacity: manufacturers.unknownCapacity,
    };
  }
}
