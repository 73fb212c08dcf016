import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';

/** Most nodes an overlap network lists (the brands with the most facilities of the type). */
export const OVERLAP_MAX_NODES = 1000;

export const AS_OF_DESCRIPTION =
  "Read each brand's latest disclosure on or before this date (the brand's and every rival's); default each brand's latest.";

/** A product type argument as its id (case-insensitive), or UNKNOWN_PRODUCT_TYPE: never an empty answer that looks like data. */
export async function productTypeArgument(ctx: GraphQLContext, raw: string | null, argument: string): Promise<string | null> {
  if (raw == null) return null;
  const type = await ctx.loaders.productType.load(raw.trim().toUpperCase());
  if (!type) throw new AppError(ErrorCode.UNKNOWN_PRODUCT_TYPE, `${argument}: no product type "${raw}".`, { argument, value: raw });
  return type.id;
}

/** `minShared`: a whole number ≥ 1 (INVALID_ARGUMENT otherwise: 0 would make an edge of every pair). */
export function checkMinShared(minShared: number): number {
  if (!Number.isInteger(minShared) || minShared < 1)
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `minShared must be 1 or more (got ${minShared}).`, {
      argument: 'minShared',
      value: minShared,
    });
  return minShared;
}
