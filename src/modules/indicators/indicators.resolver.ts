import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { checkYear } from '../../graphql/years';
import { requireProductCode } from '../concentration/trade-arguments';
import { requireCountry } from '../country/country-code';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { checkHsLevel } from '../product/hs-code';
import {
  countriesArgument,
  INDICATOR_DATASET_DESCRIPTION as DATASET,
  MAX_INDICATOR_COUNTRIES as MAX,
  warnIndicator,
} from './indicators.args';
import { complementarityRows, penetrationRows, tradeIntensityRows } from './indicators.sql';
import { Complementarity, ExportMarketPenetration, TradeIntensity } from './indicators.types';

const ONE = (role: string) => `${role} (ISO alpha-3); or name \`${role}s\`.`;
const MANY = (role: string) => `${role}s (ISO alpha-3), 1 to ${MAX}; instead of \`${role}\`. One row per (reporter, partner) pair.`;

@Resolver()
export class IndicatorsResolver {
  @Query(() => [TradeIntensity], {
    description:
      "WITS trade intensity TI = (X_cp / X_c) / (X_wp / X_w) of each reporter's exports to each partner in a year, with its four parts ([trade intensity](/docs/metrics#trade-intensity)); every pair in one statement, by reporter then partner. The world totals are every flow of the dataset that year: for an extract of a few exporters (the BACI AFG/ZAF sample) X_w is their exports; an imports-only file warns IMPORTS_ONLY_DATASET.",
  })
  async tradeIntensity(
    @Arg('reporter', () => String, { nullable: true, description: ONE('reporter') }) reporter: string | null,
    @Arg('reporters', () => [String], { nullable: true, description: MANY('reporter') }) reporters: string[] | null,
    @Arg('partner', () => String, { nullable: true, description: ONE('partner') }) partner: string | null,
    @Arg('partners', () => [String], { nullable: true, description: MANY('partner') }) partners: string[] | null,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('hsPrefix', () => String, { nullable: true, description: 'Only the flows of products under this HS code (every X).' })
    hsPrefix: string | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET }) datasetId: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TradeIntensity[]> {
    checkYear(year, 'year');
    const cs = await countriesArgument(ctx, reporter, reporters, ['reporter', 'reporters']);
    const ps = await countriesArgument(ctx, partner, partners, ['partner', 'partners']);
    const prefix = hsPrefix == null ? '' : await requireProductCode(ctx, hsPrefix, 'hsPrefix');
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const rows = await tradeIntensityRows(ctx.em, {
      datasetId: dataset.id,
      mixed: dataset.mixed,
      year,
      reporters: cs,
      partners: ps,
      prefix,
    });
    warnIndicator(
      ctx,
      info,
      dataset,
      'Trade intensity',
      year,
      rows.every((r) => r.xw === 0),
    );
    return rows.map((r) => ({ ...r, year }));
  }

  @Query(() => [Complementarity], {
    description:
      "WITS export–import complementarity C = 100 · (1 − Σ_k |m_pk − x_ck| / 2) of each reporter's exports with each partner's imports in a year, at HS `level` ([complementarity](/docs/metrics#complementarity)); every pair in one statement, by reporter then partner.",
  })
  async complementarity(
    @Arg('reporter', () => String, { nullable: true, description: ONE('reporter') }) reporter: string | null,
    @Arg('reporters', () => [String], { nullable: true, description: MANY('reporter') }) reporters: string[] | null,
    @Arg('partner', () => String, { nullable: true, description: ONE('partner') }) partner: string | null,
    @Arg('partners', () => [String], { nullable: true, description: MANY('partner') }) partners: string[] | null,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('level', () => Int, { defaultValue: 6, description: 'HS level of the products k (2, 4 or 6); coarser codes are left out.' })
    level: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET }) datasetId: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Complementarity[]> {
    checkYear(year, 'year');
    checkHsLevel(level, 'level');
    const cs = await countriesArgument(ctx, reporter, reporters, ['reporter', 'reporters']);
    const ps = await countriesArgument(ctx, partner, partners, ['partner', 'partners']);
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const rows = await complementarityRows(ctx.em, {
      datasetId: dataset.id,
      mixed: dataset.mixed,
      year,
      reporters: cs,
      partners: ps,
      level,
    });
    warnIndicator(
      ctx,
      info,
      dataset,
      'Complementarity',
      year,
      rows.every((r) => r.exports === 0 && r.imports === 0),
    );
    return rows.map((r) => ({ ...r, year, level }));
  }

  @Query(() => ExportMarketPenetration, {
    description:
      'WITS export market penetration of an exporter in a year: per HS-6 product it exports, (countries it exports the product to) / (countries importing the product), and the mean over every product it exports ([export market penetration](/docs/metrics#export-market-penetration)); one statement.',
  })
  async exportMarketPenetration(
    @Arg('exporter', () => String, { description: 'Exporting country (ISO alpha-3).' }) exporter: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('product', () => String, { nullable: true, description: 'Only HS-6 products under this HS code (2/4/6 digits).' })
    product: string | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET }) datasetId: string | null,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.penetrationProducts, 'by penetration') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ExportMarketPenetration> {
    checkYear(year, 'year');
    const limit = boundedFirst(first, LIST_BOUNDS.penetrationProducts);
    const country = requireCountry(await ctx.catalog.snapshot(), exporter, 'exporter');
    const prefix = product == null ? '' : await requireProductCode(ctx, product, 'product');
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const scope = { datasetId: dataset.id, mixed: dataset.mixed, year };
    const { productCount, mean, rows } = await penetrationRows(ctx.em, { ...scope, exporter: country, prefix, first: limit });
    warnIndicator(ctx, info, dataset, 'Export market penetration', year, productCount === 0);
    return { exporter: country, year, productCount, mean, products: rows };
  }
}
