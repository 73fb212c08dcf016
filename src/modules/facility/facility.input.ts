import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Filters for facilities; all given filters must hold.' })
export class FacilityFilter {
  @Field(() => [String], { nullable: true, description: 'Located in one of these countries (ISO alpha-3).' })
  countries?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Located in a member of this country group, e.g. "ASEAN".' })
  countryGroup?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this manufacturer.' })
  manufacturer?: string | null;

  @Field(() => ID, { nullable: true, description: 'Disclosed by this brand (at `disclosedAt` when given, else at any date).' })
  brand?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Disclosed (by `brand`, or by any brand) at this disclosure date.' })
  disclosedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Disclosed for this product type, e.g. "FOOTWEAR".' })
  productType?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name, address or city.' })
  search?: string | null;
}
