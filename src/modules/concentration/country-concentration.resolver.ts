import { Arg, Args, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { Country } from '../country/country.entity';
import { Product } from '../product/product.entity';
import { toConcentration } from './concentration.result';
import { Concentration } from './concentration.types';
import {
  checkConcentrationArgs,
  ConcentrationOptions,
  DATASET_DESCRIPTION,
  EXPORT_MARKET,
  ExportDimension,
  TRADE_PARTICIPANTS,
} from './trade-concentration.resolver';
import { requireProductCode, TradeMarketKind } from './trade-market';

/** Loads one market of a batch through the request's trade-concentration loaders. */
async function batched(
  ctx: GraphQLContext,
  kind: TradeMarketKind,
  key: string,
  product: string | null,
  year: number,
  datasetId: string | null,
  { k, top, guidelines }: ConcentrationOptions,
): Promise<Concentration> {
  checkYear(year, 'year');
  checkConcentrationArgs(k, top);
  const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');
  const row = await ctx.loaders.tradeConcentration.with({ kind, datasetId: dataset.id, year, product, k, top }).load(key);
  return toConcentration(row, dataset, guidelines, k, TRADE_PARTICIPANTS[kind]);
}

@Resolver(() => Country)
export class CountryConcentrationResolver {
  @FieldResolver(() => Concentration, {
    description:
      "This country's import-source concentration for a product and year (participants = exporters; see Query.importConcentration). Batched: one statement for every country of the query.",
  })
  async importConcentration(
    @Root() country: Country,
    @Arg('product', () => String, { description: 'HS code: 2, 4 or 6 digits.' }) product: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    const code = await requireProductCode(ctx, product, 'product');
    return batched(ctx, TradeMarketKind.IMPORT_SOURCES, country.id, code, year, datasetId, options);
  }

  @FieldResolver(() => Concentration, {
    description:
      "This country's export concentration in a year, by DESTINATIONS or by PRODUCTS (see Query.exportConcentration). Batched: one statement for every country of the query.",
  })
  async exportConcentration(
    @Root() country: Country,
    @Arg('by', () => ExportDimension, { description: 'Destinations or products.' }) by: ExportDimension,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('product', () => String, { nullable: true, description: 'HS code (2/4/6): the product exported (DESTINATIONS) or the prefix of the HS-6 products (PRODUCTS); default every product.' })
    product: string | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    const code = product == null ? null : await requireProductCode(ctx, product, 'product');
    return batched(ctx, EXPORT_MARKET[by], country.id, code, year, datasetId, options);
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
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    return batched(ctx, TradeMarketKind.WORLD_EXPORTERS, product.code, null, year, datasetId, options);
  }
}
