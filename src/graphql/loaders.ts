import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createBrandDisclosureDatesLoader,
  createBrandFacilitiesLoader,
  createBrandLoader,
  createBrandsByHqCountryLoader,
} from '../modules/brand/brand.loader';
import { createTradeConcentrationLoader } from '../modules/concentration/trade-concentration.loader';
import type { TradeMarketArgs } from '../modules/concentration/trade-concentration.sql';
import { createCustomerConcentrationLoader } from '../modules/concentration/customer-concentration.loader';
import type { CustomerMarketArgs } from '../modules/concentration/customer-concentration.sql';
import { createSupplierConcentrationLoader } from '../modules/concentration/supplier-concentration.loader';
import type { SupplierMarketArgs } from '../modules/concentration/supplier-concentration.sql';
import { createCountryGroupLoader, createGroupMembersLoader } from '../modules/country-group/country-group.loader';
import { createCountryLoader, createGroupsOfCountryLoader } from '../modules/country/country.loader';
import { createDatasetLoader } from '../modules/dataset/dataset.loader';
import {
  createFacilitiesByCountryLoader,
  createFacilityBrandsLoader,
  createFacilityLoader,
  createFacilityProductTypesLoader,
} from '../modules/facility/facility.loader';
import { createManufacturerFacilitiesLoader, createManufacturerLoader } from '../modules/manufacturer/manufacturer.loader';
import {
  createHsProductsOfTypeLoader,
  createProductTypeLoader,
  createProductTypesOfProductLoader,
} from '../modules/product-type/product-type.loader';
import {
  createHsSectionLoader,
  createProductChildrenLoader,
  createProductLoader,
  createSectionChaptersLoader,
} from '../modules/product/product.loader';
import { createLinksOfLoader } from '../modules/sourcing-link/sourcing-link.loader';
import {
  createChangedFacilitiesLoader,
  createDisclosureSharesLoader,
  createFacilityDiffLoader,
} from '../modules/trends/disclosure-change.loader';
import type { DisclosurePair, ShareArgs } from '../modules/trends/disclosure-change.sql';
// #12 unit values
import { createQualitySignalsLoader } from '../modules/unit-value/quality-signals.loader';
import type { QualitySignalArgs } from '../modules/unit-value/quality-signals.sql';
import { createUnitValueRankingLoader, type RankingCellArgs } from '../modules/unit-value/unit-value.loader';
import { LoaderFamily } from './loader-utils';
// Country indicators (#12, part "indicators").
import { createProfileLoaders } from '../modules/indicators/profile.loader';
// #12 rival overlap
import { createLeakageExposureLoader } from '../modules/overlap/leakage-exposure.loader';
import type { LeakageArgs } from '../modules/overlap/leakage-exposure.sql';
import { createRivalOverlapLoader } from '../modules/overlap/rival-overlap.loader';
import type { RivalOverlapArgs } from '../modules/overlap/rival-overlap.sql';
// #12 upstream exposure
import { createInputsOfTypeLoader } from '../modules/product-type/product-type.loader';
import { createUpstreamExposureLoader } from '../modules/upstream/upstream-exposure.loader';
import type { UpstreamArgs } from '../modules/upstream/upstream-exposure.sql';

/** Every per-request DataLoader, built from the request's own EntityManager fork. */
export function createLoaders(em: EntityManager) {
  return {
    country: createCountryLoader(em),
    groupsOfCountry: createGroupsOfCountryLoader(em),
    countryGroup: createCountryGroupLoader(em),
    groupMembers: createGroupMembersLoader(em),
    product: createProductLoader(em),
    hsSection: createHsSectionLoader(em),
    productChildren: createProductChildrenLoader(em),
    sectionChapters: createSectionChaptersLoader(em),
    productType: createProductTypeLoader(em),
    hsProductsOfType: createHsProductsOfTypeLoader(em),
    productTypesOfProduct: createProductTypesOfProductLoader(em),
    dataset: createDatasetLoader(em),
    brand: createBrandLoader(em),
    brandsByHqCountry: createBrandsByHqCountryLoader(em),
    brandFacilities: createBrandFacilitiesLoader(em),
    brandDisclosureDates: createBrandDisclosureDatesLoader(em),
    manufacturer: createManufacturerLoader(em),
    manufacturerFacilities: createManufacturerFacilitiesLoader(em),
    facility: createFacilityLoader(em),
    facilitiesByCountry: createFacilitiesByCountryLoader(em),
    facilityBrands: createFacilityBrandsLoader(em),
    facilityProductTypes: createFacilityProductTypesLoader(em),
    linksOfBrand: createLinksOfLoader(em, 'brand'),
    linksOfFacility: createLinksOfLoader(em, 'facility'),
    supplierConcentration: new LoaderFamily((args: SupplierMarketArgs) => createSupplierConcentrationLoader(em, args)),
    customerConcentration: new LoaderFamily((args: CustomerMarketArgs) => createCustomerConcentrationLoader(em, args)),
    tradeConcentration: new LoaderFamily((args: TradeMarketArgs) => createTradeConcentrationLoader(em, args)),
    facilityDiff: new LoaderFamily((pair: DisclosurePair) => createFacilityDiffLoader(em, pair)),
    changedFacilities: createChangedFacilitiesLoader(em),
    disclosureShares: new LoaderFamily((args: ShareArgs) => createDisclosureSharesLoader(em, args)),
    // Country indicators (#12, part "indicators"): the country profile's parts.
    profile: createProfileLoaders(em),
    // #12 unit values
    unitValueRanking: new LoaderFamily((args: RankingCellArgs) => createUnitValueRankingLoader(em, args)),
    qualitySignals: new LoaderFamily((args: QualitySignalArgs) => createQualitySignalsLoader(em, args)),
    // #12 rival overlap
    rivalOverlap: new LoaderFamily((args: RivalOverlapArgs) => createRivalOverlapLoader(em, args)),
    leakageExposure: new LoaderFamily((args: LeakageArgs) => createLeakageExposureLoader(em, args)),
    // #12 upstream exposure
    inputsOfType: createInputsOfTypeLoader(em),
    upstreamExposure: new LoaderFamily((args: UpstreamArgs) => createUpstreamExposureLoader(em, args)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
