import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A country or territory (ISO 3166-1), placed in the UN M49 geographic regions. Exporter and importer of trade flows, home of facilities and brand headquarters.',
})
@Entity({ tableName: 'country' })
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-3 code, e.g. "VNM". The stable id used everywhere in the API.' })
  @PrimaryKey({ type: 'character', length: 3 })
  id!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "VN".' })
  @Property({ type: 'character', length: 2, unique: true })
  alpha2!: string;

  @Field(() => Int, { description: 'ISO 3166-1 numeric code, which is also the UN M49 code (e.g. 704 for Viet Nam).' })
  @Property({ type: 'smallint', unique: true })
  numericCode!: number;

  @Field({ description: 'Short English name, as in the UN M49 list where it has one.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'UN M49 region (Africa, Americas, Asia, Europe, Oceania); null for Antarctica.' })
  @Property({ type: 'text', nullable: true, index: true })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 sub-region, e.g. "South-eastern Asia", "Sub-Saharan Africa".' })
  @Property({ type: 'text', nullable: true, index: true })
  subRegion?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'UN M49 intermediate region where M49 defines one, e.g. "Eastern Africa", "South America".',
  })
  @Property({ type: 'text', nullable: true })
  intermediateRegion?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year the country ceased to exist (ISO 3166-3), e.g. 2010 for the Netherlands Antilles; kept because older trade data reports it. Null for current countries.',
  })
  @Property({ type: 'smallint', nullable: true })
  dissolvedIn?: number | null;

  // A country's groups are the inverse of CountryGroup.members (which owns country_group_member): read by the
  // `groupsOfCountry` loader, never as a collection here, so this entity does not import CountryGroup.
}
