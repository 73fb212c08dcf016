import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Country } from '../country/country.entity';

@ObjectType({ description: 'A brand that outsources production to facilities it discloses (the OEM model).' })
@Entity({ tableName: 'brand' })
export class Brand {
  @Field(() => ID, { description: 'Stable numeric id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Brand name as disclosed, e.g. "Nike".' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Index()
  @ManyToOne(() => Country, { ref: true, nullable: true, deleteRule: 'restrict', columnType: 'character(3)' })
  hqCountry?: Ref<Country> | null;

  @Field(() => String, { nullable: true, description: 'Parent company, e.g. "VF Corporation" for The North Face.' })
  @Property({ type: 'text', nullable: true })
  parentCompany?: string | null;
}
