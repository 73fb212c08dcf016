import { Check, DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Brand } from '../brand/brand.entity';
import { Dataset } from '../dataset/dataset.entity';
import { Facility } from '../facility/facility.entity';
import { ProductType } from '../product-type/product-type.entity';

@ObjectType({
  description:
    "A brand's disclosure that a facility produces for it, as seen in the disclosure dated `disclosedAt`. A brand's links at several dates form a time series.",
})
@Entity({ tableName: 'sourcing_link' })
@Unique({ name: 'sourcing_link_natural_key', properties: ['brand', 'facility', 'productType', 'disclosedAt'] })
@Index({ name: 'sourcing_link_facility_date', properties: ['facility', 'disclosedAt'] })
@Index({ name: 'sourcing_link_brand_date', properties: ['brand', 'disclosedAt'] })
@Check({ name: 'sourcing_link_volume_non_negative', expression: 'volume IS NULL OR volume >= 0' })
@Check({ name: 'sourcing_link_value_non_negative', expression: 'value_usd IS NULL OR value_usd >= 0' })
@Check({ name: 'sourcing_link_workers_range', expression: 'workers_min IS NULL OR (workers_min >= 0 AND workers_max >= workers_min)' })
export class SourcingLink {
  @Field(() => ID, { description: 'Stable numeric id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Brand, { ref: true, deleteRule: 'cascade' })
  brand!: Ref<Brand>;

  @ManyToOne(() => Facility, { ref: true, deleteRule: 'cascade' })
  facility!: Ref<Facility>;

  @ManyToOne(() => ProductType, { ref: true, deleteRule: 'restrict' })
  productType!: Ref<ProductType>;

  @Field(() => GraphQLLocalDate, { description: 'Date of the disclosure this link was seen in (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  disclosedAt!: string;

  @Field(() => Float, { nullable: true, description: 'Disclosed production volume (units), when the brand publishes it.' })
  @Property({ type: new DecimalType('number'), precision: 20, scale: 3, nullable: true })
  volume?: number | null;

  @Field(() => Float, { nullable: true, description: 'Disclosed purchase value in USD, when the brand publishes it.' })
  @Property({ type: new DecimalType('number'), precision: 20, scale: 3, nullable: true })
  valueUsd?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Workers of the facility as this disclosure gave them (lower bound of a range); null when not disclosed.',
  })
  @Property({ type: 'integer', nullable: true })
  workersMin?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Workers as this disclosure gave them (upper bound of a range; equal to workersMin when exact).',
  })
  @Property({ type: 'integer', nullable: true })
  workersMax?: number | null;

  @ManyToOne(() => Dataset, { ref: true, nullable: true, deleteRule: 'cascade' })
  dataset?: Ref<Dataset> | null;
}
