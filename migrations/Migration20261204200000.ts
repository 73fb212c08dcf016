import { Migration } from '@mikro-orm/migrations';

export class Migration20261204200000 extends Migration {
  override async up(): Promise<void> {
    // The default trade dataset (issue #10): the one trade figures are computed from when a query names none.
    // One row, by the dataset's name (and, when given, its version): a new release of a dataset replaces the old
    // one's row (the import's dataset registry), and a mark by name alone follows it. Written by
    // `npm run datasets -- default <name> [<version>]`; a data table, so that marking a default changes the
    // data version and every process drops its catalog and its cached answers.
    this.addSql(`create table "default_dataset" (
      "id" boolean not null default true, "name" text not null, "version" text null, "marked_at" timestamptz not null default now(),
      constraint "default_dataset_pkey" primary key ("id"), constraint default_dataset_one_row check (id));`);
    this.addSql(`create trigger "default_dataset_data_version" after insert or update or delete or truncate on "default_dataset"
      for each statement execute function data_version_trigger();`);
    // The rule when none is marked: the first BACI or Comtrade dataset loaded becomes the default, by name — so
    // that a second dataset loaded later never changes what queries without a dataset answer from, and the demo
    // seed's synthetic data never wins over real data loaded after it.
    this.addSql(`create function default_dataset_first_trade() returns trigger language plpgsql as $$
      begin
        insert into default_dataset (id, name) select true, n.name from new_datasets n
          where n.kind in ('BACI', 'COMTRADE') order by n.id limit 1
          on conflict (id) do nothing;
        return null;
      end $$;`);
    this.addSql(`create trigger "dataset_default_first_trade" after insert on "dataset"
      referencing new table as new_datasets for each statement execute function default_dataset_first_trade();`);
    // A database loaded before: its first trade dataset, as the rule would have marked it.
    this.addSql(`insert into default_dataset (id, name)
      select true, d.name from dataset d where d.kind in ('BACI', 'COMTRADE') order by d.imported_at, d.id limit 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "dataset_default_first_trade" on "dataset";`);
    this.addSql(`drop function if exists default_dataset_first_trade();`);
    this.addSql(`drop table if exists "default_dataset";`);
  }
}
