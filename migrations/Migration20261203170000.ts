import { Migration } from '@mikro-orm/migrations';

/**
 * A dataset's group import markets from its flows partition `flows` (what src/modules/trade-flow/group-market.partition.ts
 * builds at load; frozen here for the backfill; no quote in it, for `format`): per country group, year and HS-6 product, the statistics of
 * the group's extra-group imports over exporters outside it, its largest source, and its extra-group exports.
 */
const fill = (flows: string) => `
  with sources as (
    select f.dataset_id, m.group_id, f.year, f.product_code, f.exporter_id, sum(f.value_usd) as w
    from ${flows} f join country_group_member m on m.country_id = f.importer_id
    where not exists (select 1 from country_group_member x where x.group_id = m.group_id and x.country_id = f.exporter_id)
    group by 1, 2, 3, 4, 5 having sum(f.value_usd) > 0),
  imports as (
    select dataset_id, group_id, year, product_code, count(*)::int as participants, sum(w) as total_value, sum(w * w) as sum_squares,
           max(w) as max_value, (array_agg(exporter_id order by w desc, exporter_id collate "C"))[1] as top_source
    from sources group by 1, 2, 3, 4),
  exports as (
    select m.group_id, f.year, f.product_code, sum(f.value_usd) as export_value
    from ${flows} f join country_group_member m on m.country_id = f.exporter_id
    where not exists (select 1 from country_group_member x where x.group_id = m.group_id and x.country_id = f.importer_id)
    group by 1, 2, 3)
  select i.*, coalesce(e.export_value, 0) from imports i left join exports e using (group_id, year, product_code)`;

export class Migration20261203170000 extends Migration {
  override async up(): Promise<void> {
    // Group import markets: for every country group (EU27…), year and HS-6 product of a dataset, the sufficient
    // statistics of the group's extra-group import sources (exporters outside the group with a positive value:
    // N, W = Σ w, Σ w², max w, in exact numeric), its largest source (ties by code) and its extra-group exports
    // of the product — what a group's strategic dependencies (GeoDep C1 and C3) read, instead of grouping every
    // member's flows of the window (half a million flows for EU27 over three years at 10 M). Derived data, built
    // when a dataset of HS-6 codes alone loads, as the dataset's own partition (rollup-partition.ts).
    this.addSql(`create table "trade_group_market" (
      "dataset_id" int not null, "group_id" text not null, "year" smallint not null, "product_code" varchar(6) not null,
      "participants" int not null, "total_value" numeric not null, "sum_squares" numeric not null, "max_value" numeric not null,
      "top_source" character(3) not null, "export_value" numeric not null,
      constraint "trade_group_market_pkey" primary key ("dataset_id", "group_id", "year", "product_code"))
      partition by list ("dataset_id");`);
    this.addSql(`create trigger "trade_group_market_data_version" after insert or update or delete or truncate on "trade_group_market"
      for each statement execute function data_version_trigger();`);
    this.addSql(
      `alter table "trade_group_market" add constraint "trade_group_market_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "trade_group_market" add constraint "trade_group_market_group_id_foreign" foreign key ("group_id") references "country_group" ("id") on update cascade on delete cascade;`,
    );
    // A group's markets hold for the members it had when they were built: a change of its members forgets
    // them (in every dataset), and its figures are read from the flows again.
    this.addSql(`create function trade_group_market_forget() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then
          delete from trade_group_market;
        elsif tg_op = 'UPDATE' then
          delete from trade_group_market where group_id in (select group_id from old_members union select group_id from new_members);
        elsif tg_op = 'DELETE' then
          delete from trade_group_market where group_id in (select group_id from old_members);
        else
          delete from trade_group_market where group_id in (select group_id from new_members);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "country_group_member_forget_insert" after insert on "country_group_member"
      referencing new table as new_members for each statement execute function trade_group_market_forget();`);
    this.addSql(`create trigger "country_group_member_forget_update" after update on "country_group_member"
      referencing old table as old_members new table as new_members for each statement execute function trade_group_market_forget();`);
    this.addSql(`create trigger "country_group_member_forget_delete" after delete on "country_group_member"
      referencing old table as old_members for each statement execute function trade_group_market_forget();`);
    this.addSql(`create trigger "country_group_member_forget_truncate" after truncate on "country_group_member"
      for each statement execute function trade_group_market_forget();`);
    // Backfill: every dataset loaded before, whose flows are of HS-6 codes alone (the datasets a load builds them for).
    this.addSql(`do $$
      declare d int;
      begin
        for d in select id from dataset where exists (select 1 from trade_flow f where f.dataset_id = dataset.id)
                 and not exists (select 1 from trade_flow f where f.dataset_id = dataset.id and length(f.product_code) < 6) order by id loop
          execute format('create table trade_group_market_d%s partition of trade_group_market for values in (%s)', d, d);
          execute format('insert into trade_group_market_d%s ${fill('(select * from trade_flow where dataset_id = %s)')}', d, d, d);
          execute format('analyze trade_group_market_d%s', d);
        end loop;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "country_group_member_forget_insert" on "country_group_member";`);
    this.addSql(`drop trigger if exists "country_group_member_forget_update" on "country_group_member";`);
    this.addSql(`drop trigger if exists "country_group_member_forget_delete" on "country_group_member";`);
    this.addSql(`drop trigger if exists "country_group_member_forget_truncate" on "country_group_member";`);
    this.addSql(`drop function if exists trade_group_market_forget();`);
    this.addSql(`drop table if exists "trade_group_market";`);
  }
}
