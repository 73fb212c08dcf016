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
    title: 'HS tree',
    query: `# Sections, their chapters, and the brand product types each maps to.
query HsTree {
  hsSections { roman name chapters { code description productTypes { id } } }
}`,
  },
  {
    title: 'Datasets',
    query: `# Where every figure comes from.
query Datasets {
  datasets { id kind name version file licence checksum importedAt rowCount }
}`,
  },
];
