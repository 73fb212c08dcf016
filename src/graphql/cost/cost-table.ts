import { MAX_TOP } from '../../modules/concentration/concentration.args';
import { RANKED_DEFAULT, RANKED_MAX } from '../../modules/disruption/disruption.args';
import { COMPLEXITY_MAX_PRODUCTS } from '../../modules/specialisation/complexity.resolver';
import { RCA_MAX_ROWS } from '../../modules/specialisation/rca.resolver';
import { AGGREGATE_MAX_ROWS } from '../../modules/trade-aggregate/trade-aggregate.resolver';
import { MAX_TREND_YEARS } from '../../modules/trends/concentration-trend.args';
import { MAX_UNIT_VALUE_YEARS } from '../../modules/unit-value/unit-value.args';
import { OVERLAP_MAX_NODES } from '../../modules/overlap/overlap.args'; // #12 rival overlap
import { NESTED_BOUND } from '../nested';
import { DEFAULT_PAGE_SIZE } from '../pagination';
import { LIST_BOUNDS } from './list-bounds';
import { argument, computed, fixed, firstOf, itemOf, pageFirst, sizeOf, UNITS, type Args, type FieldCost } from './cost-model';

/*
 * The static cost of every field that is not "an object for 1, a scalar for 0" (cost-estimator.ts applies
 * the rule). Unit: one point ≈ 10,000 rows read, or one object through a batched loader; a statement
 * through an index costs UNITS.STATEMENT. Lists cost size × (1 + the cost of one item's selection).
 */

const { STATEMENT, YEAR_OF_FLOWS, SERIES_YEARS } = UNITS;

/** `first` of a root connection: default 50, at most the page size; `totalCount` priced by `count`. */
const connection = (count: number, countText: string): FieldCost => ({
  items: { nodes: pageFirst(DEFAULT_PAGE_SIZE), edges: pageFirst(DEFAULT_PAGE_SIZE) },
  count: fixed(count, countText),
});
const CONNECTION_ITEMS = itemOf('`first` of the connection', (options) => options.maxPageSize);

const TOP = argument('top', MAX_TOP);
const concentration = (points: number, text: string): FieldCost => ({ base: fixed(points, text), items: { top: TOP } });
const TOP_ITEMS = itemOf('`top` of the field that computes it', MAX_TOP);

const yearsOf = (args: Args, from: string, to: string, max: number): number => {
  const a = args[from];
  const b = args[to];
  return typeof a === 'number' && typeof b === 'number' ? Math.max(1, Math.min(b - a + 1, max)) : max;
};
const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
const filterOf = (args: Args) => (args.filter ?? {}) as Args;

/** Fine dimensions make aggregation hash and sort many groups: each adds a sixth to the scan. */
const FINE_DIMENSIONS = new Set(['EXPORTER', 'IMPORTER', 'PRODUCT']);
const groupFactor = (args: Args) =>
  1 + (Array.isArray(args.groupBy) ? args.groupBy.filter((d) => FINE_DIMENSIONS.has(String(d))).length : 0) / 6;

/** Eigenvector, proximity and density on the request's thread, by HS level (HS-4: ~1 s at BACI scale). */
const COMPLEXITY_CPU: Record<number, number> = { 2: 200, 4: 10_000, 6: 50_000 };
/** Products a complexity matrix can have at each level (HS-2 ~97, HS-4 ~1,240; larger ones are refused). */
const MATRIX_PRODUCTS: Record<number, number> = { 2: 100, 4: 1300, 6: COMPLEXITY_MAX_PRODUCTS };
const matrixProducts = (args: Args) => MATRIX_PRODUCTS[num(args.level, 4)] ?? COMPLEXITY_MAX_PRODUCTS;

// #12 unit values
const unitValueExporters = (a: Args) =>
  Array.isArray(a.exporters) ? Math.max(1, Math.min(a.exporters.length, LIST_BOUNDS.unitValueExporters.max)) : 1;

const RANKED = firstOf({ default: RANKED_DEFAULT, max: RANKED_MAX });

/** One product's world exporters in a year: the roll-up table, or the product's share of a year of flows. */
const WORLD_PRODUCT = 2 * STATEMENT + YEAR_OF_FLOWS / 50;
/** An exporter's year: its flows of one product, or of every product (a large exporter ships ~10 % of a year). */
const exporterYear = (statement: number) =>
  computed(`${statement} for one product's destinations, ${statement + YEAR_OF_FLOWS / 10} for every product or by PRODUCTS`, (a) =>
    a.by === 'PRODUCTS' || a.product == null ? statement + YEAR_OF_FLOWS / 10 : statement,
  );
/** GeoDep per window year: the importer's imports of every HS-6 product, and the world exports of each. */
const GEODEP_YEAR = 20 * STATEMENT + YEAR_OF_FLOWS / 5;

// Country indicators (#12, part "indicators").
const countriesIn = (value: unknown, fallback: number) =>
  Array.isArray(value) ? Math.min(value.length, LIST_BOUNDS.indicatorCountries.max) : fallback;
/** One row per (reporter, partner) pair: `reporters` × `partners` (one each for `reporter`, `partner`). */
const COUNTRY_PAIRS = sizeOf(
  '`reporters` × `partners` (one for `reporter` or `partner`; max 50 each)',
  (a) => countriesIn(a.reporters, 1) * countriesIn(a.partners, 1),
);
const PROFILE_COUNTRIES = sizeOf('`countries` (one for `country`; max 50)', (a) => countriesIn(a.countries, 1));

/** Every field with a cost of its own, by `Type.field`. */
export const COST_TABLE: Readonly<Record<string, FieldCost>> = {
  // Root connections: keyset pages over an index; totalCount is a COUNT(*) of the filter.
  'Query.countries': connection(1, 'a count of at most ~260 countries'),
  'Query.countryGroups': connection(1, 'a count of a few groups'),
  'Query.products': connection(10, 'a count of ~6,000 HS codes'),
  'Query.brands': connection(20, 'a count of brands'),
  'Query.manufacturers': connection(50, 'a count of manufacturers'),
  'Query.facilities': connection(100, 'a count of facilities'),
  'Query.sourcingLinks': connection(200, 'a count of sourcing links'),
  'Query.tradeFlows': {
    ...connection(0, ''),
    // A keyset page walks the flows in id order until it has `first` that match: a selective filter (a
    // value no flow reaches, a prefix no flow has) reads as many rows as counting them would.
    base: computed(
      `a page may read every filtered flow: ${YEAR_OF_FLOWS / 10} with \`filter.year\`, ${(YEAR_OF_FLOWS * SERIES_YEARS) / 10} without`,
      (a) => (filterOf(a).year == null ? (YEAR_OF_FLOWS * SERIES_YEARS) / 10 : YEAR_OF_FLOWS / 10),
    ),
    count: computed(
      `a count of the filtered flows: ${YEAR_OF_FLOWS / 10} with \`filter.year\`, ${(YEAR_OF_FLOWS * SERIES_YEARS) / 10} without`,
      (a) => (filterOf(a).year == null ? (YEAR_OF_FLOWS * SERIES_YEARS) / 10 : YEAR_OF_FLOWS / 10),
    ),
  },
  ...Object.fromEntries(
    ['Country', 'CountryGroup', 'Product', 'Brand', 'Manufacturer', 'Facility', 'SourcingLink', 'TradeFlow'].flatMap((name) => [
      [`${name}Connection.nodes`, { itemOf: CONNECTION_ITEMS }],
      [`${name}Connection.edges`, { itemOf: CONNECTION_ITEMS }],
    ]),
  ),

  // Reference lists and nested lists (batched loaders: one statement per level, first `first` per parent).
  'Query.productTypes': { list: firstOf(LIST_BOUNDS.productTypes) },
  'Query.hsSections': { list: firstOf(LIST_BOUNDS.hsSections) },
  'Query.datasets': { list: firstOf(LIST_BOUNDS.datasets) },
  'ProductType.hsProducts': { list: firstOf(LIST_BOUNDS.hsProductsOfType) },
  'Product.children': { list: firstOf(LIST_BOUNDS.productChildren) },
  'Product.productTypes': { list: firstOf(LIST_BOUNDS.productTypesOfProduct) },
  'HsSection.chapters': { list: firstOf(LIST_BOUNDS.sectionChapters) },
  'Country.groups': { list: firstOf(LIST_BOUNDS.groupsOfCountry) },
  'CountryGroup.members': { list: firstOf(LIST_BOUNDS.groupMembers) },
  'Country.facilities': { list: firstOf(NESTED_BOUND) },
  'Country.brandsHeadquartered': { list: firstOf(NESTED_BOUND) },
  'Manufacturer.facilities': { list: firstOf(NESTED_BOUND) },
  'Brand.facilities': { list: firstOf(NESTED_BOUND) },
  'Brand.sourcingLinks': { list: firstOf(LIST_BOUNDS.sourcingLinks) },
  'Facility.brands': { list: firstOf(LIST_BOUNDS.facilityBrands) },
  'Facility.sourcingLinks': { list: firstOf(LIST_BOUNDS.sourcingLinks) },
  'Facility.productTypes': { list: firstOf(LIST_BOUNDS.facilityProductTypes) },

  // API keys (access module): the list has no `first`; priced as a hundred keys.
  'Query.apiKeys': { list: sizeOf('every API key, priced as 100', () => 100) },

  // Trade concentration: one market through the (importer, product, year) index, or the world roll-up.
  'Query.importConcentration': concentration(STATEMENT, 'one import market through its index'),
  'Query.worldExportConcentration': concentration(WORLD_PRODUCT, "one product's world exporters (roll-up table, or the product's flows)"),
  'Query.exportConcentration': { base: exporterYear(STATEMENT), items: { top: TOP } },
  'Query.partnerShares': { base: fixed(STATEMENT, 'one import market through its index'), list: firstOf(LIST_BOUNDS.partnerShares) },
  'Query.importConcentrations': {
    base: fixed(
      STATEMENT + YEAR_OF_FLOWS / 10,
      "one statement: the importer-year's market statistics, or its imports of the year when the selection needs every exporter",
    ),
    list: firstOf(LIST_BOUNDS.importMarkets),
    items: { 'concentration.top': TOP },
  },
  'Country.importConcentration': concentration(5, "the country's market, read in one statement with every other country's"),
  'Country.exportConcentration': { base: exporterYear(5), items: { top: TOP } },
  'Product.importConcentration': concentration(5, "the product's market, read in one statement with every other product's"),
  'Product.exportConcentration': concentration(
    WORLD_PRODUCT,
    "the product's world exporters, read in one statement with every other product's",
  ),
  'Concentration.top': { itemOf: TOP_ITEMS },
  'SupplierConcentration.top': { itemOf: TOP_ITEMS },
  'CustomerConcentration.top': { itemOf: TOP_ITEMS },

  // Sourcing analytics: a brand's or manufacturer's disclosure, batched over every parent of the query.
  'Brand.supplierConcentration': concentration(2, "the brand's latest disclosure, batched"),
  'Manufacturer.customerConcentration': concentration(2, "the manufacturer's facilities and their brands, batched"),
  'Brand.singleSourceExposure': { base: fixed(4, 'two batched statements (manufacturers, countries)') },
  'SingleSourceExposure.aboveThreshold': { list: firstOf(LIST_BOUNDS.aboveThreshold) },
  'Brand.disclosureChange': { base: fixed(5, 'the facility diff of two disclosures') },
  'DisclosureChange.shares': { base: fixed(2, 'shares at both dates'), list: argument('top', MAX_TOP) },
  'DisclosureChange.concentrationBefore': concentration(2, 'the concentration at the first date'),
  'DisclosureChange.concentrationAfter': concentration(2, 'the concentration at the second date'),
  'DisclosureChange.significantIncrease': { base: fixed(2, 'the HHI at both dates') },
  'DisclosureChange.addedFacilities': { list: firstOf(NESTED_BOUND) },
  'DisclosureChange.droppedFacilities': { list: firstOf(NESTED_BOUND) },
  'DisclosureChange.keptFacilities': { list: firstOf(NESTED_BOUND) },

  // Trends: one statement over the years asked.
  'Query.concentrationTrend': {
    base: computed(
      `${STATEMENT} per year of the range (max ${MAX_TREND_YEARS})`,
      (a) => STATEMENT * yearsOf(a, 'fromYear', 'toYear', MAX_TREND_YEARS),
    ),
    items: {
      points: sizeOf('the years of the range', (a) => yearsOf(a, 'fromYear', 'toYear', MAX_TREND_YEARS)),
      'points.concentration.top': TOP,
      shareShifts: argument('participants', MAX_TOP, 2),
    },
  },
  'ConcentrationTrend.points': { itemOf: itemOf('the years of the range', MAX_TREND_YEARS) },
  'ConcentrationTrend.shareShifts': { itemOf: itemOf('the `participants` largest at either end', 2 * MAX_TOP) },

  // GeoDep: every HS-6 product the importer imports, with the world exporters of each, per window year.
  'Query.strategicDependencies': {
    base: computed(
      `${STATEMENT} + ${GEODEP_YEAR} per year of the persistence window (the importer's imports of every HS-6 product, and the world exports of each)`,
      (a) => STATEMENT + GEODEP_YEAR * Math.max(1, Math.min(num(a.persistenceYears, 3), 10)),
    ),
    items: { items: firstOf(NESTED_BOUND) },
  },
  'StrategicDependencyReport.items': { itemOf: itemOf('`first` of strategicDependencies', NESTED_BOUND.max) },

  // Flat aggregates and specialisation: whole years of flows.
  'Query.tradeAggregate': {
    base: computed(
      `${STATEMENT} + ${YEAR_OF_FLOWS} per year scanned (every year, ${SERIES_YEARS}, unless filter.yearFrom and filter.yearTo bound it), × (1 + ⅙ per EXPORTER, IMPORTER or PRODUCT in groupBy)`,
      (a) => STATEMENT + Math.ceil(YEAR_OF_FLOWS * yearsOf(filterOf(a), 'yearFrom', 'yearTo', SERIES_YEARS) * groupFactor(a)),
    ),
    items: { rows: firstOf({ default: 100, max: AGGREGATE_MAX_ROWS }) },
  },
  'TradeAggregate.rows': { itemOf: itemOf('`first` of tradeAggregate', AGGREGATE_MAX_ROWS) },
  'Query.rca': {
    base: fixed(STATEMENT + YEAR_OF_FLOWS, 'a year of exports (x_ck, X_c, x_wk and X_w)'),
    items: { nodes: firstOf({ default: 100, max: RCA_MAX_ROWS }) },
  },
  'RcaPage.nodes': { itemOf: itemOf('`first` of rca', RCA_MAX_ROWS) },
  'Query.complexity': {
    base: computed(
      `${STATEMENT + YEAR_OF_FLOWS} for the year's RCA, then the eigenvector over every country × product: ${Object.entries(COMPLEXITY_CPU)
        .map(([l, p]) => `${p} at HS-${l}`)
        .join(', ')}`,
      (a) => STATEMENT + YEAR_OF_FLOWS + (COMPLEXITY_CPU[num(a.level, 4)] ?? COMPLEXITY_CPU[6]),
    ),
    items: {
      products: sizeOf('the products of the matrix at `level` (≤ 100 at HS-2, 1,300 at HS-4)', (a, _o, own) =>
        Math.min(own, matrixProducts(a)),
      ),
      countryProducts: sizeOf('one row per product of the matrix at `level` for each country asked', (a, _o, own) =>
        Math.ceil((own / COMPLEXITY_MAX_PRODUCTS) * matrixProducts(a)),
      ),
    },
  },
  'Complexity.countries': { list: firstOf(LIST_BOUNDS.complexityCountries) },
  'Complexity.products': { list: firstOf(LIST_BOUNDS.complexityProducts) },
  'Complexity.countryProducts': {
    list: sizeOf(
      `${COMPLEXITY_MAX_PRODUCTS} rows per country asked`,
      (a) => (Array.isArray(a.countries) ? Math.min(a.countries.length, 20) : 20) * COMPLEXITY_MAX_PRODUCTS,
    ),
  },

  // Disruption scenarios.
  'Query.disruptionScenario': { base: fixed(STATEMENT, 'resolving the set R') },
  'DisruptionScenario.countries': { list: firstOf(LIST_BOUNDS.removal) },
  'DisruptionScenario.manufacturers': { list: firstOf(LIST_BOUNDS.removal) },
  'DisruptionScenario.facilities': { list: firstOf(LIST_BOUNDS.removal) },
  'DisruptionScenario.brands': {
    base: fixed(1000, "every brand's latest disclosure and its facilities (~0.1 s)"),
    items: { nodes: RANKED, 'nodes.remaining.top': TOP },
  },
  'DisruptionScenario.importMarkets': {
    base: computed(
      `${STATEMENT + 2 * YEAR_OF_FLOWS} for a whole year of flows (no \`product\`), ${STATEMENT + YEAR_OF_FLOWS / 10} under a product`,
      (a) => (a.product == null ? STATEMENT + 2 * YEAR_OF_FLOWS : STATEMENT + YEAR_OF_FLOWS / 10),
    ),
    items: { nodes: RANKED, 'nodes.remaining.top': TOP },
  },
  'BrandDisruptions.nodes': { itemOf: itemOf('`first` of brands', RANKED_MAX) },
  'ImportMarketDisruptions.nodes': { itemOf: itemOf('`first` of importMarkets', RANKED_MAX) },

  // Country indicators (#12, part "indicators"): a year of flows per statement; a profile's parts are each one
  // statement for every country asked, priced per country as its share of that year (a full profile of the
  // 50 countries a query may name stays under the default limit).
  'Query.tradeIntensity': { base: fixed(STATEMENT + YEAR_OF_FLOWS, 'a year of flows (X_w, X_c, X_wp, X_cp)'), list: COUNTRY_PAIRS },
  'Query.complementarity': {
    base: fixed(STATEMENT + YEAR_OF_FLOWS, "a year of flows (the reporters' exports, the partners' imports)"),
    list: COUNTRY_PAIRS,
  },
  'Query.exportMarketPenetration': {
    base: fixed(STATEMENT + YEAR_OF_FLOWS / 2, "the exporter's products and every importer of them"),
    items: { products: firstOf(LIST_BOUNDS.penetrationProducts) },
  },
  'ExportMarketPenetration.products': { itemOf: itemOf('`first` of exportMarketPenetration', LIST_BOUNDS.penetrationProducts.max) },
  'Query.countryProfile': { base: fixed(STATEMENT, 'the countries checked against the catalog'), list: PROFILE_COUNTRIES },
  'CountryProfile.trade': {
    base: fixed(STATEMENT + YEAR_OF_FLOWS / 50, "the country's flows of two years (~2 % of a year each), batched"),
  },
  'CountryProfile.exportStructure': {
    base: fixed(STATEMENT + YEAR_OF_FLOWS / 50, "the country's exports by partner and product, batched"),
    items: { topPartners: firstOf(LIST_BOUNDS.profileTop), topProducts: firstOf(LIST_BOUNDS.profileTop) },
  },
  'ProfileExportStructure.topPartners': { itemOf: itemOf('`first` of exportStructure', LIST_BOUNDS.profileTop.max) },
  'ProfileExportStructure.topProducts': { itemOf: itemOf('`first` of exportStructure', LIST_BOUNDS.profileTop.max) },
  'CountryProfile.counts': { base: fixed(STATEMENT + YEAR_OF_FLOWS / 50, "the country's flows by partner and product, batched") },
  'CountryProfile.strategicDependencies': {
    base: fixed(STATEMENT + YEAR_OF_FLOWS / 10, "the country's imports of every HS-6 product and the world exports of each, batched"),
  },
  'Country.tradeCounts': { base: fixed(STATEMENT + YEAR_OF_FLOWS / 50, "the country's flows by partner and product, batched") },
  'CountryProfile.sourcing': { base: fixed(2, "the country's facilities and their brands, batched") },
  // #12 unit values: one product's flows (quantities are not in the roll-up tables) per year read.
  'Query.unitValues': {
    base: computed(
      `${STATEMENT} + ${YEAR_OF_FLOWS / 50} per year read (the range and the drop window before it: one product's flows)`,
      (a) => STATEMENT + (YEAR_OF_FLOWS / 50) * (yearsOf(a, 'fromYear', 'toYear', MAX_UNIT_VALUE_YEARS) + num(a.dropWindow, 1)),
    ),
    items: {
      rows: sizeOf('exporters × years of the range', (a) => unitValueExporters(a) * yearsOf(a, 'fromYear', 'toYear', MAX_UNIT_VALUE_YEARS)),
      series: sizeOf('the exporters asked', unitValueExporters),
    },
  },
  'UnitValues.rows': { itemOf: itemOf('exporters × years of unitValues', LIST_BOUNDS.unitValueExporters.max * MAX_UNIT_VALUE_YEARS) },
  'UnitValues.series': { itemOf: itemOf('the exporters of unitValues', LIST_BOUNDS.unitValueExporters.max) },
  'Product.unitValueRanking': {
    base: fixed(WORLD_PRODUCT, "one product's flows of the year, batched over the products of the query"),
    items: { nodes: firstOf(LIST_BOUNDS.unitValueRanking) },
  },
  'UnitValueRanking.nodes': { itemOf: itemOf('`first` of unitValueRanking', LIST_BOUNDS.unitValueRanking.max) },
  'Brand.qualitySignals': {
    base: fixed(
      STATEMENT + (2 * YEAR_OF_FLOWS) / 5,
      "the brand's disclosure, and the flows of its product types' HS codes in two years, batched",
    ),
    items: {
      signals: sizeOf('HS codes × supplier countries, priced as 500', () => 500),
      summary: sizeOf('the HS codes, priced as 20', () => 20),
    },
  },
  'QualitySignals.signals': { itemOf: itemOf('HS codes × supplier countries of qualitySignals', 500) },
  'QualitySignals.summary': { itemOf: itemOf('HS codes of qualitySignals', 20) },
  // #12 rival overlap: every brand's disclosure in force, its facilities paired with every other brand's.
  'Brand.rivalOverlap': {
    base: fixed(100, "every brand's links in force, the brand's facilities paired with its rivals', batched over the brands"),
    items: { rivals: firstOf(LIST_BOUNDS.rivalOverlaps) },
  },
  'RivalOverlapList.rivals': { itemOf: itemOf('`first` of rivalOverlap', LIST_BOUNDS.rivalOverlaps.max) },
  'RivalOverlap.facilities': { list: firstOf(NESTED_BOUND) },
  'Brand.leakageExposure': {
    base: fixed(100, "every brand's links in force, the brand's facilities or manufacturers matched with its rivals', batched"),
  },
  'Query.overlapNetwork': {
    base: fixed(1000, "every brand's links in force of the type, paired by facility (~0.1 s)"),
    items: {
      pairs: firstOf(LIST_BOUNDS.overlapEdges),
      nodes: sizeOf(`every brand sourcing the type, at most ${OVERLAP_MAX_NODES}`, () => OVERLAP_MAX_NODES),
    },
  },
  'OverlapNetwork.pairs': { itemOf: itemOf('`first` of overlapNetwork', LIST_BOUNDS.overlapEdges.max) },
  'OverlapNetwork.nodes': { itemOf: itemOf('the brands of the network', OVERLAP_MAX_NODES) },
  // #12 upstream exposure: the brand's disclosure, and its supplier countries' imports of the inputs in one year.
  'ProductType.inputs': { list: firstOf(LIST_BOUNDS.inputsOfType) },
  'Brand.upstreamExposure': {
    base: fixed(2 + YEAR_OF_FLOWS / 20, "the brand's latest disclosure and its supplier countries' imports of the year, batched"),
    items: { 'concentration.top': TOP },
  },
  'UpstreamExposure.origins': { list: firstOf(LIST_BOUNDS.upstreamOrigins) },
  // Per ranked brand: one statement serves the whole ranking, whose brands share most supplier countries.
  'BrandDisruption.upstreamLoss': { base: fixed(20, "the brand's share of one batched statement over the ranking's supplier countries") },
};
