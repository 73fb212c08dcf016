import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { complexityOfTable, rcaTableFromCells } from '../complexity/complexity';
import { requireCountries } from '../country/country-code';
import { complexityCells } from './rca.sql';
import { Complexity, CountryComplexity, CountryProductComplexity, ProductComplexity } from './complexity.types';
import { checkYearAndLevel, DATASET_DESCRIPTION, LEVEL_DESCRIPTION } from './specialisation-args';
import { resolveExportDataset } from '../dataset/trade-dataset';

/**
 * Most products the matrix may have. The product space is products × products and is computed on the
 * request's thread: HS-4 (~1,240 products) takes about a second at BACI scale, HS-6 (~5,000) ten times
 * longer and ~0.5 GB, so a year with more products is refused rather than stalling every other request.
 */
export const COMPLEXITY_MAX_PRODUCTS = 2_000;

/** Most countries `countryProducts` answers for at once: each brings one row per product (~1,200 at HS-4, ~5,000 at HS-6). */
export const COUNTRY_PRODUCTS_MAX_COUNTRIES = 20;

@Resolver(() => Complexity)
export class ComplexityResolver {
  @Query(() => Complexity, {
    description: `Economic complexity of a year (Hausmann–Hidalgo eigenvector method, matching the Atlas and Stata ecomplexity): RCA and M computed in PostgreSQL from ONE dataset (M = 1 where RCA ≥ 1), then diversity, ubiquity, ECI, PCI, density, COI and COG from the country × product M matrix ([economic complexity](/docs/metrics#economic-complexity)). HS-4 is the usual level; a year with more than ${COMPLEXITY_MAX_PRODUCTS.toLocaleString('en')} products (HS-6 at world scale) is refused with INVALID_ARGUMENT.`,
  })
  async complexity(
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('level', () => Int, { defaultValue: 4, description: LEVEL_DESCRIPTION }) level: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Complexity> {
    checkYearAndLevel(year, level);
    const dataset = await resolveExportDataset(ctx, datasetId);
    const shape = dataset;
    const { products, cells } = await complexityCells(ctx.em, { dataset, shape, year, level, maxProducts: COMPLEXITY_MAX_PRODUCTS });
    if (products > COMPLEXITY_MAX_PRODUCTS) {
      throw new AppError(
        ErrorCode.INVALID_ARGUMENT,
        `level: ${products.toLocaleString('en')} products have exports in ${year} at HS-${level}; complexity is computed for at most ${COMPLEXITY_MAX_PRODUCTS.toLocaleString('en')} (use level 4).`,
        { argument: 'level', products, max: COMPLEXITY_MAX_PRODUCTS },
      );
    }
    const table = rcaTableFromCells(cells);
    const result = complexityOfTable(table);
    return {
      dataset,
      year,
      level,
      worldExports: cells.length ? cells.reduce((sum, x) => sum + x.value, 0) : null,
      countries: result.countries.map(({ country, ...rest }) => ({ countryId: country, ...rest })),
      products: result.products.map(({ product, ...rest }) => ({ productCode: product, ...rest })),
      cells: result.cells,
    };
  }

  @FieldResolver(() => [CountryComplexity], { description: 'Every country with exports that year, by ISO code (up to `first`).' })
  countries(
    @Root() complexity: Complexity,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.complexityCountries, 'by ISO code') })
    first: number | null,
  ): CountryComplexity[] {
    return complexity.countries.slice(0, boundedFirst(first, LIST_BOUNDS.complexityCountries));
  }

  @FieldResolver(() => [ProductComplexity], { description: 'Every product with exports that year, by HS code (up to `first`).' })
  products(
    @Root() complexity: Complexity,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.complexityProducts, 'by HS code') })
    first: number | null,
  ): ProductComplexity[] {
    return complexity.products.slice(0, boundedFirst(first, LIST_BOUNDS.complexityProducts));
  }

  @FieldResolver(() => [CountryProductComplexity], {
    description: `For each country asked, one row per product of the matrix (by country, then HS code): RCA, M, density and COG — where the country could move next. At most ${COUNTRY_PRODUCTS_MAX_COUNTRIES} countries per call; a country without exports that year has no rows.`,
  })
  async countryProducts(
    @Root() complexity: Complexity,
    @Arg('countries', () => [String], { description: `Countries (ISO alpha-3), at most ${COUNTRY_PRODUCTS_MAX_COUNTRIES}.` })
    countries: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<CountryProductComplexity[]> {
    if (countries.length > COUNTRY_PRODUCTS_MAX_COUNTRIES) {
      throw new AppError(
        ErrorCode.INVALID_ARGUMENT,
        `countries: at most ${COUNTRY_PRODUCTS_MAX_COUNTRIES} per call (got ${countries.length}).`,
        {
          argument: 'countries',
          max: COUNTRY_PRODUCTS_MAX_COUNTRIES,
        },
      );
    }
    const wanted = new Set(requireCountries(await ctx.catalog.snapshot(), countries, 'countries'));
    return complexity.cells
      .filter((x) => wanted.has(x.country))
      .map(({ country, product, value, ...rest }) => ({ countryId: country, productCode: product, exportValue: value, ...rest }));
  }
}
