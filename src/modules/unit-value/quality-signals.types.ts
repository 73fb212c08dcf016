import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';

@ObjectType({
  description:
    "One supplier country of a brand in one HS code of the brand's product types: the country's capacity share a_c and its unit values there ([quality signals](/docs/metrics#quality-signals)).",
})
export class QualitySignal {
  /** ISO alpha-3 (resolved to `country`). */
  countryId!: string;

  @Field(() => String, { description: 'The HS code (as the product-type ↔ HS mapping gives it; flows rolled up to it).' })
  productCode!: string;

  @Field(() => Float, {
    description:
      "a_c: the country's share of the brand's capacity of known weight (as in [sourcing markets](/docs/metrics#sourcing-markets)).",
  })
  capacityShare!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The country's UV in the code that year, USD/t (flows with q > 0; null without one).",
  })
  uv!: number | null;

  @Field(() => Float, { nullable: true, description: 'UV_world of the code that year (every exporter of the dataset).' })
  worldUv!: number | null;

  @Field(() => Float, { nullable: true, description: 'RUV = UV / UV_world ([RUV](/docs/metrics#relative-unit-value)).' })
  ruv!: number | null;

  @Field(() => Float, { nullable: true, description: 'UV in year − window.' })
  uvBefore!: number | null;

  @Field(() => Float, { nullable: true, description: 'RUV in year − window.' })
  ruvBefore!: number | null;

  @Field(() => Float, { nullable: true, description: 'UV / uvBefore − 1; null when either is unknown.' })
  uvChange!: number | null;

  @Field(() => Float, { nullable: true, description: 'RUV / ruvBefore − 1; null when either is unknown.' })
  ruvChange!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Unit-value drop: ruvChange < −dropThreshold ([drops](/docs/metrics#unit-value-trend-and-drops)); null when ruvChange is.',
  })
  drop!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: "Coverage Σ_{q>0} x / Σ x of the country's exports of the code ([coverage](/docs/metrics#coverage)).",
  })
  coverage!: number | null;

  @Field(() => Boolean, { description: 'Coverage below coverageThreshold (or no exports): flagged, not hidden.' })
  lowCoverage!: boolean;

  @Field(() => Float, { nullable: true, description: "The country's exports of the code that year, USD; null when it has none." })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ q over its flows with q > 0, metric tons.' })
  quantityTons!: number | null;
}

@ObjectType({ description: "The capacity-weighted summary of a brand's supplier countries in one HS code." })
export class QualitySummaryRow {
  @Field(() => String, { description: 'The HS code.' })
  productCode!: string;

  @Field(() => Float, { nullable: true, description: 'Σ a_c · RUV_c / Σ a_c over the countries with a RUV; null when none has one.' })
  weightedRuv!: number | null;

  @Field(() => Float, { description: "Σ a_c over the countries with a RUV: the share of the brand's capacity the summary speaks for." })
  coveredShare!: number;

  @Field(() => Float, {
    description: "Σ a_c over the countries whose RUV dropped: the share of the brand's capacity in countries with a unit-value drop.",
  })
  dropShare!: number;

  @Field(() => Int, { description: 'Supplier countries.' })
  countries!: number;
}

@ObjectType({
  description:
    "A brand's quality signals ([quality signals](/docs/metrics#quality-signals)): its supplier countries' unit values in the HS codes of its product types, weighted by the brand's capacity there, from ONE trade dataset.",
})
export class QualitySignals {
  @Field(() => Dataset, { description: 'The one trade dataset the unit values come from.' })
  dataset!: Dataset;

  @Field(() => String, {
    nullable: true,
    description: 'The disclosure date read (the latest on or before `asOf`); null when the brand had none by then.',
  })
  asOf!: string | null;

  @Field(() => Int, { description: 'Year of the unit values.' })
  year!: number;

  @Field(() => Int, { description: 'Years back the RUV is compared with.' })
  window!: number;

  @Field(() => [QualitySignal], { description: 'One row per HS code and supplier country, by code, then capacity share (largest first).' })
  signals!: QualitySignal[];

  @Field(() => [QualitySummaryRow], { description: 'One summary per HS code, capacity-weighted over the countries.' })
  summary!: QualitySummaryRow[];
}
