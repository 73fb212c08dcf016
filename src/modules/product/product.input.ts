import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filters for HS products; all given filters must hold.' })
export class ProductFilter {
  @Field(() => Int, { nullable: true, description: 'HS level: 2 (chapters), 4 (headings) or 6 (subheadings).' })
  level?: number | null;

  @Field(() => String, { nullable: true, description: 'Codes starting with this prefix (2, 4 or 6 digits), the prefix itself included.' })
  codePrefix?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Direct children of this code only (headings of a chapter, subheadings of a heading).',
  })
  parent?: string | null;

  @Field(() => Int, { nullable: true, description: 'Products of this HS section (1–21).' })
  section?: number | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive words in the description.' })
  search?: string | null;
}
