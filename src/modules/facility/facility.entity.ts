import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Country } from '../country/country.entity';
import { Manufacturer } from '../manufacturer/manufacturer.entity';

@ObjectType({ description: 'A production site (factory) in one country, owned by a manufacturer and disclosed by brands.' })
@Entity({ tableName: 'facility' })
@Check({ name: 'facility_workers_range', expression: 'workers_min IS NULL OR (workers_min >= 0 AND workers_max >= workers_min)' })
@Check({ name: 'facility_latitude', expression: 'latitude IS NULL OR latitude BETWEEN -90 AND 90' })
@Check({ name: 'facility_longitude', expression: 'longitude IS NULL OR longitude BETWEEN -180 AND 180' })
export class Facility {
  @Field(() => ID, { description: 'Stable numeric id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Facility name as disclosed.' })
  @Property({ type: 'text' })
  name!: string;

  @Index()
  @ManyToOne(() => Country, { ref: true, deleteRule: 'restrict', columnType: 'character(3)' })
  country!: Ref<Country>;

  @Field(() => String, { nullable: true, description: 'Street address as disclosed.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'City or province.' })
  @Property({ type: 'text', nullable: true })
  city?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude, when known.' })
  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude, when known.' })
  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  @Index()
  @ManyToOne(() => Manufacturer, { ref: true, nullable: true, deleteRule: 'set null' })
  manufacturer?: Ref<Manufacturer> | null;

  @Field(() => String, { nullable: true, description: 'Kind of site, e.g. "Finished Goods", "Raw Material".' })
  @Property({ type: 'text', nullable: true })
  facilityType?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lower bound of the workforce (equal to workersMax when an exact count is disclosed).' })
  @Property({ type: 'integer', nullable: true })
  workersMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Upper bound of the workforce (equal to workersMin when an exact count is disclosed).' })
  @Property({ type: 'integer', nullable: true })
  workersMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Open Supply Hub id (e.g. "CN2019303BQ3FZP"), when known.' })
  @Property({ type: 'text', nullable: true, unique: true })
  openSupplyHubId?: string | null;

  /** Normalised name + country + address: the rule that matches one facility across brands and dates. */
  @Property({ type: 'text', unique: true })
  matchKey!: string;
}
