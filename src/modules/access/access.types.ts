import { Field, ID, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import type { Role } from './role';
import { RoleEnum } from './role.enum';

@ObjectType('Viewer', { description: 'Who is asking: the principal of the API key sent, or an anonymous client.' })
export class ViewerType {
  @Field(() => RoleEnum, {
    nullable: true,
    description: 'The role requests are answered with; null when anonymous access is off and no key was sent.',
  })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: "The API key's name (its principal); null for an anonymous client." })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: "The API key's id; null for an anonymous client." })
  keyId!: string | null;
}

@ObjectType({ description: 'A new API key. `key` is shown this once: store it now, it cannot be read again.' })
export class CreatedApiKeyResult {
  @Field({ description: 'The key to send as "Authorization: Bearer <key>". Not stored: it cannot be shown again.' })
  key!: string;

  @Field(() => ApiKey, { description: 'The key as listed from now on (without the key itself).' })
  apiKey!: ApiKey;
}
