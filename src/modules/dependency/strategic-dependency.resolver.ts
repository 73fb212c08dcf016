import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { nestedLimit } from '../../graphql/nested';
import { checkYear, MIN_YEAR } from '../../graphql/years';
import { DATASET_DESCRIPTION } from '../concentration/concentration.args';
import { requireProductCode, resolveReporter } from '../concentration/trade-arguments';
import { Product } from '../product/product.entity';
import { dependencyItems, listedItems } from './strategic-dependency.report';
import { geoDepRows } from './strategic-dependency.sql';
import { DependencyFilter, GeoDepArgs, StrategicDependency, StrategicDependencyReport } from './strategic-dependency.types';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { geoDepWarnings } from './strategic-dependency.warnings';
import { warn } from '../../graphql/warnings';

/** Validates thresholds (INVALID_ARGUMENT naming the argument). */
function checkGeoDepArgs(a: GeoDepArgs): void {
  const fail = (argument: string, message: string) => {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `${argument}: ${message}`, { argument });
  };
  for (const name of ['importHhiAbove', 'worldExportHhiAbove'] as const) {
    if (!(a[name] >= 0 && a[name] < 1)) fail(name, `an HHI threshold must be in [0, 1) (got ${a[name]}).`);
  }
  if (!(a.importExportRatioAbove >= 0) || !Number.isFinite(a.importExportRatioAbove))
    fail('importExportRatioAbove', `must be a number ≥ 0 (got ${a.importExportRatioAbove}).`);
  if (a.criteria.length === 0) fail('criteria', 'name at least one criterion.');
  if (!(a.persistenceYears >= 1 && a.persistenceYears <= 10)) fail('persistenceYears', `must be 1–10 (got ${a.persistenceYears}).`);
  if (!(a.persistenceMin >= 1 && a.persistenceMin <= a.persistenceYears))
    fail('persistenceMin', `must be 1–persistenceYears (got ${a.persistenceMin}).`);
}

@Resolver(() => StrategicDependency)
export class StrategicDependencyResolver {
  @Query(() => StrategicDependencyReport, {
    description:
      "Strategic dependencies of an importer (country, or group read extra-group) in a year, by the CEPII GeoDep criteria for each HS-6 product it imports: C1 HHI of its import sources > 0.4, C2 HHI of world exporters > 0.4, C3 its imports / its exports > 1 (no exports → ratio null, C3 true); dependent when every criterion asked holds; persistent when dependent in at least 2 of the last 3 years. Thresholds, criteria and the window are arguments ([strategic dependency](/docs/metrics#strategic-dependency)). Computed in one statement over the window's years.",
  })
  async strategicDependencies(
    @Arg('importer', () => String, { description: 'Importing country (ISO alpha-3) or country group code (EU27…).' }) importer: string,
    @Arg('year', () => Int, { description: 'Year (required: the criteria are yearly).' }) year: number,
    @Arg('product', () => String, {
      nullable: true,
      description: 'Only HS-6 products under this HS code (2/4/6 digits); default every product.',
    })
    product: string | null,
    @Arg('only', () => DependencyFilter, {
      defaultValue: DependencyFilter.DEPENDENT,
      description: 'Which products to list (the counts always cover every product).',
    })
    only: DependencyFilter,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many items (default 100, max 1000).' }) first: number | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Args(() => GeoDepArgs) args: GeoDepArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StrategicDependencyReport> {
    checkYear(year, 'year');
    checkGeoDepArgs(args);
    const limit = nestedLimit(first);
    const reporter = await resolveReporter(ctx, importer, 'importer');
    const prefix = product == null ? '' : await requireProductCode(ctx, product, 'product');
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const { mixed, worldRollup } = dataset;
    const groupMarkets = reporter.group && !mixed && dataset.groupMarkets.includes(reporter.code);
    const windowStart = Math.max(MIN_YEAR, year - args.persistenceYears + 1);
    const rows = await geoDepRows(ctx.em, {
      datasetId: dataset.id,
      mixed,
      importer: reporter,
      fromYear: windowStart,
      toYear: year,
      productPrefix: prefix,
      worldRollup,
      groupMarkets,
    });
    const items = dependencyItems(rows, year, args);
    for (const w of geoDepWarnings(dataset, reporter.code, year, args.criteria, items.length)) warn(ctx.warnings, info, w.code, w.message);
    return {
      importer: reporter.code,
      group: reporter.group,
      dataset,
      year,
      windowStart,
      productsImported: items.length,
      dependentCount: items.filter((i) => i.dependent).length,
      persistentCount: items.filter((i) => i.persistent).length,
      items: listedItems(items, only).slice(0, limit),
    };
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The HS-6 product (null only if its code is not in the product table).' })
  product(@Root() item: StrategicDependency, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(item.productCode);
  }
}
