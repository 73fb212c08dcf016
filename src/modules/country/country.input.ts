import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Filters for countries; all given filters must hold.' })
export class CountryFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name, or an exact alpha-2/alpha-3 code.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 region, e.g. "Asia".' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 sub-region, e.g. "South-eastern Asia".' })
  subRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Members of this country group only, e.g. "EU27".' })
  group?: string | null;
}
