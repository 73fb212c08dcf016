/**
 * Options and row shapes of the demo-data generator. Rows mirror the database tables closely enough
 * for the seeding CLI to stream them into COPY without reshaping.
 */

/** What to generate. All counts are targets; see each generator for how infeasible counts are capped. */
export interface DemoOptions {
  /** Global seed: equal options and inputs give byte-identical output. */
  seed: number;
  /** Total number of trade-flow rows across all years and products. */
  flows: number;
  /** First year of trade flows (inclusive). */
  yearFrom: number;
  /** Last year of trade flows (inclusive). */
  yearTo: number;
  /** Number of brands. */
  brands: number;
  /** Number of manufacturers (supplier groups). */
  manufacturers: number;
  /** Number of facilities. */
  facilities: number;
  /** Dates of the brands' disclosures, 'YYYY-MM-DD'. Sorted and de-duplicated internally. */
  disclosureDates: string[];
  /**
   * Trade-flow rows of input products (leather, rubber, yarn, fabric…) into the facilities' countries, on top
   * of `flows` (input-flows.ts, an RNG stream of their own: the other flows are the same whatever this is).
   * Default 0, so that the generator's callers keep their data; the seed CLI and the server's demo load a tenth
   * of `flows` (DEMO_INPUT_SHARE).
   */
  inputFlows?: number;
}

/** The input flows the seed CLI and the server's demo add, as a share of the flows. */
export const DEMO_INPUT_SHARE = 0.1;

/**
 * A demo that is big enough to make the analytics interesting and small enough to seed in seconds.
 * Frozen (dates included) because it is shared; spread it to derive variants.
 */
export const DEFAULT_DEMO_OPTIONS: DemoOptions = Object.freeze({
  seed: 42,
  flows: 60000,
  yearFrom: 2018,
  yearTo: 2023,
  brands: 24,
  manufacturers: 120,
  facilities: 600,
  disclosureDates: Object.freeze(['2021-02-01', '2023-08-01', '2025-06-01']) as unknown as string[],
  inputFlows: 0,
});

/** A country the generator may use, as loaded from the country table. */
export interface DemoCountry {
  /** ISO 3166-1 alpha-3 code. */
  id: string;
  /** UN M49 region, used to size countries that the built-in tables do not know. */
  region: string | null;
}

/** Product types brands disclose, i.e. ids of the product_type table. */
export type SourcingProductType = 'APPAREL' | 'FOOTWEAR' | 'EQUIPMENT' | 'BAGS' | 'HEADWEAR';

/** All product types, in the fixed order used wherever the generator iterates over them. */
export const SOURCING_PRODUCT_TYPES: readonly SourcingProductType[] = Object.freeze([
  'APPAREL',
  'FOOTWEAR',
  'EQUIPMENT',
  'BAGS',
  'HEADWEAR',
] as const);

/** A supplier group owning facilities. */
export interface ManufacturerRow {
  id: number;
  name: string;
  /** Unique across manufacturers. */
  normalizedName: string;
  hqCountry: string;
}

/** A production site. */
export interface FacilityRow {
  id: number;
  name: string;
  country: string;
  address: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  /** Null for ~10% of facilities: disclosed without a known owner. */
  manufacturerId: number | null;
  facilityType: string;
  /** Equal to workersMax for an exact headcount, lower bound of a band otherwise, null when unknown. */
  workersMin: number | null;
  workersMax: number | null;
  /** normalised name | country | normalised address; unique across facilities. */
  matchKey: string;
}

/** A (fictional) brand that discloses its suppliers. */
export interface BrandRow {
  id: number;
  name: string;
  hqCountry: string;
  parentCompany: string | null;
}

/** One brand→facility disclosure at one date; (brandId, facilityId, productType, disclosedAt) is unique. */
export interface LinkRow {
  brandId: number;
  facilityId: number;
  productType: SourcingProductType;
  /** One of the disclosure dates, 'YYYY-MM-DD'. */
  disclosedAt: string;
}

/** One bilateral trade flow; (year, exporter, importer, product) is unique and exporter ≠ importer. */
export interface FlowRow {
  year: number;
  exporter: string;
  importer: string;
  /** HS code as given in the products input. */
  product: string;
  /** Whole US dollars, > 0. */
  valueUsd: number;
  /** Metric tons with 3 decimals, null for ~15% of rows (quantity not reported). */
  quantityTons: number | null;
}
