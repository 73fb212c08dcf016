import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';

@ObjectType({
  description:
    'An Atlas/WITS-style profile of a country in a year, from one dataset ([country profile](/docs/metrics#country-profile)). Each part is computed only when selected, in one statement for every country of the query.',
})
export class CountryProfile {
  /** ISO alpha-3 (resolved to `country`). */
  countryId!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Dataset, { description: 'The one dataset every trade figure here comes from.' })
  dataset!: Dataset;

  /** The dataset mixes HS levels (for the loaders). */
  mixed!: boolean;
}

@ObjectType({
  description: "A country's exports and imports in the year and the year before, with their growth (every flow counted once).",
})
export class ProfileTrade {
  @Field(() => Float, { description: 'Exports to every partner, USD.' })
  exports!: number;

  @Field(() => Float, { description: 'Imports from every partner, USD.' })
  imports!: number;

  @Field(() => Float, { description: 'Exports in the year before, USD (0 when none).' })
  exportsPrevious!: number;

  @Field(() => Float, { description: 'Imports in the year before, USD (0 when none).' })
  importsPrevious!: number;

  @Field(() => Float, { nullable: true, description: 'exports / exportsPrevious − 1; null without exports in the year before.' })
  exportGrowth!: number | null;

  @Field(() => Float, { nullable: true, description: 'imports / importsPrevious − 1; null without imports in the year before.' })
  importGrowth!: number | null;
}

@ObjectType({ description: "One of a country's largest export partners or HS-6 export products, with its share of the country's exports." })
export class ProfileShare {
  @Field({ description: 'The partner (ISO alpha-3) or the HS-6 code.' })
  code!: string;

  @Field(() => Float, { description: 'Exports to the partner, or of the product, USD.' })
  value!: number;

  @Field(() => Float, { description: "Its share of the country's exports (0–1)." })
  share!: number;
}

@ObjectType({
  description:
    "The structure of a country's exports: its largest destinations and HS-6 products with their shares, and the concentration (HHI Σ s², 0–1) of each over all of them (WITS partner and product HHI, [concentration](/docs/metrics#hhi)).",
})
export class ProfileExportStructure {
  @Field(() => Float, { nullable: true, description: 'HHI of its export destinations; null when it exports nothing.' })
  partnerHhi!: number | null;

  @Field(() => Float, { nullable: true, description: 'HHI of its HS-6 export products; null when it exports nothing.' })
  productHhi!: number | null;

  @Field(() => [ProfileShare], { description: 'Largest destinations first (ties by code), at most `first`.' })
  topPartners!: ProfileShare[];

  @Field(() => [ProfileShare], { description: 'Largest HS-6 products first (ties by code), at most `first`.' })
  topProducts!: ProfileShare[];
}

@ObjectType({
  description:
    'Partner and HS-6 product counts of a country: those whose trade with it, summed over products (partners) or partners (products), is above the threshold ([partner and product counts](/docs/metrics#partner-and-product-counts)).',
})
export class TradeCounts {
  @Field(() => Float, { description: 'The threshold, USD (strictly above counts).' })
  threshold!: number;

  @Field(() => Int, { description: 'Countries it exports to.' })
  exportPartners!: number;

  @Field(() => Int, { description: 'Countries it imports from.' })
  importPartners!: number;

  @Field(() => Int, { description: 'HS-6 products it exports.' })
  exportProducts!: number;

  @Field(() => Int, { description: 'HS-6 products it imports.' })
  importProducts!: number;
}

@ObjectType({
  description:
    "A country's strategic dependencies in the year by the GeoDep criteria at strategicDependencies' defaults (C1 and C2 HHI > 0.4, C3 imports / exports > 1; [strategic dependency](/docs/metrics#strategic-dependency)): its `dependentCount` there.",
})
export class ProfileDependencies {
  @Field(() => Int, { description: 'HS-6 products it imports.' })
  productsImported!: number;

  @Field(() => Int, { description: 'Those meeting C1, C2 and C3 in the year (persistence is not asked here).' })
  dependent!: number;
}

@ObjectType({
  description: 'The micro side of a country (the joined macro × micro view): facilities located there and the brands sourcing from them.',
})
export class ProfileSourcing {
  @Field(() => Int, { description: 'Facilities located in the country (any disclosure).' })
  facilities!: number;

  @Field(() => Int, { description: 'Brands that disclosed at least one of those facilities (at any date).' })
  brands!: number;
}
