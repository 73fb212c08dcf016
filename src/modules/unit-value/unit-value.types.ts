import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';

/** The sums and figures every unit-value row carries (METRICS.md "Unit values"). */
@ObjectType({
  description: 'The sums and unit-value figures of one exporter, product and year ([unit values](/docs/metrics#unit-values)).',
})
export class UnitValueFigures {
  /** ISO alpha-3 of the exporter (resolved to `exporter`). */
  exporterId!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'UV = Σ x / Σ q over the flows with a known quantity q > 0, USD per metric ton ([unit value](/docs/metrics#unit-value)). Null when no flow has a quantity (never 0).',
  })
  uv!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'UV_world = Σ x / Σ q over every exporter\'s flows with q > 0 in the product and year (to the importer when one is given), USD/t ([relative unit value](/docs/metrics#relative-unit-value)). "World" is the dataset\'s: from a file holding only some exporters, it is their unit value.',
  })
  worldUv!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'RUV = UV / UV_world; above 1 the exporter sells dearer than the world average ([RUV](/docs/metrics#relative-unit-value)).',
  })
  ruv!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Coverage = Σ_{q>0} x / Σ x: the share of the exports' value whose quantity is known ([coverage](/docs/metrics#coverage)).",
  })
  coverage!: number | null;

  @Field(() => Boolean, {
    description: 'Coverage below the threshold asked (default 0.5): the UV rests on a small part of the trade. Flagged, not hidden.',
  })
  lowCoverage!: boolean;

  @Field(() => Float, { description: 'Σ x: the value of every flow counted, USD (with or without a quantity).' })
  value!: number;

  @Field(() => Float, { description: 'Σ x over the flows with q > 0, USD (the numerator of UV).' })
  valueWithQuantity!: number;

  @Field(() => Float, { nullable: true, description: 'Σ q over the flows with q > 0, metric tons; null when none has one.' })
  quantityTons!: number | null;

  @Field(() => Int, { description: 'Flows counted.' })
  flows!: number;

  @Field(() => Int, { description: 'Flows with a known quantity q > 0 (those a NULL or 0 quantity is left out of Σ q).' })
  flowsWithQuantity!: number;
}

@ObjectType({
  description:
    "One exporter's unit value of the product in one year, with its trend ([unit-value trend and drops](/docs/metrics#unit-value-trend-and-drops)). A year without exports has null figures (never 0).",
})
export class UnitValueYear extends UnitValueFigures {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Boolean, { description: 'Whether the exporter has exports of the product that year (with or without quantities).' })
  hasData!: boolean;

  @Field(() => Float, { nullable: true, description: 'UV_t / UV_{t−1} − 1; null when either year has no UV (a gap is never bridged).' })
  uvYoY!: number | null;

  @Field(() => Float, { nullable: true, description: 'RUV_t / RUV_{t−1} − 1; null when either year has no RUV.' })
  ruvYoY!: number | null;

  @Field(() => Float, { nullable: true, description: 'RUV_t / RUV_{t−window} − 1 (window = `dropWindow`); null when either is unknown.' })
  ruvChange!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Unit-value drop: ruvChange < −dropThreshold (default −15 % over 1 year). Null when ruvChange is.',
  })
  drop!: boolean | null;
}

@ObjectType({ description: "One exporter's unit-value trend over the range: CAGR of UV and RUV, and the years of a drop." })
export class UnitValueSeries {
  /** ISO alpha-3 (resolved to `exporter`). */
  exporterId!: string;

  @Field(() => Int, { nullable: true, description: 'First year of the range with a UV (a); null unless two years have one.' })
  cagrFrom!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of the range with a UV (b).' })
  cagrTo!: number | null;

  @Field(() => Float, { nullable: true, description: 'CAGR of UV, (UV_b / UV_a)^{1/(b−a)} − 1 ([CAGR](/docs/metrics#cagr)).' })
  uvCagr!: number | null;

  @Field(() => Float, { nullable: true, description: 'CAGR of RUV over the same years.' })
  ruvCagr!: number | null;

  @Field(() => [Int], { description: 'Years of the range with a unit-value drop.' })
  dropYears!: number[];

  @Field(() => [Int], { description: 'Years of the range whose coverage is below the threshold.' })
  lowCoverageYears!: number[];
}

@ObjectType({
  description:
    'Unit values of exporters in one product over a year range, from ONE dataset ([unit values](/docs/metrics#unit-values)). `rows` is one flat row per exporter and year (CSV-ready); `series` the trend of each exporter.',
})
export class UnitValues {
  @Field(() => Dataset, { description: 'The one dataset every figure here comes from.' })
  dataset!: Dataset;

  /** The HS code asked (resolved to `product`). */
  productCode!: string;

  /** The importer asked, if any (resolved to `importer`). */
  importerId!: string | null;

  @Field(() => Int, { description: 'First year of the range.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year of the range.' })
  toYear!: number;

  @Field(() => [UnitValueYear], { description: 'One row per exporter (in the order asked) and year of the range.' })
  rows!: UnitValueYear[];

  @Field(() => [UnitValueSeries], { description: 'One trend per exporter, in the order asked.' })
  series!: UnitValueSeries[];
}

@ObjectType({ description: "An exporter's place in a product's unit-value ranking." })
export class UnitValueRank extends UnitValueFigures {
  @Field(() => Int, { description: 'Rank by RUV, highest first (1 = dearest); ties by country code.' })
  rank!: number;
}

@ObjectType({
  description:
    'The exporters of a product in one year ranked by relative unit value ([RUV](/docs/metrics#relative-unit-value)), from ONE dataset. Exporters without a quantity have no RUV and are not ranked (counted in `unranked`).',
})
export class UnitValueRanking {
  @Field(() => Dataset, { description: 'The one dataset every figure here comes from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Float, { nullable: true, description: "UV_world of the product that year, USD/t (the dataset's world)." })
  worldUv!: number | null;

  @Field(() => Int, { description: 'Exporters with a RUV (and coverage ≥ minCoverage when given), over all of them (not only `first`).' })
  totalCount!: number;

  @Field(() => Int, { description: 'Exporters with exports of the product but no quantity (no UV), or below minCoverage.' })
  unranked!: number;

  @Field(() => [UnitValueRank], { description: 'The `first` exporters by RUV, highest first.' })
  nodes!: UnitValueRank[];
}
