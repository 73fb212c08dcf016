import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Concentration } from '../concentration/concentration.types';
import { Dataset } from '../dataset/dataset.entity';

const DOC = '/docs/metrics';

@ObjectType({ description: `A brand's exposure to one origin country of its suppliers' inputs ([upstream share](${DOC}#upstream-share)).` })
export class UpstreamOrigin {
  @Field({ description: 'The origin country (ISO alpha-3); see `country`.' })
  originCode!: string;

  @Field(() => Float, {
    description:
      "U(b, o) = Σ_c a_c · m_{c,o}: the brand's capacity share a_c in each supplier country c times c's import share m_{c,o} from this origin of the inputs of the product types the brand sources in c. A fraction in [0, 1]; 0 for a supplier country no input comes from.",
  })
  upstreamShare!: number;

  @Field(() => Float, { description: "a_o: the brand's own (direct) capacity share in this country, 0 when it sources nothing there." })
  directShare!: number;
}

@ObjectType({
  description: `A brand's second-tier dependence ([upstream exposure](${DOC}#upstream-exposure)): where the inputs (leather, rubber, yarn, fabric… per [ProductType.inputs](${DOC}#input-mapping)) of its supplier countries come from, by their imports in one trade dataset and year. Trade data does not see a country's own production of its inputs (o = c): U is exposure through imports only.`,
})
export class UpstreamExposure {
  @Field(() => Dataset, { description: 'The one dataset the input imports come from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year of the input imports.' })
  year!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The product type asked (its facilities and inputs only); null = every type the brand sources.',
  })
  productType!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date of the disclosure read (the brand's latest on or before `asOf`); null when it has none by then (of the type asked).",
  })
  disclosedAt!: string | null;

  @Field(() => Float, { description: 'Capacity: Σ of the weights of its facilities of known capacity, the W of the shares a_c.' })
  capacity!: number;

  @Field(() => Int, { description: 'Facilities whose capacity is unknown: left out of every share, never weighed as 0 or 1.' })
  unknownCapacity!: number;

  @Field(() => Int, { description: 'Supplier countries (with capacity of known weight).' })
  supplierCountries!: number;

  @Field(() => Int, { description: 'Of those, the countries with input imports in the dataset and year.' })
  coveredCountries!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Uncovered share: Σ a_c over the supplier countries without any input imports in the dataset and year; the U of all origins sum to 1 − uncoveredShare. Null when no facility has a known capacity.',
  })
  uncoveredShare!: number | null;

  @Field(() => Int, { description: 'Origins listed in `origins` before the `first` cut.' })
  originCount!: number;

  /** Every origin, for `origins` (cut to `first` there) and for disruption scenarios. */
  allOrigins!: UpstreamOrigin[];

  @Field(() => Concentration, {
    description: `Concentration of U over the origins ([concentration](${DOC}#concentration); shares U(b, o) / Σ_o U, participants = countries): one origin behind many supplier countries gives a high HHI even when the brand's own sourcing is spread. participants = 0 and null metrics when no supplier country imports inputs.`,
  })
  concentration!: Concentration;
}
