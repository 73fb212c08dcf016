import { Migration } from '@mikro-orm/migrations';

export class Migration20261204213000 extends Migration {
  override async up(): Promise<void> {
    // Dataset.rowCount counts the rows a dataset holds of its own kind (#10): the demo added its sourcing
    // links to its flows, and brand disclosures counted the file's rows (a row naming two brands, or
    // repeating a facility, is not one link each). Datasets of the HS nomenclature and Open Supply Hub own
    // no rows and keep the records they loaded.
    this.addSql(`update "dataset" d set "row_count" = (select count(*) from "trade_flow" f where f."dataset_id" = d."id")
      where d."kind" in ('BACI', 'COMTRADE', 'SYNTHETIC');`);
    this.addSql(`update "dataset" d set "row_count" = (select count(*) from "export_total" e where e."dataset_id" = d."id")
      where d."kind" = 'EXPORT_TOTALS';`);
    this.addSql(`update "dataset" d set "row_count" = (select count(*) from "sourcing_link" l where l."dataset_id" = d."id")
      where d."kind" = 'BRAND_DISCLOSURE';`);
  }

  override async down(): Promise<void> {
    // The counts before were not what the field says; there is nothing to restore them to.
  }
}
