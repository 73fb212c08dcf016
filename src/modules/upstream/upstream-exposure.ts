import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { checkConcentrationArgs } from '../concentration/concentration.args';
import { toConcentration } from '../concentration/concentration.result';
import { BandGuidelines, ParticipantKind } from '../concentration/concentration.types';
import type { CapacityWeight } from '../concentration/supplier-concentration.types';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import type { UpstreamExposure } from './upstream-exposure.types';

/*
 * A brand's upstream exposure resolved on the request context (its batched loader): what the brand field and
 * the disruption scenario's upstream loss call. Kept apart from the loader batch, which the context's loaders import.
 */

/** What one upstream exposure is asked at. */
export interface UpstreamRequest {
  asOf: string | null;
  year: number;
  dataset: string | null;
  productType: string | null;
  weight: CapacityWeight;
  k: number;
  top: number;
  guidelines: BandGuidelines;
}

/** The product type asked, checked (UNKNOWN_PRODUCT_TYPE) through the request's loader; null stays null. */
async function requireType(ctx: GraphQLContext, raw: string | null): Promise<string | null> {
  if (raw == null) return null;
  const id = raw.trim().toUpperCase();
  if (!(await ctx.loaders.productType.load(id)))
    throw new AppError(ErrorCode.UNKNOWN_PRODUCT_TYPE, `productType: no product type "${raw}".`, { argument: 'productType', value: raw });
  return id;
}

/** A brand's upstream exposure, batched with every other brand of the request asked with the same arguments. */
export async function loadUpstreamExposure(ctx: GraphQLContext, brandId: number, r: UpstreamRequest): Promise<UpstreamExposure> {
  checkYear(r.year, 'year');
  checkConcentrationArgs(r.k, r.top);
  const productType = await requireType(ctx, r.productType);
  const dataset = await resolveTradeDataset(ctx, r.dataset);
  const loaded = await ctx.loaders.upstreamExposure
    .with({ asOf: r.asOf, weight: r.weight, productType, datasetId: dataset.id, mixed: dataset.mixed, year: r.year, k: r.k, top: r.top })
    .load(brandId);
  const origins = (loaded?.origins ?? []).map((o) => ({
    originCode: o.origin,
    upstreamShare: o.upstreamShare,
    directShare: o.directShare,
  }));
  return {
    dataset,
    year: r.year,
    productType,
    disclosedAt: loaded?.disclosedAt ?? null,
    capacity: loaded?.capacity ?? 0,
    unknownCapacity: loaded?.unknownCapacity ?? 0,
    supplierCountries: loaded?.supplierCountries ?? 0,
    coveredCountries: loaded?.coveredCountries ?? 0,
    uncoveredShare: loaded?.uncoveredShare ?? null,
    originCount: origins.length,
    allOrigins: origins,
    concentration: toConcentration(loaded?.row, dataset, r.guidelines, r.k, ParticipantKind.COUNTRY),
  };
}
