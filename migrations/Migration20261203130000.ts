import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130000 extends Migration {
  override async up(): Promise<void> {
    // Import markets: for every importer, year and product at HS 6, 4 and 2 (METRICS.md roll-up) of a
    // dataset, the sufficient statistics of its import-source concentration over exporters — N (exporters
    // with a positive value), W = Σ w, Σ w² and max w, in exact numeric — so that an importer-year's HHI of
    // every product is one index range instead of a grouping of its flows. Derived data, built when a
    // dataset's flows load (trade-market.partition.ts), as the dataset's own partition: the load fills a
    // new table, indexes and checks it once and attaches it, so the build never inserts row by row into a
    // shared index. Datasets loaded before this migration, and datasets that mix HS levels, have none;
    // queries then read the flows.
    this.addSql(`create table "trade_import_market" (
      "dataset_id" int not null, "importer_id" character(3) not null, "year" smallint not null, "product_code" varchar(6) not null,
      "participants" int not null, "total_value" numeric not null, "sum_squares" numeric not null, "max_value" numeric not null,
      constraint "trade_import_market_pkey" primary key ("dataset_id", "importer_id", "year", "product_code"))
      partition by list ("dataset_id");`);
    // The data version (migration 20261203100000) follows what answers are computed from.
    this.addSql(`create trigger "trade_import_market_data_version" after insert or update or delete or truncate on "trade_import_market"
      for each statement execute function data_version_trigger();`);
    this.addSql(
      `alter table "trade_import_market" add constraint "trade_import_market_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "trade_import_market" add constraint "trade_import_market_importer_id_foreign" foreign key ("importer_id") references "country" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "trade_import_market" add constraint "trade_import_market_product_code_foreign" foreign key ("product_code") references "product" ("code") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_import_market";`);
  }
}
