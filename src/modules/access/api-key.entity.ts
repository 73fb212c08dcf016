import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ROLES, type Role } from './role';
import { RoleEnum } from './role.enum';

/**
 * An API key: a principal (its name) with a role. Only the scrypt hash of the key's secret is stored,
 * with its salt and cost, so a leaked table gives no usable key; the key itself is shown once, at creation.
 */
@ObjectType({ description: 'An API key (never the key itself: it is shown once, when created).' })
@Entity({ tableName: 'api_key' })
// The id is the lookup part of the key: exactly what generateApiKeyParts makes, so a typo never matches a row.
@Check({ name: 'api_key_id_format', expression: "id ~ '^[0-9a-f]{16}$'" })
@Check({ name: 'api_key_name_not_blank', expression: "btrim(name) <> ''" })
export class ApiKey {
  @Field(() => ID, { description: 'Lookup id: 16 hex characters, the middle part of the key `tg_<id>_<secret>`. Revoke a key by it.' })
  @PrimaryKey({ type: 'string', columnType: 'varchar(16)' })
  id!: string;

  @Field({ description: 'Who or what holds the key (e.g. "BI team"): the principal requests are made as.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => RoleEnum, { description: 'What the key may do.' })
  @Enum({ items: [...ROLES] })
  role!: Role;

  /** base64 scrypt hash of the secret. Never a GraphQL field. */
  @Property({ type: 'text' })
  secretHash!: string;

  /** base64 salt of the hash. */
  @Property({ type: 'text' })
  salt!: string;

  /** scrypt cost N, block size r, parallelisation p of this hash (older keys keep theirs if defaults rise). */
  @Property({ type: 'integer' })
  scryptN!: number;

  @Property({ type: 'smallint' })
  scryptR!: number;

  @Property({ type: 'smallint' })
  scryptP!: number;

  @Field(() => GraphQLDateTimeISO, { description: 'When the key was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the key was revoked; null while it works. A revoked key never works again.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the key was last used (updated at most once a minute); null if never.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}
