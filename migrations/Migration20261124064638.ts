import { Migration } from '@mikro-orm/migrations';

export class Migration20261124064638 extends Migration {
  override async up(): Promise<void> {
    // Exports of a country by product to the whole world, with no importer (e.g. the Growth Lab's country–product
    // data, loaded by `npm run import -- exports`): a table of their own, not trade_flow rows with a "World"
    // importer, because partners that are not countries are never bilateral flows (METRICS.md) and every
    // bilateral figure would otherwise count them. Only specialisation (RCA, ECI/PCI) reads them. Rows go
    // with their dataset (ON DELETE CASCADE), so a new release under the same name replaces them atomically.
    this.addSql(
      `create table "export_total" ("id" bigserial primary key, "dataset_id" int not null, "year" smallint not null, "exporter_id" character(3) not null, "product_code" varchar(6) not null, "value_usd" numeric(20,3) not null, constraint export_total_year_range check (year BETWEEN 1950 AND 2100), constraint export_total_value_non_negative check (value_usd >= 0));`,
    );
    this.addSql(`create index "export_total_coarse_codes" on "export_total" ("dataset_id") where length(product_code) < 6;`);
    this.addSql(
      `alter table "export_total" add constraint "export_total_natural_key" unique ("dataset_id", "year", "exporter_id", "product_code");`,
    );

    this.addSql(
      `alter table "export_total" add constraint "export_total_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "export_total" add constraint "export_total_exporter_id_foreign" foreign key ("exporter_id") references "country" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "export_total" add constraint "export_total_product_code_foreign" foreign key ("product_code") references "product" ("code") on update cascade on delete restrict;`,
    );

    // The kind of dataset these rows come from.
    this.addSql(`alter table "dataset" drop constraint if exists "dataset_kind_check";`);

    this.addSql(
      `alter table "dataset" add constraint "dataset_kind_check" check("kind" in ('BACI', 'COMTRADE', 'BRAND_DISCLOSURE', 'OPEN_SUPPLY_HUB', 'HS_NOMENCLATURE', 'SYNTHETIC', 'EXPORT_TOTALS'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "export_total" cascade;`);

    this.addSql(`alter table "dataset" drop constraint if exists "dataset_kind_check";`);

    this.addSql(
      `alter table "dataset" add constraint "dataset_kind_check" check("kind" in ('BACI', 'COMTRADE', 'BRAND_DISCLOSURE', 'OPEN_SUPPLY_HUB', 'HS_NOMENCLATURE', 'SYNTHETIC'));`,
    );
  }
}
