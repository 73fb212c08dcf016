import { Migration } from '@mikro-orm/migrations';

export class Migration20261205182000 extends Migration {
  override async up(): Promise<void> {
    // The product-type → input-HS mapping (#12, upstream exposure): the HS codes of what a type's makers
    // import (leather, rubber, yarn, fabric…). Shaped like product_type_hs; seeded by seeds/reference.ts.
    this.addSql(
      `create table "product_type_input" ("product_type_id" text not null, "product_code" varchar(6) not null, constraint "product_type_input_pkey" primary key ("product_type_id", "product_code"));`,
    );
    this.addSql(
      `alter table "product_type_input" add constraint "product_type_input_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "product_type_input" add constraint "product_type_input_product_code_foreign" foreign key ("product_code") references "product" ("code") on update cascade on delete cascade;`,
    );
    // A data table: changing the mapping changes answers, so it bumps the data version (Migration20261203100000).
    this.addSql(`create trigger "product_type_input_data_version" after insert or update or delete or truncate on "product_type_input"
      for each statement execute function data_version_trigger();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_type_input" cascade;`);
  }
}
