import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { firstDescription } from '../../graphql/nested';
import { requireProductCode } from '../concentration/trade-arguments';
import { Country } from '../country/country.entity';
import { requireCountries, requireCountry } from '../country/country-code';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { Product } from '../product/product.entity';
import {
  checkRankingArgs,
  checkThresholds,
  checkUnitValuesArgs,
  MAX_UNIT_VALUE_EXPORTERS,
  UnitValuesArgs,
  UnitValueThresholds,
} from './unit-value.args';
import { unitValueCells } from './unit-value.sql';
import { UnitValueRank, UnitValueRanking, UnitValues, UnitValueSeries, UnitValueYear } from './unit-value.types';
import { unitValueAnswer, unitValueRanking } from './unit-values';

@Resolver(() => UnitValues)
export class UnitValuesResolver {
  @Query(() => UnitValues, {
    description: `Unit values of one or several exporters (at most ${MAX_UNIT_VALUE_EXPORTERS}) in one product, per year from fromYear to toYear, from ONE dataset ([unit values](/docs/metrics#unit-values)): UV = Σx / Σq over the flows with a known quantity q > 0 (USD per metric ton; a flow without a quantity never weighs as 0), the world's UV over every exporter, RUV = UV / UV_world, coverage Σ_{q>0} x / Σ x (flagged below coverageThreshold, not hidden), YoY and CAGR of UV and RUV, and drops (RUV_t / RUV_{t−window} − 1 < −dropThreshold). Years without exports are listed with null figures. One statement for every exporter.`,
  })
  async unitValues(
    @Args(() => UnitValuesArgs) args: UnitValuesArgs,
    @Args(() => UnitValueThresholds) thresholds: UnitValueThresholds,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UnitValues> {
    const asked = checkUnitValuesArgs(args);
    checkThresholds(thresholds);
    const catalog = await ctx.catalog.snapshot();
    const exporters = requireCountries(catalog, asked, args.exporters != null ? 'exporters' : 'exporter');
    const importer = args.importer == null ? null : requireCountry(catalog, args.importer, 'importer');
    const product = await requireProductCode(ctx, args.product, 'product');
    const dataset = await resolveTradeDataset(ctx, args.dataset);
    const { fromYear, toYear } = args;
    const cells = await unitValueCells(ctx.em, {
      datasetId: dataset.id,
      mixed: dataset.mixed,
      products: [product],
      // The window's years before the range feed the first years' YoY and drops.
      years: { from: fromYear - thresholds.dropWindow, to: toYear },
      exporters,
      importer,
    });
    const answer = unitValueAnswer(cells, exporters, { from: fromYear, to: toYear }, thresholds);
    return { dataset, productCode: product, importerId: importer, fromYear, toYear, ...answer };
  }

  @FieldResolver(() => Product, { description: 'The product asked.' })
  product(@Root() answer: UnitValues, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(answer.productCode);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The importer asked, if any.' })
  importer(@Root() answer: UnitValues, @Ctx() ctx: GraphQLContext) {
    return answer.importerId === null ? null : ctx.loaders.country.load(answer.importerId);
  }
}

@Resolver(() => Product)
export class ProductUnitValueResolver {
  @FieldResolver(() => UnitValueRanking, {
    description: `The exporters of this product in a year ranked by relative unit value RUV = UV / UV_world, highest first, with UV (USD/t), value, quantity and coverage ([RUV](/docs/metrics#relative-unit-value)). Only flows with q > 0 enter a UV; exporters without one are counted in \`unranked\`. Batched: one statement for every product of the query (per HS level).`,
  })
  async unitValueRanking(
    @Root() product: Product,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('first', () => Int, {
      defaultValue: LIST_BOUNDS.unitValueRanking.default,
      description: firstDescription(LIST_BOUNDS.unitValueRanking, 'by RUV'),
    })
    first: number,
    @Arg('minCoverage', () => Float, {
      nullable: true,
      description: 'Rank only exporters whose coverage is at least this (0–1); default every exporter with a UV.',
    })
    minCoverage: number | null,
    @Arg('coverageThreshold', () => Float, { defaultValue: 0.5, description: 'Rows with coverage below this are flagged `lowCoverage`.' })
    coverageThreshold: number,
    @Arg('importer', () => String, { nullable: true, description: 'Only the flows to this importer (ISO alpha-3).' })
    importerArg: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UnitValueRanking> {
    checkRankingArgs(year, first, minCoverage ?? null);
    checkThresholds({ coverageThreshold, dropThreshold: 0, dropWindow: 1 });
    const importer = importerArg == null ? null : requireCountry(await ctx.catalog.snapshot(), importerArg, 'importer');
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const cells = await ctx.loaders.unitValueRanking
      .with({ datasetId: dataset.id, mixed: dataset.mixed, year, importer })
      .load(product.code);
    return { dataset, year, ...unitValueRanking(cells, first, minCoverage ?? null, coverageThreshold) };
  }
}

// Navigation from unit-value rows to their exporter, batched by the per-request loader.
@Resolver(() => UnitValueYear)
export class UnitValueYearResolver {
  @FieldResolver(() => Country, { description: 'The exporter.' })
  exporter(@Root() row: UnitValueYear, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.exporterId);
  }
}

@Resolver(() => UnitValueSeries)
export class UnitValueSeriesResolver {
  @FieldResolver(() => Country, { description: 'The exporter.' })
  exporter(@Root() row: UnitValueSeries, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.exporterId);
  }
}

@Resolver(() => UnitValueRank)
export class UnitValueRankResolver {
  @FieldResolver(() => Country, { description: 'The exporter.' })
  exporter(@Root() row: UnitValueRank, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.exporterId);
  }
}
