import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'One of the 21 sections of the Harmonized System, grouping chapters (e.g. XI "Textiles and textile articles").',
})
@Entity({ tableName: 'hs_section' })
export class HsSection {
  @Field(() => Int, { description: 'Section number, 1 to 21.' })
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  @Field({ description: 'Section number in Roman numerals, as printed in the nomenclature (e.g. "XI").' })
  @Property({ type: 'text', unique: true })
  roman!: string;

  @Field({ description: 'Section title.' })
  @Property({ type: 'text' })
  name!: string;
}
