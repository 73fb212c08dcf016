import { Migration } from '@mikro-orm/migrations';

export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    // trade_world_export becomes partitioned by dataset, like trade_flow: a load builds its dataset's world
    // exports as a new table (indexes built in one sorted pass, the foreign key checked in one anti-join) and
    // attaches it (src/modules/trade-flow/rollup-partition.ts), where inserting into the shared table paid
    // two index insertions and a foreign-key trigger per row — 60 to 140 s of a 10 M-flow import. Same
    // columns, keys and index; the rows already there move to one partition per dataset.
    this.addSql(`alter table "trade_world_export" rename to "trade_world_export_unpartitioned";`);
    this.addSql(
      `alter table "trade_world_export_unpartitioned" rename constraint "trade_world_export_pkey" to "trade_world_export_unpartitioned_pkey";`,
    );
    this.addSql(
      `alter table "trade_world_export_unpartitioned" rename constraint "trade_world_export_dataset_id_foreign" to "trade_world_export_unpartitioned_dataset_id_foreign";`,
    );
    this.addSql(`alter index "trade_world_export_product_year" rename to "trade_world_export_unpartitioned_product_year";`);
    this.addSql(`create table "trade_world_export" (
      "dataset_id" int not null, "year" smallint not null, "product_code" varchar(6) not null, "exporter_id" character(3) not null,
      "value_usd" numeric(20,3) not null,
      constraint "trade_world_export_pkey" primary key ("dataset_id", "year", "product_code", "exporter_id"),
      constraint "trade_world_export_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade)
      partition by list ("dataset_id");`);
    this.addSql(`create index "trade_world_export_product_year" on "trade_world_export" ("dataset_id", "product_code", "year");`);
    // The data version (migration 20261203100000) follows the table.
    this.addSql(`drop trigger "trade_world_export_data_version" on "trade_world_export_unpartitioned";`);
    this.addSql(`create trigger "trade_world_export_data_version" after insert or update or delete or truncate on "trade_world_export"
      for each statement execute function data_version_trigger();`);
    this.addSql(`do $$
      declare d int;
      begin
        for d in select distinct dataset_id from trade_world_export_unpartitioned loop
          execute format('create table trade_world_export_d%s partition of trade_world_export for values in (%s)', d, d);
        end loop;
      end $$;`);
    this.addSql(`insert into "trade_world_export" select * from "trade_world_export_unpartitioned";`);
    this.addSql(`drop table "trade_world_export_unpartitioned";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "trade_world_export_unpartitioned" (like "trade_world_export" including defaults including constraints);`);
    this.addSql(`insert into "trade_world_export_unpartitioned" select * from "trade_world_export";`);
    this.addSql(`drop table "trade_world_export";`);
    this.addSql(`alter table "trade_world_export_unpartitioned" rename to "trade_world_export";`);
    this.addSql(
      `alter table "trade_world_export" add constraint "trade_world_export_pkey" primary key ("dataset_id", "year", "product_code", "exporter_id");`,
    );
    this.addSql(
      `alter table "trade_world_export" add constraint "trade_world_export_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "trade_world_export_product_year" on "trade_world_export" ("dataset_id", "product_code", "year");`);
    this.addSql(`create trigger "trade_world_export_data_version" after insert or update or delete or truncate on "trade_world_export"
      for each statement execute function data_version_trigger();`);
  }
}
