import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Float, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkFirst, decodeCursor, encodeCursor } from '../../graphql/pagination';
import { requireProductCode } from '../concentration/trade-arguments';
import { requireCountry } from '../country/country-code';
import { rcaPage } from './rca.sql';
import { RcaPage } from './rca.types';
import { checkYearAndLevel, DATASET_DESCRIPTION, LEVEL_DESCRIPTION } from './specialisation-args';
import { importsOnlyWarning } from '../dataset/dataset-coverage';
import { resolveExportDataset } from '../dataset/trade-dataset';
import { warn } from '../../graphql/warnings';

/**
 * Largest page of RCA rows. A whole year of BACI at HS-6 is ~1M (country, product) pairs: it is read page
 * by page (or narrowed by exporter, product or minRca), never in one answer.
 */
export const RCA_MAX_ROWS = 10_000;

/** Cursor of a row: its (country, product) key, which orders the rows. */
const rowKey = (country: string, product: string) => `${country}|${product}`;

function parseAfter(after: string): [string, string] {
  const key = decodeCursor(after, 'string') as string;
  const match = /^([A-Z]{3})\|(\d{2,6})$/.exec(key);
  if (!match)
    throw new AppError(ErrorCode.BAD_CURSOR, `Cursor "${after}" was not issued by this connection; use a cursor from a previous page.`, {
      argument: 'after',
    });
  return [match[1], match[2]];
}

/** The filters' own checks: a product no finer than the level, a minimum RCA of 0 or more. */
function checkRcaFilters(product: string | null, code: string | null, level: number, minRca: number | null): void {
  if (code !== null && code.length > level)
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `product: "${code}" has more digits than level ${level}.`, {
      argument: 'product',
      value: product,
    });
  if (minRca != null && (!Number.isFinite(minRca) || minRca < 0))
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `minRca must be 0 or more (got ${minRca}).`, { argument: 'minRca' });
}

@Resolver()
export class RcaResolver {
  @Query(() => RcaPage, {
    description: `Balassa RCA and M of every (country, product) with exports in a year, at HS level 2, 4 or 6, computed in PostgreSQL from ONE dataset: RCA = (x_ck / X_c) / (x_wk / X_w), M = 1 where RCA ≥ 1 ([RCA](/docs/metrics#rca)). Pairs without exports (RCA 0) are not listed. Paged by (country, product) cursor, at most ${RCA_MAX_ROWS.toLocaleString('en')} rows a page; the filters narrow the rows, never the totals.`,
  })
  async rca(
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('level', () => Int, { defaultValue: 6, description: LEVEL_DESCRIPTION }) level: number,
    @Arg('exporter', () => String, {
      nullable: true,
      description: 'Only this exporting country (ISO alpha-3); X_w and x_wk still cover every exporter.',
    })
    exporter: string | null,
    @Arg('product', () => String, {
      nullable: true,
      description:
        'Only products under this HS code (2, 4 or 6 digits, at most `level`), e.g. "64" for every heading of chapter 64 at level 4.',
    })
    product: string | null,
    @Arg('minRca', () => Float, { nullable: true, description: 'Only rows with RCA ≥ this value (1: the products where M = 1).' })
    minRca: number | null,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `Rows per page (0–${RCA_MAX_ROWS}).` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page (its endCursor).' }) after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RcaPage> {
    checkYearAndLevel(year, level);
    checkFirst(first, RCA_MAX_ROWS, 'page with `after` instead');
    const country = exporter == null ? null : requireCountry(await ctx.catalog.snapshot(), exporter, 'exporter');
    const code = product == null ? null : await requireProductCode(ctx, product, 'product');
    checkRcaFilters(product, code, level, minRca);
    const resume = after ? parseAfter(after) : null;
    const dataset = await resolveExportDataset(ctx, datasetId);
    // x_wk and X_w are world exports: from an imports-only file, only the exports to its reporters.
    const partial = importsOnlyWarning(dataset, 'RCA');
    if (partial) warn(ctx.warnings, info, partial.code, partial.message);
    const shape = dataset;
    const { totalCount, worldTotal, rows } = await rcaPage(ctx.em, {
      dataset,
      shape,
      year,
      level,
      exporter: country,
      productPrefix: code,
      minRca: minRca ?? null,
      after: resume,
      first,
    });
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      dataset,
      year,
      level,
      worldExports: worldTotal,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: resume !== null,
        startCursor: page.length ? encodeCursor(rowKey(page[0].countryId, page[0].productCode)) : null,
        endCursor: last ? encodeCursor(rowKey(last.countryId, last.productCode)) : null,
      },
      nodes: page,
    };
  }
}
