import { Migration } from '@mikro-orm/migrations';

const KINDS = ['BACI', 'COMTRADE', 'BRAND_DISCLOSURE', 'OPEN_SUPPLY_HUB', 'HS_NOMENCLATURE', 'SYNTHETIC', 'EXPORT_TOTALS'];

export class Migration20261204214000 extends Migration {
  override async up(): Promise<void> {
    // Bilateral flows read from a generic flows file (`npm run import -- flows`) are a kind of their own: a
    // dataset's kind is its provenance, and an OEC file is not UN Comtrade's.
    this.addSql(`alter table "dataset" drop constraint if exists "dataset_kind_check";`);
    this.addSql(
      `alter table "dataset" add constraint "dataset_kind_check" check("kind" in (${[...KINDS, 'FLOWS'].map((k) => `'${k}'`).join(', ')}));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dataset" drop constraint if exists "dataset_kind_check";`);
    this.addSql(`alter table "dataset" add constraint "dataset_kind_check" check("kind" in (${KINDS.map((k) => `'${k}'`).join(', ')}));`);
  }
}
