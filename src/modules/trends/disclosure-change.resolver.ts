import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { NESTED_FIRST_DESCRIPTION, nestedLimit } from '../../graphql/nested';
import { Brand } from '../brand/brand.entity';
import { loadSupplierConcentration } from '../concentration/supplier-concentration';
import { BandGuidelines } from '../concentration/concentration.types';
import { CapacityWeight, SupplierConcentration, SupplierDimension } from '../concentration/supplier-concentration.types';
import { ConcentrationOptions, MAX_TOP } from '../concentration/concentration.args';
import { Facility } from '../facility/facility.entity';
import { deltaHhiPoints, isSignificantIncrease } from '../metrics/concentration';
import { DisclosureChange, type FacilityChange } from './disclosure-change.types';
import { ShareShift } from './share-shift.types';

/** Enough for HHI: no CRk beyond CR5, no top list. */
const HHI_ONLY = { k: 1, top: 0, guidelines: BandGuidelines.DOJ_FTC_2023 };

@Resolver(() => Brand)
export class BrandDisclosureChangeResolver {
  @FieldResolver(() => DisclosureChange, {
    description:
      "How the brand's sourcing changed from its disclosure in force at `from` to the one in force at `to` (each the latest on or before the date): facilities added / dropped / kept, participant shares at both and their shift in percentage points, concentration at both and ΔHHI ([disclosure change](/docs/metrics#disclosure-change)).",
  })
  disclosureChange(
    @Root() brand: Brand,
    @Arg('from', () => GraphQLLocalDate, { description: "d1: the brand's latest disclosure on or before it is the 'before' side." })
    from: string,
    @Arg('to', () => GraphQLLocalDate, {
      nullable: true,
      description: "d2 > d1: the brand's latest disclosure on or before it is the 'after' side; default its latest disclosure.",
    })
    to: string | null,
    @Arg('by', () => SupplierDimension, {
      defaultValue: SupplierDimension.COUNTRY,
      description: 'Participants of the shares and concentrations: facilities, manufacturers or countries.',
    })
    by: SupplierDimension,
    @Arg('weight', () => CapacityWeight, {
      defaultValue: CapacityWeight.CAPACITY,
      description: 'How facilities are weighed in shares and concentrations.',
    })
    weight: CapacityWeight,
  ): DisclosureChange {
    if (to != null && from >= to)
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `from (${from}) must be before to (${to}).`, { argument: 'from', value: from });
    return { brandId: brand.id, from, to: to ?? null, by, weight };
  }
}

@Resolver(() => DisclosureChange)
export class DisclosureChangeResolver {
  @FieldResolver(() => GraphQLLocalDate, {
    nullable: true,
    description:
      "Disclosure date read for `from` (the brand's latest on or before it); null when it has none by then: the before side is empty.",
  })
  fromDate(@Root() change: DisclosureChange, @Ctx() ctx: GraphQLContext) {
    return this.diff(ctx, change).then((d) => d.fromDate);
  }

  @FieldResolver(() => GraphQLLocalDate, {
    nullable: true,
    description:
      "Disclosure date read for `to` (the brand's latest on or before it); null when it has none by then: the after side is empty.",
  })
  toDate(@Root() change: DisclosureChange, @Ctx() ctx: GraphQLContext) {
    return this.diff(ctx, change).then((d) => d.toDate);
  }

  @FieldResolver(() => Int, { description: 'Facilities linked at toDate and not at fromDate.' })
  added(@Root() change: DisclosureChange, @Ctx() ctx: GraphQLContext) {
    return this.diff(ctx, change).then((d) => d.added);
  }

  @FieldResolver(() => Int, { description: 'Facilities linked at fromDate and not at toDate.' })
  dropped(@Root() change: DisclosureChange, @Ctx() ctx: GraphQLContext) {
    return this.diff(ctx, change).then((d) => d.dropped);
  }

  @FieldResolver(() => Int, { description: 'Facilities linked at both dates.' })
  kept(@Root() change: DisclosureChange, @Ctx() ctx: GraphQLContext) {
    return this.diff(ctx, change).then((d) => d.kept);
  }

  @FieldResolver(() => [Facility], { description: 'The facilities added (first ones by id).' })
  addedFacilities(
    @Root() change: DisclosureChange,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.facilities(ctx, change, 'ADDED', first);
  }

  @FieldResolver(() => [Facility], { description: 'The facilities dropped (first ones by id).' })
  droppedFacilities(
    @Root() change: DisclosureChange,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.facilities(ctx, change, 'DROPPED', first);
  }

  @FieldResolver(() => [Facility], { description: 'The facilities kept (first ones by id).' })
  keptFacilities(
    @Root() change: DisclosureChange,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.facilities(ctx, change, 'KEPT', first);
  }

  @FieldResolver(() => [ShareShift], {
    description:
      'Participants (of `by`) among the `top` largest at either date: weight and share s_p = w_p / W at both, shift in percentage points = 100 × (after − before), ranks and rank change; by rank after, then rank before.',
  })
  async shares(
    @Root() change: DisclosureChange,
    @Arg('top', () => Int, {
      defaultValue: 100,
      description: `Follow the participants among this many largest at either date (0–${MAX_TOP}).`,
    })
    top: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ShareShift[]> {
    if (!Number.isInteger(top) || top < 0 || top > MAX_TOP)
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `top must be 0–${MAX_TOP} (got ${top}).`, { argument: 'top' });
    const { brandId, by, weight, from, to } = change;
    return ctx.loaders.disclosureShares.with({ from, to, by, weight, top }).load(brandId);
  }

  @FieldResolver(() => SupplierConcentration, {
    description:
      "Concentration of the brand's suppliers (by `by`, weighed by `weight`) at fromDate; participants 0 and null metrics when the side is empty.",
  })
  concentrationBefore(
    @Root() change: DisclosureChange,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.side(ctx, change, change.from, options);
  }

  @FieldResolver(() => SupplierConcentration, {
    description:
      "Concentration of the brand's suppliers (by `by`, weighed by `weight`) at toDate; participants 0 and null metrics when the side is empty.",
  })
  concentrationAfter(
    @Root() change: DisclosureChange,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.side(ctx, change, change.to, options);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'ΔHHI = HHI points at toDate − HHI points at fromDate; null when either side is empty.',
  })
  async deltaHhiPoints(@Root() change: DisclosureChange, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    const [before, after] = await Promise.all([this.side(ctx, change, change.from, HHI_ONLY), this.side(ctx, change, change.to, HHI_ONLY)]);
    return deltaHhiPoints(before.hhiPoints, after.hhiPoints);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Significant increase: the market at toDate is HIGH and ΔHHI > 100 points (2023 Guidelines; > 2,500 and > 200 under the 2010 ones); null when ΔHHI is null.',
  })
  async significantIncrease(
    @Root() change: DisclosureChange,
    @Arg('guidelines', () => BandGuidelines, {
      defaultValue: BandGuidelines.DOJ_FTC_2023,
      description: 'Guidelines whose thresholds apply.',
    })
    guidelines: BandGuidelines,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean | null> {
    const delta = await this.deltaHhiPoints(change, ctx);
    if (delta === null) return null;
    return isSignificantIncrease(delta, (await this.side(ctx, change, change.to, HHI_ONLY)).hhiPoints, guidelines);
  }

  private diff(ctx: GraphQLContext, { brandId, from, to }: DisclosureChange) {
    return ctx.loaders.facilityDiff.with({ from, to }).load(brandId);
  }

  private facilities(ctx: GraphQLContext, { brandId, from, to }: DisclosureChange, change: FacilityChange, first: number | null) {
    return ctx.loaders.changedFacilities.with({ from, to, change, limit: nestedLimit(first) }).load(brandId);
  }

  private side(
    ctx: GraphQLContext,
    { brandId, by, weight }: DisclosureChange,
    asOf: string | null,
    options: ConcentrationOptions,
  ): Promise<SupplierConcentration> {
    return loadSupplierConcentration(ctx, brandId, { by, weight, asOf }, options);
  }
}
