/**
 * Deterministic demo-data generator for tradegraph: pure functions, no I/O. Same options and inputs
 * give byte-identical output on any machine; callers' ordering of countries and products is irrelevant.
 *
 * - {@link generateSourcing}: manufacturers, facilities, brands and brand→facility links (small, in memory).
 * - {@link generateFlows}: bilateral trade flows, streamed (scales to 10M+ rows with bounded memory).
 */
import { canonicalCountries } from './geography';
import { canonicalDates, generateLinks, planBrands } from './links';
import { generateSuppliers } from './sourcing';
import type { BrandRow, DemoCountry, DemoOptions, FacilityRow, LinkRow, ManufacturerRow } from './types';

export { flowCapacity, generateFlows } from './flows';
export { generateInputFlows } from './input-flows';
export {
  type BrandRow,
  DEFAULT_DEMO_OPTIONS,
  DEMO_INPUT_SHARE,
  type DemoCountry,
  type DemoOptions,
  type FacilityRow,
  type FlowRow,
  type LinkRow,
  type ManufacturerRow,
  SOURCING_PRODUCT_TYPES,
  type SourcingProductType,
} from './types';

/** The sourcing side of the demo, each list in id order (links by date, brand, facility, type). */
export interface DemoSourcing {
  manufacturers: ManufacturerRow[];
  facilities: FacilityRow[];
  brands: BrandRow[];
  links: LinkRow[];
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * Generates manufacturers (ids 1..manufacturers), facilities (ids 1..facilities), brands (ids 1..brands)
 * and their links at every disclosure date. Facilities go to the usual sourcing countries present in
 * `countries` (any country when none is present).
 * @throws RangeError on invalid counts or dates, or when `countries` is empty.
 */
export function generateSourcing(options: DemoOptions, countries: DemoCountry[]): DemoSourcing {
  assertCount('manufacturers', options.manufacturers);
  assertCount('facilities', options.facilities);
  assertCount('brands', options.brands);
  const dates = canonicalDates(options.disclosureDates);
  const canonical = canonicalCountries(countries);
  if (canonical.length === 0) throw new RangeError('generateSourcing needs at least one country');
  const { manufacturers, facilities } = generateSuppliers(options.manufacturers, options.facilities, options.seed, canonical);
  const brands = planBrands(options.brands, options.facilities, options.seed, canonical);
  return {
    manufacturers,
    facilities: facilities.map((f) => f.row),
    brands: brands.map((b) => b.row),
    links: generateLinks(brands, facilities, dates, options.seed),
  };
}
