import { Migration } from '@mikro-orm/migrations';

/** The two rollups, by the side of the flow whose country they total. */
const SIDES = [
  { table: 'trade_exporter_year', column: 'exporter_id' },
  { table: 'trade_importer_year', column: 'importer_id' },
] as const;

export class Migration20261203160000 extends Migration {
  override async up(): Promise<void> {
    // Exporter × year and importer × year totals of a dataset's flows: for every country and year, the
    // sums tradeAggregate gives at that grain — Σ value, Σ quantity over the flows that report one (null
    // when none does), the number of those flows and of all flows — so that an aggregate over years and
    // countries of one side (a country's exports by year) reads a few hundred rows instead of grouping
    // millions of flows. Derived data, built when a dataset's flows load (trade-totals.partition.ts), as the
    // dataset's own partition, like trade_world_export and trade_import_market. Only datasets of HS-6 codes
    // alone get them (buildTradeRollups decides); queries read the flows otherwise.
    for (const { table, column } of SIDES) {
      this.addSql(`create table "${table}" (
        "dataset_id" int not null, "${column}" character(3) not null, "year" smallint not null,
        "value_usd" numeric not null, "quantity_tons" numeric null, "flows_with_quantity" int not null, "flow_count" int not null,
        constraint "${table}_pkey" primary key ("dataset_id", "${column}", "year"))
        partition by list ("dataset_id");`);
      // The data version (migration 20261203100000) follows what answers are computed from.
      this.addSql(`create trigger "${table}_data_version" after insert or update or delete or truncate on "${table}"
        for each statement execute function data_version_trigger();`);
      this.addSql(
        `alter table "${table}" add constraint "${table}_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade;`,
      );
      this.addSql(
        `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "country" ("id") on update cascade on delete restrict;`,
      );
    }
    // Datasets loaded before this migration get theirs now: those that hold flows of HS-6 codes alone (the
    // rule of buildTradeRollups), one partition per dataset and side. A side's totals of a dataset are grouped
    // by CREATE TABLE AS, which may scan the dataset's flows in parallel (an INSERT … SELECT never does), then
    // moved into the partition.
    this.addSql(`do $$
      declare d int;
      begin
        for d in select ds.id from dataset ds
            where exists (select 1 from trade_flow f where f.dataset_id = ds.id)
              and not exists (select 1 from trade_flow f where f.dataset_id = ds.id and length(f.product_code) < 6)
            order by ds.id loop${SIDES.map(
              ({ table, column }) => `
          execute format('create table ${table}_d%s partition of ${table} for values in (%s)', d, d);
          execute format('create temporary table totals_backfill as
            select dataset_id, ${column}, year, sum(value_usd) as value_usd, sum(quantity_tons) as quantity_tons,
              count(quantity_tons)::int as flows_with_quantity, count(*)::int as flow_count
            from trade_flow where dataset_id = %s group by dataset_id, ${column}, year', d);
          insert into ${table} select * from totals_backfill;
          drop table totals_backfill;`,
            ).join('')}
        end loop;
      end $$;`);
  }

  override async down(): Promise<void> {
    for (const { table } of SIDES) this.addSql(`drop table if exists "${table}";`);
  }
}
