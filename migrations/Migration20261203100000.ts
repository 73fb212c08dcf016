import { Migration } from '@mikro-orm/migrations';

/**
 * Tables whose rows answers are computed from: a write to any of them changes the data version. Every
 * other table of the schema is operational (API keys, MikroORM's own) and listed in
 * `src/catalog/data-tables.ts` with these; a test checks that the two lists cover the schema.
 */
const DATA_TABLES = [
  'hs_section',
  'product',
  'product_type',
  'product_type_hs',
  'country',
  'country_group',
  'country_group_member',
  'dataset',
  'brand',
  'manufacturer',
  'facility',
  'sourcing_link',
  'trade_flow',
  'export_total',
  'trade_world_export',
];

export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    // The data version (src/catalog): one row, changed by every statement that writes a data table, and a
    // notification on channel tradegraph_data when such a transaction commits. API processes cache what a
    // dataset is (and their responses) under this version and drop the cache when told. The payload is
    // constant, so PostgreSQL folds the notifications of one transaction into one. The row lock the bump
    // takes serialises concurrent loads at their first write; they already wait for each other on the
    // dataset's name.
    this.addSql(`create table "data_version" (
      "id" boolean not null default true, "version" bigint not null default 0,
      constraint "data_version_pkey" primary key ("id"), constraint data_version_one_row check (id));`);
    // A random value, not a counter: equal versions must mean equal data even across databases that share one
    // Redis of cached answers (a recreated database, a restored copy written to since), where counters from 1
    // would meet. 62 random bits: two states of the data share a version with negligible probability.
    this.addSql(`insert into "data_version" ("id", "version") values (true, floor(random() * 4e18)::bigint);`);
    this.addSql(`create function bump_data_version() returns bigint language plpgsql as $$
      declare v bigint;
      begin
        update data_version set version = floor(random() * 4e18)::bigint returning version into v;
        perform pg_notify('tradegraph_data', '');
        return v;
      end $$;`);
    this.addSql(`create function data_version_trigger() returns trigger language plpgsql as $$
      begin
        perform bump_data_version();
        return null;
      end $$;`);
    for (const table of DATA_TABLES) {
      // Statement-level: a COPY of millions of rows bumps once. A partition attached to trade_flow fires no
      // trigger; the load that attaches it writes its dataset row in the same transaction.
      this.addSql(`create trigger "${table}_data_version" after insert or update or delete or truncate on "${table}"
        for each statement execute function data_version_trigger();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of DATA_TABLES) this.addSql(`drop trigger if exists "${table}_data_version" on "${table}";`);
    this.addSql(`drop function if exists data_version_trigger();`);
    this.addSql(`drop function if exists bump_data_version();`);
    this.addSql(`drop table if exists "data_version";`);
  }
}
