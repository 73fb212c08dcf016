import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { checkYear } from '../../graphql/years';
import { checkConcentrationArgs, ConcentrationOptions, DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import { requireProductCode } from '../concentration/trade-arguments';
import { Country } from '../country/country.entity';
import { Facility } from '../facility/facility.entity';
import { Manufacturer } from '../manufacturer/manufacturer.entity';
import { brandDisruptions } from './brand-disruption.sql';
import { marketLevel, requireBrandIds, resolveImporters, resolveRemoval } from './disruption-arguments';
import { checkRanking, RankingArgs } from './disruption.args';
import { BrandDisruptions, DisruptionInput, DisruptionScenario, ImportMarketDisruptions } from './disruption.types';
import { importDisruptions } from './import-disruption.sql';
import { resolveTradeDataset } from '../dataset/trade-dataset';

const REMOVED_FIRST = (order: string) => firstDescription(LIST_BOUNDS.removal, order);

@Resolver(() => DisruptionScenario)
export class DisruptionResolver {
  @Query(() => DisruptionScenario, {
    description:
      'Disruption scenario ([definitions](/docs/metrics#disruption-scenario)): remove a set R of countries and/or manufacturers/facilities, then rank the brands whose capacity is most exposed (`brands`) and the import markets whose supply is most exposed (`importMarkets`), with the concentration of what remains. Every id of R is checked (UNKNOWN_COUNTRY, UNKNOWN_MANUFACTURER, UNKNOWN_FACILITY); an empty R is INVALID_ARGUMENT.',
  })
  async disruptionScenario(
    @Arg('remove', () => DisruptionInput, { description: 'The set R to remove.' }) remove: DisruptionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DisruptionScenario> {
    return { removal: await resolveRemoval(ctx, remove) };
  }

  @FieldResolver(() => [Country], { description: 'The countries in R (groups expanded to their members), by code.' })
  countries(
    @Root() scenario: DisruptionScenario,
    @Arg('first', () => Int, { nullable: true, description: REMOVED_FIRST('by code') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.country.loadMany(scenario.removal.countries.slice(0, boundedFirst(first, LIST_BOUNDS.removal)));
  }

  @FieldResolver(() => [Manufacturer], { description: 'The manufacturers in R, by id.' })
  manufacturers(
    @Root() scenario: DisruptionScenario,
    @Arg('first', () => Int, { nullable: true, description: REMOVED_FIRST('by id') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.manufacturer.loadMany(scenario.removal.manufacturers.slice(0, boundedFirst(first, LIST_BOUNDS.removal)));
  }

  @FieldResolver(() => [Facility], {
    description: 'The facilities R names one by one (not those it removes through their country or manufacturer), by id.',
  })
  facilities(
    @Root() scenario: DisruptionScenario,
    @Arg('first', () => Int, { nullable: true, description: REMOVED_FIRST('by id') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.facility.loadMany(scenario.removal.facilities.slice(0, boundedFirst(first, LIST_BOUNDS.removal)));
  }

  @FieldResolver(() => BrandDisruptions, {
    description:
      "Brands ranked by exposure. A brand's market = the facilities linked to it in its latest disclosure on or before `asOf` (brands without one are left out); a facility is in R when its country, its manufacturer or itself is removed. Capacity lost share = capacity of its facilities in R / its capacity (facilities of unknown capacity are counted, never weighed); `remaining` = the supplier concentration of the facilities outside R. Brands R does not touch (no facility in R) are left out unless includeUnaffected. One SQL statement.",
  })
  async brands(
    @Root() scenario: DisruptionScenario,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description: "Read each brand's latest disclosure on or before this date; default its latest.",
    })
    asOf: string | null,
    @Arg('by', () => SupplierDimension, {
      defaultValue: SupplierDimension.COUNTRY,
      description: 'Participants of the remaining concentration.',
    })
    by: SupplierDimension,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' })
    weight: CapacityWeight,
    @Arg('brands', () => [ID], { nullable: true, description: 'Only these brands (ids); default every brand.' }) brands: string[] | null,
    @Args(() => RankingArgs) ranking: RankingArgs,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BrandDisruptions> {
    checkConcentrationArgs(k, top);
    const first = checkRanking(ranking);
    const brandIds = brands == null ? null : await requireBrandIds(ctx, brands, 'brands');
    if (brandIds?.length === 0) return { totalCount: 0, nodes: [] };
    return brandDisruptions(ctx.em, {
      removal: scenario.removal,
      asOf: asOf ?? null,
      by,
      weight,
      brandIds,
      includeUnaffected: ranking.includeUnaffected,
      first,
      k,
      top,
      guidelines,
    });
  }

  @FieldResolver(() => ImportMarketDisruptions, {
    description:
      'Import markets ranked by exposure: for each importer and product (HS code at `level`) in `year`, supply lost share = imports from exporters in R / all its imports, and `remaining` = the import-source concentration of the exporters outside R, shares renormalised. No substitution is assumed (nobody makes up the lost supply). Only countries in R affect trade: manufacturers and facilities do not. Markets without imports from R are left out unless includeUnaffected. One SQL statement; HS roll-up and extra-group reading as in importConcentration.',
  })
  async importMarkets(
    @Root() scenario: DisruptionScenario,
    @Arg('year', () => Int, { description: 'Year of the flows (required: it bounds the scan).' }) year: number,
    @Arg('product', () => String, {
      nullable: true,
      description: 'HS code (2, 4 or 6 digits): only products under it; default every product.',
    })
    product: string | null,
    @Arg('level', () => Int, {
      nullable: true,
      description:
        "HS level (2, 4 or 6) of the markets' products, not coarser than `product`: default the level of `product`, else 6. Flows reported only coarser than it cannot be split and do not count.",
    })
    level: number | null,
    @Arg('importers', () => [String], {
      nullable: true,
      description:
        'Only these importers: countries (ISO alpha-3), or groups each read as one importer, extra-group (e.g. "EU27"); default every importer country.',
    })
    importers: string[] | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('minValue', () => Float, {
      nullable: true,
      description: 'Only markets whose imports before are at least this (USD); default every market.',
    })
    minValue: number | null,
    @Args(() => RankingArgs) ranking: RankingArgs,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportMarketDisruptions> {
    checkYear(year, 'year');
    checkConcentrationArgs(k, top);
    const first = checkRanking(ranking);
    const code = product == null ? null : await requireProductCode(ctx, product, 'product');
    const levelOfMarkets = marketLevel(level ?? null, code);
    if (minValue != null && !(minValue >= 0))
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `minValue must be 0 or more (got ${minValue}).`, { argument: 'minValue' });
    const reporters = await resolveImporters(ctx, importers ?? null);
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const result = { dataset, year, level: levelOfMarkets, totalCount: 0, nodes: [] };
    // Only countries in R take supply away: without any, no market is affected.
    if (reporters?.length === 0 || (scenario.removal.countries.length === 0 && !ranking.includeUnaffected)) return result;
    const { mixed } = dataset;
    const ranked = await importDisruptions(ctx.em, {
      removedCountries: scenario.removal.countries,
      dataset,
      mixed,
      year,
      product: code,
      level: levelOfMarkets,
      importers: reporters,
      minValue: minValue ?? 0,
      includeUnaffected: ranking.includeUnaffected,
      first,
      k,
      top,
      guidelines,
    });
    return { ...result, ...ranked };
  }
}
