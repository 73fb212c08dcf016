import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Filters for brands; all given filters must hold.' })
export class BrandFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the brand name or of its parent company.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Headquarters country (ISO alpha-3).' })
  hqCountry?: string | null;
}
