import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Country } from '../country/country.entity';

@ObjectType({ description: 'A manufacturer: the supplier group or parent company that owns one or more facilities.' })
@Entity({ tableName: 'manufacturer' })
export class Manufacturer {
  @Field(() => ID, { description: 'Stable numeric id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Name as disclosed, e.g. "Pou Chen Group".' })
  @Property({ type: 'text' })
  name!: string;

  /** Upper-cased, punctuation-free name: the key that matches a group across disclosures. */
  @Property({ type: 'text', unique: true })
  normalizedName!: string;

  @Index()
  @ManyToOne(() => Country, { ref: true, nullable: true, deleteRule: 'restrict', columnType: 'character(3)' })
  hqCountry?: Ref<Country> | null;
}
