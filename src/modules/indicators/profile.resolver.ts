import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { checkYear } from '../../graphql/years';
import { Country } from '../country/country.entity';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { growth } from '../metrics/indicators';
import {
  checkThreshold,
  countriesArgument,
  INDICATOR_DATASET_DESCRIPTION,
  MAX_INDICATOR_COUNTRIES,
  warnIndicator,
} from './indicators.args';
import { CountryProfile, ProfileDependencies, ProfileExportStructure, ProfileSourcing, ProfileTrade, TradeCounts } from './profile.types';

const scopeOf = (p: CountryProfile) => ({ datasetId: p.dataset.id, mixed: p.mixed, year: p.year });

@Resolver(() => CountryProfile)
export class CountryProfileResolver {
  @Query(() => [CountryProfile], {
    description:
      'Country profiles in a year ([country profile](/docs/metrics#country-profile)): trade and its growth, the structure and concentration of exports, partner and product counts, strategic dependencies, and the facilities and brands in the country. Each part is computed only when selected, in one statement for every country asked.',
  })
  async countryProfile(
    @Arg('country', () => String, { nullable: true, description: 'Country (ISO alpha-3); or name `countries`.' }) country: string | null,
    @Arg('countries', () => [String], { nullable: true, description: `Countries (ISO alpha-3), 1 to ${MAX_INDICATOR_COUNTRIES}.` })
    countries: string[] | null,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: INDICATOR_DATASET_DESCRIPTION }) datasetId: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CountryProfile[]> {
    checkYear(year, 'year');
    const codes = await countriesArgument(ctx, country, countries, ['country', 'countries']);
    const dataset = await resolveTradeDataset(ctx, datasetId);
    warnIndicator(ctx, info, dataset, 'A country profile (its exports and their structure)', year, false);
    return codes.map((countryId) => ({ countryId, year, dataset, mixed: dataset.mixed }));
  }

  @FieldResolver(() => Country, { description: 'The country.' })
  async country(@Root() p: CountryProfile, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(p.countryId);
  }

  @FieldResolver(() => ProfileTrade, {
    description: 'Exports and imports with their growth over the year before ([YoY growth](/docs/metrics#yoy-growth)).',
  })
  async trade(@Root() p: CountryProfile, @Ctx() ctx: GraphQLContext): Promise<ProfileTrade> {
    const row = await ctx.loaders.profile.totals.with(scopeOf(p)).load(p.countryId);
    const t = row ?? { exports: 0, imports: 0, exportsPrevious: 0, importsPrevious: 0 };
    return { ...t, exportGrowth: growth(t.exports, t.exportsPrevious), importGrowth: growth(t.imports, t.importsPrevious) };
  }

  @FieldResolver(() => ProfileExportStructure, {
    description: 'Largest export destinations and products with shares, and the HHI of each.',
  })
  async exportStructure(
    @Root() p: CountryProfile,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.profileTop, 'by value') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProfileExportStructure> {
    const limit = boundedFirst(first, LIST_BOUNDS.profileTop);
    const rows = await ctx.loaders.profile.shares.with({ ...scopeOf(p), first: limit }).load(p.countryId);
    const of = (kind: 'PARTNER' | 'PRODUCT') => rows.filter((r) => r.kind === kind);
    const share = ({ code, value, share }: (typeof rows)[number]) => ({ code, value, share });
    return {
      partnerHhi: of('PARTNER')[0]?.hhi ?? null,
      productHhi: of('PRODUCT')[0]?.hhi ?? null,
      topPartners: of('PARTNER').map(share),
      topProducts: of('PRODUCT').map(share),
    };
  }

  @FieldResolver(() => TradeCounts, { description: 'Partner and HS-6 product counts above a threshold.' })
  async counts(
    @Root() p: CountryProfile,
    @Arg('threshold', () => Float, { defaultValue: 0, description: 'Count those with value strictly above this, USD (≥ 0).' })
    threshold: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TradeCounts> {
    checkThreshold(threshold);
    const row = await ctx.loaders.profile.counts.with({ ...scopeOf(p), threshold }).load(p.countryId);
    return { threshold, exportPartners: 0, importPartners: 0, exportProducts: 0, importProducts: 0, ...row };
  }

  @FieldResolver(() => ProfileDependencies, { description: 'Strategic dependencies in the year (GeoDep, default thresholds).' })
  async strategicDependencies(@Root() p: CountryProfile, @Ctx() ctx: GraphQLContext): Promise<ProfileDependencies> {
    return (await ctx.loaders.profile.dependencies.with(scopeOf(p)).load(p.countryId)) ?? { productsImported: 0, dependent: 0 };
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'ECI rank: always null here. The ECI needs the eigenvector of the whole year’s country × product matrix, which a profile does not compute; ask Query.complexity for it ([economic complexity](/docs/metrics#economic-complexity)).',
  })
  eciRank(): null {
    return null;
  }

  @FieldResolver(() => ProfileSourcing, {
    description: 'Facilities in the country and the brands sourcing from them (micro data, no dataset).',
  })
  async sourcing(@Root() p: CountryProfile, @Ctx() ctx: GraphQLContext): Promise<ProfileSourcing> {
    return (await ctx.loaders.profile.sourcing.with({}).load(p.countryId)) ?? { facilities: 0, brands: 0 };
  }
}
