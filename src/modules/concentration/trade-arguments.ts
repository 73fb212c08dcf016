import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { parseHsCode } from '../product/hs-code';
import type { TradeReporter } from './trade-reporter';

/* Trade-figure arguments resolved on the request context (its per-request loaders): what resolvers call before delegating. */

/** A country (ISO alpha-3) or a country group (EU27, ASEAN…), or UNKNOWN_COUNTRY naming the argument. */
export async function resolveReporter(ctx: GraphQLContext, value: string, argument: string): Promise<TradeReporter> {
  const reporter = await ctx.loaders.tradeReporter.load(value.trim().toUpperCase());
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
  if (!(await ctx.loaders.product.load(code))) {
    throw new AppError(ErrorCode.UNKNOWN_PRODUCT, `${argument}: no HS product "${code}" is loaded.`, { argument, value });
  }
  return code;
}
