import { ArgsType, Field, ID, Int, registerEnumType } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { BandGuidelines, ParticipantKind } from './concentration.types';
import type { SupplierDimension } from './supplier-concentration.types';
import { TradeMarketKind } from './trade-market-kind';

/**
 * Arguments and mappings shared by every concentration field (trade, sourcing, trends, disruption), kept
 * apart from any one resolver.
 */

/** Most participants a concentration lists (`top`): more than there are countries, and a bound on the response. */
export const MAX_TOP = 1000;

export const DATASET_DESCRIPTION =
  'Dataset the flows come from; default: the default trade dataset (`datasets { isDefault }`; marked by `npm run datasets -- default`, else the first BACI or Comtrade dataset loaded).';

/** Arguments every concentration field takes. */
@ArgsType()
export class ConcentrationOptions {
  @Field(() => Int, { defaultValue: 10, description: 'k of the CRk field.' })
  k!: number;

  @Field(() => Int, { defaultValue: 10, description: `How many of the largest participants to list (0–${MAX_TOP}).` })
  top!: number;

  @Field(() => BandGuidelines, { defaultValue: BandGuidelines.DOJ_FTC_2023, description: 'Guidelines for the band.' })
  guidelines!: BandGuidelines;
}

/* The year, dataset and product arguments of trade figures, declared once (argument names, types and descriptions as in the schema). */
const yearField = () => Field(() => Int, { description: 'Year.' });
const datasetField = () => Field(() => ID, { nullable: true, description: DATASET_DESCRIPTION });
const productField = () => Field(() => String, { description: 'HS code: 2, 4 or 6 digits.' });

/** `year` and `dataset` of a trade figure (a market whose product or reporter comes from elsewhere). */
@ArgsType()
export class TradeYearArgs {
  @yearField()
  year!: number;

  /** The dataset id; absent or null = the default dataset. */
  @datasetField()
  dataset?: string | null;
}

/** `product`, `year` and `dataset` of a trade market of one product (in this argument order). */
@ArgsType()
export class ProductYearArgs {
  @productField()
  product!: string;

  @yearField()
  year!: number;

  /** The dataset id; absent or null = the default dataset. */
  @datasetField()
  dataset?: string | null;
}

/** Checks the `k` and `top` arguments shared by concentration queries. */
export function checkConcentrationArgs(k: number, top: number): void {
  if (!Number.isInteger(k) || k < 1) throw new AppError(ErrorCode.INVALID_ARGUMENT, `k must be 1 or more (got ${k}).`, { argument: 'k' });
  if (!Number.isInteger(top) || top < 0 || top > MAX_TOP)
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `top must be 0–${MAX_TOP} (got ${top}).`, { argument: 'top' });
}

/** What a country's exports are split by. */
export enum ExportDimension {
  DESTINATIONS = 'DESTINATIONS',
  PRODUCTS = 'PRODUCTS',
}
registerEnumType(ExportDimension, {
  name: 'ExportDimension',
  description: "How an exporter's exports are split into participants.",
  valuesConfig: {
    DESTINATIONS: {
      description: 'Export-destination concentration: participants = importing countries (of the product, or of every product).',
    },
    PRODUCTS: {
      description:
        'Export-product concentration (WITS "product HHI"): participants = HS-6 products (under the product prefix, when given).',
    },
  },
});

export const EXPORT_MARKET: Record<ExportDimension, TradeMarketKind> = {
  DESTINATIONS: TradeMarketKind.EXPORT_DESTINATIONS,
  PRODUCTS: TradeMarketKind.EXPORT_PRODUCTS,
};

/** The participants' kind for each trade market. */
export const TRADE_PARTICIPANTS: Record<TradeMarketKind, ParticipantKind> = {
  IMPORT_SOURCES: ParticipantKind.COUNTRY,
  WORLD_EXPORTERS: ParticipantKind.COUNTRY,
  EXPORT_DESTINATIONS: ParticipantKind.COUNTRY,
  EXPORT_PRODUCTS: ParticipantKind.PRODUCT,
};

/** The participants' kind for each supplier dimension. */
export const SUPPLIER_PARTICIPANTS: Record<SupplierDimension, ParticipantKind> = {
  FACILITY: ParticipantKind.FACILITY,
  MANUFACTURER: ParticipantKind.MANUFACTURER,
  COUNTRY: ParticipantKind.COUNTRY,
};
