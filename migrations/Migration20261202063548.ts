import { Migration } from '@mikro-orm/migrations';

export class Migration20261202063548 extends Migration {
  override async up(): Promise<void> {
    // API keys (src/modules/access): a principal's name and role, and the scrypt hash of the key's secret
    // with the salt and costs that made it; the key itself is never stored. The id is the key's public
    // lookup part (tg_<id>_<secret>). A revoked key keeps its row (revoked_at) so that lists show it.
    this.addSql(`create table "api_key" (
      "id" varchar(16) not null, "name" text not null,
      "role" text check ("role" in ('reader', 'analyst', 'admin')) not null,
      "secret_hash" text not null, "salt" text not null, "scrypt_n" int not null, "scrypt_r" smallint not null, "scrypt_p" smallint not null,
      "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null,
      constraint "api_key_pkey" primary key ("id"),
      constraint api_key_name_not_blank check (btrim(name) <> ''),
      constraint api_key_id_format check (id ~ '^[0-9a-f]{16}$'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
  }
}
