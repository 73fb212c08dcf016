import { Migration } from '@mikro-orm/migrations';

export class Migration20261124060311 extends Migration {
  override async up(): Promise<void> {
    // Workers as each disclosure gave them: a brand's market at date d is weighed with the facts of d.
    this.addSql(`alter table "sourcing_link" add column "workers_min" int null, add column "workers_max" int null;`);
    this.addSql(
      `alter table "sourcing_link" add constraint sourcing_link_workers_range check(workers_min IS NULL OR (workers_min >= 0 AND workers_max >= workers_min));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sourcing_link" drop constraint sourcing_link_workers_range;`);
    this.addSql(`alter table "sourcing_link" drop column "workers_min", drop column "workers_max";`);
  }
}
