import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';

@ObjectType({
  description:
    "A brand's upstream loss under a disruption scenario ([upstream loss](/docs/metrics#upstream-loss)): the share of its supplier countries' input imports, weighted by its capacity there, that comes from the countries of R. Trade data does not see a country's own production of its inputs; no substitution is assumed.",
})
export class UpstreamLoss {
  @Field(() => Dataset, { description: 'The one dataset the input imports come from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year of the input imports.' })
  year!: number;

  @Field(() => Float, {
    description:
      'Upstream loss = Σ_{o ∈ R} U(b, o), in [0, 1 − uncoveredShare] (see Brand.upstreamExposure); 0 when R names no country (manufacturers and facilities do not affect trade).',
  })
  upstreamLoss!: number;

  @Field(() => Float, {
    description:
      "Direct loss through countries: Σ_{o ∈ R} a_o, the brand's capacity share in the countries of R (capacityLostShare also counts the manufacturers and facilities of R).",
  })
  directCountryLoss!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the capacity in supplier countries without input imports in the dataset and year (not in either loss); null when no facility has a known capacity.',
  })
  uncoveredShare!: number | null;
}
