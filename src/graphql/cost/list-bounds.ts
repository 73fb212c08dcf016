import { NESTED_BOUND, type ListBound } from '../nested';

/**
 * The `first` bound of each list that had none before issue 8. Defaults are chosen so that a query
 * without `first` still gets today's whole answer wherever it was bounded and small (8 product types,
 * 21 HS sections, 27 EU members…), and are what the cost model charges when `first` is absent.
 * Lists of the same kind share one bound; the cost table (cost-table.ts) says which list uses which.
 */
export const LIST_BOUNDS = {
  /** Brand product types (8 are seeded). */
  productTypes: { default: 20, max: 100 },
  /** HS codes a product type maps to (at most 11 seeded: TEXTILES → chapters 50–60). */
  hsProductsOfType: { default: 20, max: 1000 },
  /** Product types whose mapping covers a code (usually 1). */
  productTypesOfProduct: { default: 10, max: 100 },
  /** The 21 HS sections. */
  hsSections: { default: 21, max: 50 },
  /** Chapters of one HS section (at most 14: section XI, chapters 50–63). */
  sectionChapters: { default: 15, max: 100 },
  /** Codes one level down (at most ~90 headings in a chapter, ~40 subheadings in a heading). */
  productChildren: NESTED_BOUND,
  /** Loaded datasets. */
  datasets: { default: 50, max: 500 },
  /** Exporters of one import market: every country of the table (~260, with former ones) by default. */
  partnerShares: { default: 300, max: 1000 },
  /** Groups a country belongs to (a handful). */
  groupsOfCountry: { default: 20, max: 100 },
  /** Members of a group (27 for EU27, the largest seeded). */
  groupMembers: { default: 50, max: 300 },
  /** Brands that disclosed one facility, sourcing links of a brand or of a facility. */
  facilityBrands: NESTED_BOUND,
  sourcingLinks: NESTED_BOUND,
  /** Product types disclosed for one facility. */
  facilityProductTypes: { default: 20, max: 100 },
  /** Countries of a complexity matrix: every country with exports by default. */
  complexityCountries: { default: 300, max: 300 },
  /** Products of a complexity matrix: every product by default (the matrix has at most 2,000). */
  complexityProducts: { default: 2000, max: 2000 },
  /** Countries, manufacturers and facilities named in a disruption scenario's R. */
  removal: NESTED_BOUND,
  /**
   * Import markets of an importer-year: every one by default (an importer-year of BACI has ~5,300 HS-6 markets;
   * HS 2022 has 5,613 subheadings). With the top 10 exporters of each, 6,000 markets stay within the cost limit.
   */
  importMarkets: { default: 6000, max: 6000 },
  /** Participants above a single-source threshold (at most 8 at the default 20 %). */
  aboveThreshold: { default: 20, max: 2000 },
  // Country indicators (#12, part "indicators").
  /** Reporters, partners or profiled countries of one country-indicator query (one, unless a list is named). */
  indicatorCountries: { default: 1, max: 50 },
  /** Products listed by exportMarketPenetration (a BACI exporter-year has at most ~5,300 HS-6 products). */
  penetrationProducts: { default: 100, max: 6000 },
  /** Partners and products listed in a country profile's export structure. */
  profileTop: { default: 10, max: 300 },
  // #12 unit values
  /** Exporters of a product's unit-value ranking: every country of the table fits. */
  unitValueRanking: { default: 20, max: 300 },
  /** Exporters one unitValues request takes (`exporters`, one statement for all). */
  unitValueExporters: { default: 1, max: 50 },
  // #12 rival overlap
  /** Rivals of a brand sharing a facility (every other brand with a disclosure, at most). */
  rivalOverlaps: { default: 20, max: 1000 },
  /** Edges of an overlap network (pairs of brands): ~500 brands make ~125,000 pairs, most sharing nothing. */
  overlapEdges: { default: 500, max: 5000 },
  // #12 upstream exposure
  /** Input HS codes of a product type (at most 18 seeded: EQUIPMENT). */
  inputsOfType: { default: 50, max: 1000 },
  /** Origins of a brand's upstream exposure: every origin country (~260 with former ones) by default. */
  upstreamOrigins: { default: 300, max: 300 },
} as const satisfies Record<string, ListBound>;
