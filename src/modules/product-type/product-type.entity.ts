import { Collection, Entity, ManyToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Product } from '../product/product.entity';

@ObjectType({
  description:
    'A product type as brands disclose it (APPAREL, FOOTWEAR, EQUIPMENT, BAGS…), mapped to the HS codes it covers so that brand sourcing and country trade can be joined.',
})
@Entity({ tableName: 'product_type' })
export class ProductType {
  @Field(() => ID, { description: 'Stable upper-case code, e.g. "FOOTWEAR".' })
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Field({ description: 'Display name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the type covers and why it maps to its HS codes.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToMany(() => Product, undefined, {
    owner: true,
    pivotTable: 'product_type_hs',
    joinColumn: 'product_type_id',
    inverseJoinColumn: 'product_code',
  })
  hsProducts = new Collection<Product>(this);

  /** HS codes of the type's main inputs (leather, rubber, yarn, fabric…): what its makers import (upstream exposure). */
  @ManyToMany(() => Product, undefined, {
    owner: true,
    pivotTable: 'product_type_input',
    joinColumn: 'product_type_id',
    inverseJoinColumn: 'product_code',
  })
  inputs = new Collection<Product>(this);
}
