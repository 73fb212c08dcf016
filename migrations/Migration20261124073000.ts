import { Migration } from '@mikro-orm/migrations';

export class Migration20261124073000 extends Migration {
  override async up(): Promise<void> {
    // World exports Σ_i x(e, i, k, t) of every exporter, product and year of a dataset: a materialised
    // rollup of trade_flow, built when a dataset's flows are loaded (trade-flow.partition.ts), because every
    // world-side figure (world export concentration, GeoDep's C2, RCA from bilateral flows) would otherwise
    // aggregate every flow of the years asked — 5.2M flows for three years of a 10M-flow dataset. Derived
    // data: no foreign keys but the dataset's, which removes it with its dataset. Only datasets of HS-6 codes
    // alone get one (a dataset mixing HS levels needs the per-importer roll-up of METRICS.md, which a sum
    // over importers cannot give); queries read flows when a dataset has none.
    this.addSql(`create table "trade_world_export" (
      "dataset_id" int not null, "year" smallint not null, "product_code" varchar(6) not null, "exporter_id" character(3) not null,
      "value_usd" numeric(20,3) not null,
      constraint "trade_world_export_pkey" primary key ("dataset_id", "year", "product_code", "exporter_id"),
      constraint "trade_world_export_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade);`);
    // One product over the years (world trends, Product.exportConcentration); the key serves a year's products.
    this.addSql(`create index "trade_world_export_product_year" on "trade_world_export" ("dataset_id", "product_code", "year");`);
    // Datasets loaded before this migration get theirs now.
    this.addSql(`insert into "trade_world_export" ("dataset_id", "year", "product_code", "exporter_id", "value_usd")
      select f.dataset_id, f.year, f.product_code, f.exporter_id, sum(f.value_usd) from "trade_flow" f
      where not exists (select 1 from "trade_flow" c where c.dataset_id = f.dataset_id and length(c.product_code) < 6)
      group by 1, 2, 3, 4;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_world_export";`);
  }
}
