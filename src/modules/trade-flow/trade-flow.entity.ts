import { BigIntType, Check, DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Country } from '../country/country.entity';
import { Dataset } from '../dataset/dataset.entity';
import { Product } from '../product/product.entity';

@ObjectType({
  description:
    'Value (and quantity) of one product exported by one country to another in one year, as one dataset reports it. A country never trades with itself here, and partners that are not countries (e.g. "World") are never flows.',
})
@Entity({ tableName: 'trade_flow' })
@Unique({ name: 'trade_flow_natural_key', properties: ['dataset', 'year', 'exporter', 'importer', 'product'] })
@Index({ name: 'trade_flow_year_importer_product', properties: ['year', 'importer', 'product'] })
@Index({ name: 'trade_flow_year_exporter_product', properties: ['year', 'exporter', 'product'] })
@Index({ name: 'trade_flow_product_year', properties: ['product', 'year'] })
// Tiny (empty for BACI): answers "does this dataset mix HS levels?" (hs-rollup.sql.ts) without a scan.
@Index({
  name: 'trade_flow_coarse_codes',
  expression: 'create index "trade_flow_coarse_codes" on "trade_flow" ("dataset_id") where length(product_code) < 6',
})
@Check({ name: 'trade_flow_not_self', expression: 'exporter_id <> importer_id' })
@Check({ name: 'trade_flow_value_non_negative', expression: 'value_usd >= 0' })
@Check({ name: 'trade_flow_quantity_non_negative', expression: 'quantity_tons IS NULL OR quantity_tons >= 0' })
@Check({ name: 'trade_flow_year_range', expression: 'year BETWEEN 1950 AND 2100' })
export class TradeFlow {
  // bigint: BACI alone has ~10 million flows a year, so an int key would wrap within a few releases.
  @Field(() => ID, { description: 'Stable id of this row.' })
  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @ManyToOne(() => Dataset, { ref: true, deleteRule: 'cascade' })
  dataset!: Ref<Dataset>;

  @Field(() => Int, { description: 'Calendar year of the flow.' })
  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Country, { ref: true, deleteRule: 'restrict', columnType: 'character(3)' })
  exporter!: Ref<Country>;

  @ManyToOne(() => Country, { ref: true, deleteRule: 'restrict', columnType: 'character(3)' })
  importer!: Ref<Country>;

  @ManyToOne(() => Product, { ref: true, deleteRule: 'restrict', columnType: 'varchar(6)' })
  product!: Ref<Product>;

  // numeric, not float: sums over millions of rows must not drift, and BACI values have 3 decimals (of 1,000 USD).
  @Field(() => Float, { description: 'Value in current US dollars (BACI thousands converted to dollars).' })
  @Property({ type: new DecimalType('number'), precision: 20, scale: 3 })
  valueUsd!: number;

  @Field(() => Float, { nullable: true, description: 'Quantity in metric tons, when the source reports it.' })
  @Property({ type: new DecimalType('number'), precision: 20, scale: 3, nullable: true })
  quantityTons?: number | null;
}
