import { Check, Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HsSection } from './hs-section.entity';

@ObjectType({
  description:
    'A product of the Harmonized System: a chapter (2 digits), heading (4) or subheading (6). Flows are stored at the finest level a source reports and rolled up by code prefix.',
})
@Entity({ tableName: 'product' })
@Check({ name: 'product_code_shape', expression: "code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' AND level = length(code)" })
export class Product {
  /** Tells MikroORM's types that the key is `code`, not `id`. */
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'HS code with leading zeros: "61", "6109" or "610910".' })
  @PrimaryKey({ type: 'varchar', length: 6 })
  code!: string;

  @Field(() => Int, { description: 'HS level: 2 (chapter), 4 (heading) or 6 (subheading).' })
  @Property({ type: 'smallint' })
  level!: number;

  @Field({ description: 'Description from the HS nomenclature.' })
  @Property({ type: 'text' })
  description!: string;

  @Index()
  @ManyToOne(() => Product, { nullable: true, ref: true, deleteRule: 'restrict' })
  parent?: Ref<Product> | null;

  @Index()
  @ManyToOne(() => HsSection, { nullable: true, ref: true, deleteRule: 'restrict' })
  section?: Ref<HsSection> | null;

  @Field({ description: 'HS revision the description comes from, e.g. "HS2022".' })
  @Property({ type: 'text' })
  hsRevision!: string;
}
