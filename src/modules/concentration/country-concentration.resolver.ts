import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { selectedFieldNames } from '../../graphql/selection';
import { checkYear } from '../../graphql/years';
import { Country } from '../country/country.entity';
import { Product } from '../product/product.entity';
import { fromStatistics, toConcentration, type ConcentrationRow, type MarketStatistics } from './concentration.result';
import { Concentration } from './concentration.types';
import {
  checkConcentrationArgs,
  ConcentrationOptions,
  DATASET_DESCRIPTION,
  EXPORT_MARKET,
  ExportDimension,
  ProductYearArgs,
  TRADE_PARTICIPANTS,
  TradeYearArgs,
} from './concentration.args';
import { importMarketsServe, type TradeMarketArgs } from './trade-concentration.sql';
import { requireProductCode, resolveReporter } from './trade-arguments';
import { TradeMarketKind } from './trade-market-kind';
import { resolveTradeDataset } from '../dataset/trade-dataset';

/**
 * Loads one market of a batch through the request's trade-concentration loaders: from its statistics in
 * trade_import_market when they answer what `info` selects (`importMarketsServe`), else from the flows.
 */
async function batched(
  ctx: GraphQLContext,
  market: Pick<TradeMarketArgs, 'kind' | 'keys' | 'product' | 'reporter'>,
  key: string,
  { year, dataset: datasetId }: TradeYearArgs,
  { k, top, guidelines }: ConcentrationOptions,
  info?: GraphQLResolveInfo,
): Promise<Concentration> {
  checkYear(year, 'year');
  checkConcentrationArgs(k, top);
  const dataset = await resolveTradeDataset(ctx, datasetId);
  const shape = dataset;
  const statistics = info !== undefined && importMarketsServe({ ...market, shape, fields: selectedFieldNames(info), k });
  const { mixed, worldRollup } = shape;
  const args = { ...market, datasetId: dataset.id, mixed, worldRollup, year, k: statistics ? 1 : k, top: statistics ? 0 : top, statistics };
  const row = await ctx.loaders.tradeConcentration.with(args).load(key);
  if (statistics) return fromStatistics(row as MarketStatistics | undefined, dataset, guidelines, k);
  return toConcentration(row as ConcentrationRow | undefined, dataset, guidelines, k, TRADE_PARTICIPANTS[market.kind]);
}

@Resolver(() => Country)
export class CountryConcentrationResolver {
  @FieldResolver(() => Concentration, {
    description:
      "This country's import-source concentration for a product and year (participants = exporters; see Query.importConcentration). Batched: one statement for every country of the query.",
  })
  async importConcentration(
    @Root() country: Country,
    @Args(() => ProductYearArgs) { product, ...at }: ProductYearArgs,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concentration> {
    const code = await requireProductCode(ctx, product, 'product');
    const market = { kind: TradeMarketKind.IMPORT_SOURCES, keys: 'REPORTER', product: code, reporter: null } as const;
    return batched(ctx, market, country.id, at, options, info);
  }

  @FieldResolver(() => Concentration, {
    description:
      "This country's export concentration in a year, by DESTINATIONS or by PRODUCTS (see Query.exportConcentration). Batched: one statement for every country of the query.",
  })
  async exportConcentration(
    @Root() country: Country,
    @Arg('by', () => ExportDimension, { description: 'Destinations or products.' }) by: ExportDimension,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('product', () => String, {
      nullable: true,
      description:
        'HS code (2/4/6): the product exported (DESTINATIONS) or the prefix of the HS-6 products (PRODUCTS); default every product.',
    })
    product: string | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) dataset: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    const code = product == null ? null : await requireProductCode(ctx, product, 'product');
    return batched(
      ctx,
      { kind: EXPORT_MARKET[by], keys: 'REPORTER', product: code, reporter: null },
      country.id,
      { year, dataset },
      options,
    );
  }
}

@Resolver(() => Product)
export class ProductConcentrationResolver {
  @FieldResolver(() => Concentration, {
    description:
      'World export concentration of this product in a year: participants = exporters, weights = Σ_i x(e, i, product, year) (see Query.worldExportConcentration). Batched: one statement for every product of the query, whatever their HS levels.',
  })
  exportConcentration(
    @Root() product: Product,
    @Args(() => TradeYearArgs) at: TradeYearArgs,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    return batched(
      ctx,
      { kind: TradeMarketKind.WORLD_EXPORTERS, keys: 'PRODUCT', product: null, reporter: null },
      product.code,
      at,
      options,
    );
  }

  @FieldResolver(() => Concentration, {
    description:
      "Import-source concentration of this product for an importer (country, or group read extra-group) in a year: participants = exporters (see Query.importConcentration). Batched: one statement for every product of the query — e.g. an importer's concentration for every HS-6 product of a year.",
  })
  async importConcentration(
    @Root() product: Product,
    @Arg('importer', () => String, { description: 'Importing country (ISO alpha-3) or country group code.' }) importer: string,
    @Args(() => TradeYearArgs) at: TradeYearArgs,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concentration> {
    const { members, group } = await resolveReporter(ctx, importer, 'importer');
    return batched(
      ctx,
      { kind: TradeMarketKind.IMPORT_SOURCES, keys: 'PRODUCT', product: null, reporter: { members, group } },
      product.code,
      at,
      options,
      info,
    );
  }
}
