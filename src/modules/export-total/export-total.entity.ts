import { BigIntType, Check, DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Country } from '../country/country.entity';
import { Dataset } from '../dataset/dataset.entity';
import { Product } from '../product/product.entity';

/**
 * What one country exported of one product in one year to the whole world, as a one-sided source reports
 * it (the Growth Lab's country–product data, Comtrade's partner "World" totals): there is no importer, so
 * these are not bilateral flows (METRICS.md) and live in a table of their own instead of trade_flow with
 * a made-up "World" importer. Specialisation (RCA, ECI/PCI) reads them like flows summed over importers;
 * every other trade figure needs an importer and never sees them.
 */
@Entity({ tableName: 'export_total' })
@Unique({ name: 'export_total_natural_key', properties: ['dataset', 'year', 'exporter', 'product'] })
// Tiny (empty when every code has 6 digits): answers "does this dataset mix HS levels?" without a scan.
@Index({
  name: 'export_total_coarse_codes',
  expression: 'create index "export_total_coarse_codes" on "export_total" ("dataset_id") where length(product_code) < 6',
})
@Check({ name: 'export_total_value_non_negative', expression: 'value_usd >= 0' })
@Check({ name: 'export_total_year_range', expression: 'year BETWEEN 1950 AND 2100' })
export class ExportTotal {
  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  // A dataset is replaced or removed as a whole: its rows go with it.
  @ManyToOne(() => Dataset, { ref: true, deleteRule: 'cascade' })
  dataset!: Ref<Dataset>;

  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Country, { ref: true, deleteRule: 'restrict', columnType: 'character(3)' })
  exporter!: Ref<Country>;

  /** At the HS level the source reports (2, 4 or 6 digits); rolled up by prefix like flows. */
  @ManyToOne(() => Product, { ref: true, deleteRule: 'restrict', columnType: 'varchar(6)' })
  product!: Ref<Product>;

  // numeric, not float, as trade_flow: sums over a whole year must not drift.
  @Property({ type: new DecimalType('number'), precision: 20, scale: 3 })
  valueUsd!: number;
}
