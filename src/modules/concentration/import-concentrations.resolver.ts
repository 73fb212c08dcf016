import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst } from '../../graphql/nested';
import { selectedFieldNames } from '../../graphql/selection';
import { checkYear } from '../../graphql/years';
import { checkConcentrationArgs, ConcentrationOptions } from './concentration.args';
import { importConcentrations } from './import-concentrations';
import { ImportConcentrationsArgs, ProductConcentration } from './import-concentrations.types';
import { requireProductCode, resolveReporter } from './trade-arguments';
import { resolveTradeDataset } from '../dataset/trade-dataset';

@Resolver()
export class ImportConcentrationsResolver {
  @Query(() => [ProductConcentration], {
    description:
      "Import-source concentration of every product an importer imports in a year, at one HS level (or under one HS code), in one request: for each product k with imports, participants = exporters e, weights = x(e, importer, k, year), rolled up as in [HS roll-up](/docs/metrics#hs-roll-up); a group's imports are extra-group (see importConcentration). Products without such imports are not listed.",
  })
  async importConcentrations(
    @Args(() => ImportConcentrationsArgs) { importer, year, level, product, dataset: datasetId, order, first }: ImportConcentrationsArgs,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductConcentration[]> {
    checkYear(year, 'year');
    checkConcentrationArgs(k, top);
    const limit = boundedFirst(first, LIST_BOUNDS.importMarkets);
    if (![2, 4, 6].includes(level))
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `level must be 2, 4 or 6 (got ${level}).`, { argument: 'level' });
    const prefix = product == null ? null : await requireProductCode(ctx, product, 'product');
    if (prefix && prefix.length > level)
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `product ${prefix} is finer than level ${level}.`, { argument: 'product' });
    const reporter = await resolveReporter(ctx, importer, 'importer');
    const dataset = await resolveTradeDataset(ctx, datasetId);
    const fields = selectedFieldNames(info, ['concentration']);
    return importConcentrations(ctx.em, {
      dataset,
      shape: dataset,
      reporter,
      year,
      level,
      prefix,
      k,
      top,
      guidelines,
      order,
      first: limit,
      fields,
    });
  }
}
