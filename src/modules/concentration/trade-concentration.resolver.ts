import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { selectedFieldNames } from '../../graphql/selection';
import { checkYear } from '../../graphql/years';
import { fromStatistics, toConcentration } from './concentration.result';
import { readGroupMarkets, readImportMarkets } from './import-market.sql';
import { BandGuidelines, Concentration, ConcentrationShare } from './concentration.types';
import {
  checkConcentrationArgs,
  ConcentrationOptions,
  DATASET_DESCRIPTION,
  EXPORT_MARKET,
  ExportDimension,
  ProductYearArgs,
  TRADE_PARTICIPANTS,
  type TradeYearArgs,
} from './concentration.args';
import { requireProductCode, resolveReporter } from './trade-arguments';
import { groupMarketsServe, importMarketsServe, tradeConcentration } from './trade-concentration.sql';
import { TradeMarketKind } from './trade-market-kind';
import type { TradeReporter } from './trade-reporter';
import { importsOnlyWarning } from '../dataset/dataset-coverage';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { warn } from '../../graphql/warnings';

@Resolver()
export class TradeConcentrationResolver {
  @Query(() => Concentration, {
    description:
      'Import-source concentration of an importer for a product and year: participants = exporters e, weights = x(e, importer, product, year). For a country group (e.g. "EU27") imports are extra-group: flows from its own members are left out. The product may be an HS chapter, heading or subheading (rolled up by prefix without adding a code to its own sub-codes: [HS roll-up](/docs/metrics#hs-roll-up)). An importer with no such imports gives participants = 0 and null metrics.',
  })
  async importConcentration(
    @Arg('importer', () => String, { description: 'Importing country (ISO alpha-3) or country group code (EU27, ASEAN…).' })
    importer: string,
    @Args(() => ProductYearArgs) { product, ...at }: ProductYearArgs,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concentration> {
    checkYear(at.year, 'year');
    const reporter = await resolveReporter(ctx, importer, 'importer');
    const code = await requireProductCode(ctx, product, 'product');
    return this.market(ctx, TradeMarketKind.IMPORT_SOURCES, reporter, code, at, options, selectedFieldNames(info));
  }

  @Query(() => Concentration, {
    description:
      'World export concentration of a product in a year: participants = exporters e, weights = Σ_i x(e, i, product, year) over every importer ([trade markets](/docs/metrics#trade-markets)). HS roll-up as in importConcentration.',
  })
  async worldExportConcentration(
    @Args(() => ProductYearArgs) { product, ...at }: ProductYearArgs,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concentration> {
    checkYear(at.year, 'year');
    await warnIfImportsOnly(ctx, info, at.dataset, 'World export concentration');
    return this.market(ctx, TradeMarketKind.WORLD_EXPORTERS, null, await requireProductCode(ctx, product, 'product'), at, options);
  }

  @Query(() => Concentration, {
    description:
      "Export concentration of an exporter in a year: by DESTINATIONS (participants = importers, weights = its exports to each, of the product or of every product) or by PRODUCTS (participants = HS-6 products, WITS product HHI). A group's exports leave out flows to its own members ([trade markets](/docs/metrics#trade-markets)).",
  })
  async exportConcentration(
    @Arg('exporter', () => String, { description: 'Exporting country (ISO alpha-3) or country group code.' }) exporter: string,
    @Arg('by', () => ExportDimension, { description: 'Destinations or products.' }) by: ExportDimension,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('product', () => String, {
      nullable: true,
      description:
        'HS code (2/4/6): the product exported (DESTINATIONS) or the prefix the HS-6 products are under (PRODUCTS); default every product.',
    })
    product: string | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) dataset: string | null,
    @Args(() => ConcentrationOptions) options: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concentration> {
    checkYear(year, 'year');
    // An exporter's destinations or products are its exports to every country: an imports-only file has those to its reporters only.
    await warnIfImportsOnly(ctx, info, dataset, 'Export concentration');
    const reporter = await resolveReporter(ctx, exporter, 'exporter');
    const code = product == null ? null : await requireProductCode(ctx, product, 'product');
    return this.market(ctx, EXPORT_MARKET[by], reporter, code, { year, dataset }, options);
  }

  @Query(() => [ConcentrationShare], {
    description:
      "Partner shares of an importer's imports of a product in a year: every exporter e with x(e, importer, product, year) > 0, its value and its share x(e, i, k, t) / Σ_e x(e, i, k, t), largest first (ties by country code; [partner share](/docs/metrics#partners-and-areas)). Extra-group for a group; HS roll-up as in importConcentration. Empty when there are no such imports.",
  })
  async partnerShares(
    @Arg('importer', () => String, { description: 'Importing country (ISO alpha-3) or country group code.' }) importer: string,
    @Args(() => ProductYearArgs) { product, ...at }: ProductYearArgs,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.partnerShares, 'by share') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConcentrationShare[]> {
    checkYear(at.year, 'year');
    const limit = boundedFirst(first, LIST_BOUNDS.partnerShares);
    const reporter = await resolveReporter(ctx, importer, 'importer');
    const code = await requireProductCode(ctx, product, 'product');
    // The largest `first` exporters: by default every one (there are fewer countries than the default).
    const options = { k: 1, top: limit, guidelines: BandGuidelines.DOJ_FTC_2023 };
    return (await this.market(ctx, TradeMarketKind.IMPORT_SOURCES, reporter, code, at, options)).top;
  }

  /**
   * One market's concentration in one statement: from its statistics in trade_import_market when they answer
   * the `fields` asked (`importMarketsServe`), or a group's in trade_group_market (`groupMarketsServe`), else from the flows.
   */
  private async market(
    ctx: GraphQLContext,
    kind: TradeMarketKind,
    reporter: TradeReporter | null,
    product: string | null,
    { year, dataset: datasetId }: TradeYearArgs,
    { k, top, guidelines }: ConcentrationOptions,
    fields: ReadonlySet<string> = new Set(['top']),
  ): Promise<Concentration> {
    checkConcentrationArgs(k, top);
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const shape = dataset;
    if (reporter && product && importMarketsServe({ kind, reporter, shape, fields, k })) {
      const markets = { datasetId: dataset.id, year, importers: reporter.members, products: [product] };
      return fromStatistics((await readImportMarkets(ctx.em, markets))[0], dataset, guidelines, k);
    }
    if (reporter && product && groupMarketsServe({ kind, reporter, shape, level: product.length, fields, k })) {
      const markets = { datasetId: dataset.id, year, group: reporter.code, products: [product] };
      return fromStatistics((await readGroupMarkets(ctx.em, markets))[0], dataset, guidelines, k);
    }
    const { mixed, worldRollup } = shape;
    const market = {
      kind,
      datasetId: dataset.id,
      mixed,
      worldRollup,
      years: { from: year, to: year },
      product,
      reporters: reporter?.members ?? null,
      extraGroup: reporter?.group ?? false,
    };
    return toConcentration(await tradeConcentration(ctx.em, market, { k, top }), dataset, guidelines, k, TRADE_PARTICIPANTS[kind]);
  }
}

/** IMPORTS_ONLY_DATASET on the field when the figure needs world exports and its dataset holds the imports of a few reporters. */
async function warnIfImportsOnly(ctx: GraphQLContext, info: GraphQLResolveInfo, datasetId: string | null | undefined, figure: string) {
  const partial = importsOnlyWarning(await resolveTradeDataset(ctx, datasetId), figure);
  if (partial) warn(ctx.warnings, info, partial.code, partial.message);
}
