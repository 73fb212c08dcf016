import type { CatalogSnapshot } from '../../catalog/catalog';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { parseHsCode } from '../product/hs-code';
import type { TradeReporter } from './trade-reporter';

/* Trade-figure arguments checked against the catalog (no statement): what resolvers call before delegating. */

/** The reporter an upper-cased code names: a country (its own member) before a group of the same code; null when neither. */
export function reporterOf(catalog: CatalogSnapshot, code: string): TradeReporter | null {
  if (/^[A-Z]{3}$/.test(code) && catalog.country(code)) return { code, members: [code], group: false };
  const members = catalog.groupMembers(code);
  return members ? { code, members: [...members], group: true } : null;
}

/** A country (ISO alpha-3) or a country group (EU27, ASEAN…), or UNKNOWN_COUNTRY naming the argument. */
export async function resolveReporter(ctx: GraphQLContext, value: string, argument: string): Promise<TradeReporter> {
  const reporter = reporterOf(await ctx.catalog.snapshot(), value.trim().toUpperCase());
  if (!reporter) {
    throw new AppError(ErrorCode.UNKNOWN_COUNTRY, `${argument}: "${value}" is neither a country (ISO alpha-3) nor a country group.`, {
      argument,
      value,
    });
  }
  return reporter;
}

/** Parses an HS code argument and checks that the product is known (UNKNOWN_PRODUCT otherwise). */
export async function requireProductCode(ctx: GraphQLContext, value: string, argument: string): Promise<string> {
  const code = parseHsCode(value, argument);
  if (!(await ctx.catalog.snapshot()).hasProduct(code)) {
    throw new AppError(ErrorCode.UNKNOWN_PRODUCT, `${argument}: no HS product "${code}" is loaded.`, { argument, value });
  }
  return code;
}
