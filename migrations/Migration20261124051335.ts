import { Migration } from '@mikro-orm/migrations';

export class Migration20261124051335 extends Migration {
  override async up(): Promise<void> {
    // Former countries (ISO 3166-3) that older trade data reports, e.g. the Netherlands Antilles until 2010.
    this.addSql(`alter table "country" add column "dissolved_in" smallint null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "country" drop column "dissolved_in";`);
  }
}
