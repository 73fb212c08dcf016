/** Example operations opened as tabs in the explorer, so an analyst has something to start from. */
export const EXPLORER_EXAMPLES: Array<{ title: string; query: string; variables?: string }> = [
  {
    title: 'Country profile',
    query: `# A country, its groups, and the first facilities located in it with the brands they serve.
query CountryProfile {
  country(id: "VNM") {
    id name region subRegion
    groups { id name }
    facilities(first: 10) {
      name city capacityWeight
      manufacturer { name }
      brands { name hqCountry { name } }
    }
  }
}`,
  },
  {
    title: 'Trade flows',
    query: `# Footwear (HS 64) exported by ASEAN members to the EU27 in one year, page by page.
query Flows($after: String) {
  tradeFlows(first: 20, after: $after, filter: { year: 2022, hsPrefix: "64", exporterGroup: "ASEAN", importerGroup: "EU27" }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { year valueUsd quantityTons exporter { id } importer { id } product { code description } dataset { name version } }
  }
}`,
  },
  {
    title: 'Brand sourcing',
    query: `# A brand's disclosure dates and the facilities of its latest disclosure.
query Brand {
  brands(first: 1) {
    nodes {
      name parentCompany hqCountry { name }
      disclosureDates
      facilities(first: 20) { name country { name } workersMin workersMax manufacturer { name } }
    }
  }
}`,
  },
  {
    title: 'Import concentration',
    query: `# Where the USA's imports of women's suits (HS 6204) come from, and how concentrated they are (definitions: /docs/metrics#concentration).
query ImportConcentration {
  importConcentration(importer: "USA", product: "6204", year: 2023, top: 5) {
    dataset { name version }
    participants hhi hhiPoints band cr1 cr3 effectiveNumber gini
    top { share rank country { name region } }
  }
}`,
  },
  {
    title: 'Trend',
    query: `# Concentration of the USA's footwear imports year by year, with YoY, CAGR, ΔHHI and who gained share.
query Trend {
  concentrationTrend(market: IMPORT_SOURCES, reporter: "USA", product: "64", fromYear: 2018, toYear: 2023, participants: 5) {
    points { year hasData value valueYoY deltaHhiPoints significantIncrease concentration { hhiPoints band } }
    cagr cagrFrom cagrTo deltaHhiPoints missingYears
    shareShifts { country { name } shareBefore shareAfter shiftPoints rankBefore rankAfter rankChange }
  }
}`,
  },
  {
    title: 'Strategic dependencies',
    query: `# The EU's strategic dependencies by the CEPII GeoDep criteria, each value next to its verdict.
query Dependencies {
  strategicDependencies(importer: "EU27", year: 2023, only: ALL, first: 10) {
    productsImported dependentCount persistentCount
    items {
      product { code description }
      importHhi c1 worldExportHhi c2 importExportRatio c3 dependent dependentYears persistent
      largestSource { share country { name } }
    }
  }
}`,
  },
  {
    title: 'Brand exposure',
    query: `# How concentrated each brand's suppliers are, and its single-source exposure.
query BrandExposure {
  brands(first: 5) {
    nodes {
      name
      supplierConcentration(by: COUNTRY, top: 3) { asOf participants hhiPoints band unknownCapacity top { share country { name } } }
      singleSourceExposure { largestManufacturer { share manufacturer { name } } largestCountry { share country { name } } }
    }
  }
}`,
  },
  {
    title: 'Disruption',
    query: `# What if China dropped out? Brands losing the most capacity, import markets losing the most supply (no substitution).
query Disruption {
  disruptionScenario(remove: { countries: ["CHN"] }) {
    brands(first: 5) { totalCount nodes { brand { name } capacityLostShare facilitiesLost remaining { hhiPoints band } } }
    importMarkets(year: 2023, first: 5) { totalCount nodes { importer { name } product { code description } supplyLostShare remaining { participants hhiPoints } } }
  }
}`,
  },
  // #12 upstream exposure
  {
    title: 'Upstream exposure',
    query: `# Second-tier dependence: where a brand's supplier countries import their inputs (leather, rubber, yarn, fabric) from,
# U(b, o) = Σ_c a_c · m_{c,o}, next to its own capacity share there; and the upstream loss if CHN drops out.
query Upstream {
  brands(first: 1) {
    nodes {
      name
      upstreamExposure(year: 2023) {
        uncoveredShare coveredCountries supplierCountries
        origins(first: 10) { country { name } upstreamShare directShare }
        concentration { hhiPoints band }
      }
    }
  }
  disruptionScenario(remove: { countries: ["CHN"] }) {
    brands(first: 5) { nodes { brand { name } capacityLostShare upstreamLoss(year: 2023) { upstreamLoss directCountryLoss } } }
  }
}`,
  },
  {
    title: 'Specialisation',
    query: `# Revealed comparative advantage and economic complexity (Hausmann–Hidalgo, as the Atlas computes them).
query Specialisation {
  rca(year: 2023, level: 4, exporter: "VNM", minRca: 1, first: 10) { nodes { product { code description } rca m } }
  complexity(year: 2023, level: 4) { countries { country { name } diversity eci } }
}`,
  },
  {
    title: 'HS tree',
    query: `# Sections, their chapters, and the brand product types each maps to.
query HsTree {
  hsSections { roman name chapters { code description productTypes { id } } }
}`,
  },
  // #12 unit values
  {
    title: 'Unit values',
    query: `# Value per tonne of Viet Nam's and Indonesia's footwear exports, relative to the world, with drops (/docs/metrics#unit-values);
# who sells footwear dearest; and a brand's supplier countries' unit values in what it buys (/docs/metrics#quality-signals).
query UnitValues {
  unitValues(exporters: ["VNM", "IDN"], product: "64", fromYear: 2019, toYear: 2023) {
    rows { exporter { id } year uv worldUv ruv coverage lowCoverage uvYoY ruvChange drop }
    series { exporter { id } uvCagr ruvCagr dropYears }
  }
  product(code: "64") { unitValueRanking(year: 2022, first: 5) { worldUv nodes { rank exporter { name } uv ruv coverage } } }
  brands(first: 1) { nodes { name qualitySignals(year: 2022) { asOf summary { productCode weightedRuv coveredShare dropShare } } } }
}`,
  },
  {
    title: 'Datasets',
    query: `# Where every figure comes from.
query Datasets {
  datasets { id kind name version file licence checksum importedAt rowCount }
}`,
  },
  // Country indicators (#12, part "indicators").
  {
    title: 'Country indicators',
    query: `# WITS indicators: Viet Nam's trade intensity with its customers, how its exports fit their imports, and its market penetration (/docs/metrics#country-indicators).
query CountryIndicators {
  tradeIntensity(reporter: "VNM", partners: ["USA", "DEU", "JPN"], year: 2023) { partner index xcp xc xwp xw }
  complementarity(reporter: "VNM", partners: ["USA", "DEU", "JPN"], year: 2023) { partner index }
  exportMarketPenetration(exporter: "VNM", year: 2023, product: "64", first: 5) { productCount mean products { productCode destinations importers penetration } }
}`,
  },
  {
    title: 'WITS country profile',
    query: `# Trade and growth, export structure, counts, strategic dependencies and the facilities and brands of two countries (/docs/metrics#country-profile).
query CountryProfiles {
  countryProfile(countries: ["VNM", "IDN"], year: 2023) {
    country { name }
    trade { exports imports exportGrowth importGrowth }
    exportStructure(first: 3) { partnerHhi productHhi topPartners { code share } topProducts { code share } }
    counts { exportPartners importPartners exportProducts importProducts }
    strategicDependencies { productsImported dependent }
    sourcing { facilities brands }
  }
}`,
  },
  // #12 rival overlap
  {
    title: 'Rival overlap',
    query: `# Which factories brands share with their rivals, the brand's capacity exposed to them, and the network of brands tied
# by shared footwear factories (definitions: /docs/metrics#rival-overlap; GET /csv exports \`pairs\` as an edge list).
query RivalOverlap {
  brands(first: 3) {
    nodes {
      name
      rivalOverlap(first: 5) { facilities rivalCount rivals { rival { name } sharedFacilities sameTypeShared overlapShare jaccard } }
      leakageExposure(level: MANUFACTURER) { share exposedFacilities exposedParticipants rivals unknownCapacity }
    }
  }
  overlapNetwork(productType: "FOOTWEAR", minShared: 1, first: 50) {
    nodeCount pairCount
    pairs { brandAName brandBName sharedFacilities sharedCapacity }
  }
}`,
  },
];
