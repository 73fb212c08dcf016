import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { SUPPLIER_PARTICIPANTS } from '../concentration/concentration.args';
import { toConcentration, type ConcentrationRow } from '../concentration/concentration.result';
import { ParticipantKind } from '../concentration/concentration.types';
import { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';
import { checkConcentrationArgs, ConcentrationOptions, DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { requireProductCode, resolveReporter } from '../concentration/trade-arguments';
import { Country } from '../country/country.entity';
import { Facility } from '../facility/facility.entity';
import { Manufacturer } from '../manufacturer/manufacturer.entity';
import { brandDisruptionSql, type BrandDisruptionRow } from './brand-disruption.sql';
import { BrandDisruptions, DisruptionInput, DisruptionScenario, ImportMarketDisruptions } from './disruption.types';
import { importDisruptionSql, type ImportDisruptionRow } from './import-disruption.sql';
import { requireBrandIds, resolveRemoval } from './removal';
import { checkFirst } from '../../graphql/pagination';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { checkHsLevel } from '../product/hs-code';

/** Default and largest `first` of a ranking. */
export const RANKED_DEFAULT = 20;
export const RANKED_MAX = 500;
const REMOVED_FIRST = (order: string) => firstDescription(LIST_BOUNDS.removal, order);
const FIRST_DESCRIPTION = `How many of the most exposed to list (default ${RANKED_DEFAULT}, max ${RANKED_MAX}).`;
const UNAFFECTED_DESCRIPTION = 'Also rank what R does not touch at all (left out by default), with a lost share of 0.';


/** A market's concentration row, or undefined when nothing remains (the left join found no metrics). */
const metricsOf = (row: Partial<ConcentrationRow>) => (row.n == null ? undefined : (row as ConcentrationRow));

@Resolver(() => DisruptionScenario)
export class DisruptionResolver {
  @Query(() => DisruptionScenario, {
    description:
      'Disruption scenario (METRICS.md): remove a set R of countries and/or manufacturers/facilities, then rank the brands whose capacity is most exposed (`brands`) and the import markets whose supply is most exposed (`importMarkets`), with the concentration of what remains. Every id of R is checked (UNKNOWN_COUNTRY, UNKNOWN_MANUFACTURER, UNKNOWN_FACILITY); an empty R is INVALID_ARGUMENT.',
  })
  async disruptionScenario(@Arg('remove', () => DisruptionInput, { description: 'The set R to remove.' }) remove: DisruptionInput, @Ctx() ctx: GraphQLContext): Promise<DisruptionScenario> {
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

  @FieldResolver(() => [Facility], { description: 'The facilities R names one by one (not those it removes through their country or manufacturer), by id.' })
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
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: "Read each brand's latest disclosure on or before this date; default its latest." }) asOf: string | null,
    @Arg('by', () => SupplierDimension, { defaultValue: SupplierDimension.COUNTRY, description: 'Participants of the remaining concentration.' }) by: SupplierDimension,
    @Arg('weight', () => CapacityWeight, { defaultValue: CapacityWeight.CAPACITY, description: 'How facilities are weighed.' }) weight: CapacityWeight,
    @Arg('brands', () => [ID], { nullable: true, description: 'Only these brands (ids); default every brand.' }) brands: string[] | null,
    @Arg('includeUnaffected', { defaultValue: false, description: UNAFFECTED_DESCRIPTION }) includeUnaffected: boolean,
    @Arg('first', () => Int, { defaultValue: RANKED_DEFAULT, description: FIRST_DESCRIPTION }) first: number,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BrandDisruptions> {
    checkConcentrationArgs(k, top);
    const limit = checkFirst(first, RANKED_MAX);
    const brandIds = brands == null ? null : await requireBrandIds(ctx, brands, 'brands');
    if (brandIds?.length === 0) return { totalCount: 0, nodes: [] };
    const query = brandDisruptionSql({ removal: scenario.removal, asOf: asOf ?? null, by, weight, brandIds, includeUnaffected, first: limit, k, top });
    const rows = await ctx.em.getConnection().execute<BrandDisruptionRow[]>(query.sql, query.params as never[]);
    return {
      totalCount: rows[0]?.total_count ?? 0,
      nodes: rows
        .filter((r) => r.brand_id !== null)
        .map((r) => ({
          brandId: Number(r.brand_id),
          rank: r.rank,
          disclosedAt: r.disclosed_at,
          facilities: r.facilities,
          facilitiesLost: r.facilities_lost,
          capacity: r.capacity,
          capacityLost: r.capacity_lost,
          capacityLostShare: r.lost_share,
          unknownCapacity: r.unknown,
          unknownCapacityLost: r.unknown_lost,
          remaining: toConcentration(metricsOf(r), null, guidelines, k, SUPPLIER_PARTICIPANTS[by]),
        })),
    };
  }

  @FieldResolver(() => ImportMarketDisruptions, {
    description:
      "Import markets ranked by exposure: for each importer and product (HS code at `level`) in `year`, supply lost share = imports from exporters in R / all its imports, and `remaining` = the import-source concentration of the exporters outside R, shares renormalised. No substitution is assumed (nobody makes up the lost supply). Only countries in R affect trade: manufacturers and facilities do not. Markets without imports from R are left out unless includeUnaffected. One SQL statement; HS roll-up and extra-group reading as in importConcentration.",
  })
  async importMarkets(
    @Root() scenario: DisruptionScenario,
    @Arg('year', () => Int, { description: 'Year of the flows (required: it bounds the scan).' }) year: number,
    @Arg('product', () => String, { nullable: true, description: 'HS code (2, 4 or 6 digits): only products under it; default every product.' }) product: string | null,
    @Arg('level', () => Int, { nullable: true, description: "HS level (2, 4 or 6) of the markets' products, not coarser than `product`: default the level of `product`, else 6. Flows reported only coarser than it cannot be split and do not count." })
    level: number | null,
    @Arg('importers', () => [String], { nullable: true, description: 'Only these importers: countries (ISO alpha-3), or groups each read as one importer, extra-group (e.g. "EU27"); default every importer country.' })
    importers: string[] | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('minValue', () => Float, { nullable: true, description: 'Only markets whose imports before are at least this (USD); default every market.' }) minValue: number | null,
    @Arg('includeUnaffected', { defaultValue: false, description: UNAFFECTED_DESCRIPTION }) includeUnaffected: boolean,
    @Arg('first', () => Int, { defaultValue: RANKED_DEFAULT, description: FIRST_DESCRIPTION }) first: number,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportMarketDisruptions> {
    checkYear(year, 'year');
    checkConcentrationArgs(k, top);
    const limit = checkFirst(first, RANKED_MAX);
    const code = product == null ? null : await requireProductCode(ctx, product, 'product');
    const marketLevel = level ?? code?.length ?? 6;
    checkHsLevel(marketLevel, 'level');
    if (marketLevel < (code?.length ?? 2)) {
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `level must not be coarser than product (got ${level} for "${code}").`, { argument: 'level', value: level });
    }
    if (minValue != null && !(minValue >= 0)) throw new AppError(ErrorCode.INVALID_ARGUMENT, `minValue must be 0 or more (got ${minValue}).`, { argument: 'minValue' });
    const reporters = importers == null ? null : await Promise.all([...new Set(importers.map((i) => i.trim().toUpperCase()))].map((i) => resolveReporter(ctx, i, 'importers')));
    const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');
    const result = { dataset, year, level: marketLevel, totalCount: 0, nodes: [] };
    // Only countries in R take supply away: without any, no market is affected.
    if (reporters?.length === 0 || (scenario.removal.countries.length === 0 && !includeUnaffected)) return result;
    const connection = ctx.em.getConnection();
    const { mixed } = await ctx.loaders.flowShape.load(dataset.id);
    const query = importDisruptionSql({
      removedCountries: scenario.removal.countries,
      datasetId: dataset.id,
      mixed,
      year,
      product: code,
      level: marketLevel,
      importers: reporters,
      minValue: minValue ?? 0,
      includeUnaffected,
      first: limit,
      k,
      top,
    });
    const rows = await connection.execute<ImportDisruptionRow[]>(query.sql, query.params as never[]);
    const groups = new Set(reporters?.filter((r) => r.group).map((r) => r.code));
    return {
      ...result,
      totalCount: rows[0]?.total_count ?? 0,
      nodes: rows
        .filter((r) => r.importer_code !== null)
        .map((r) => ({
          rank: r.rank,
          importerCode: r.importer_code!,
          importerIsGroup: groups.has(r.importer_code!),
          productCode: r.product_code,
          imports: r.imports,
          supplyLost: r.supply_lost,
          supplyLostShare: r.lost_share,
          remaining: toConcentration(metricsOf(r), dataset, guidelines, k, ParticipantKind.COUNTRY),
        })),
    };
  }
}
