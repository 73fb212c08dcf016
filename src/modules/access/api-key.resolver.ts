import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { CreatedApiKeyResult, ViewerType } from './access.types';
import { ApiKey } from './api-key.entity';
import { keyPrefix } from './api-key-format';
import { createApiKey, listApiKeys, MAX_KEY_NAME_LENGTH, revokeApiKey } from './api-key.service';
import type { Role } from './role';
import { RoleEnum } from './role.enum';
import { DEFAULT_VERIFIED_KEY_TTL_MS } from './verified-key-cache';

/** Who is asking, and the admin's management of API keys (the CLI `npm run keys` does the same). */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ViewerType, { description: 'Who is asking and with which role (any client; useful to check a key).' })
  viewer(@Ctx() ctx: GraphQLContext): ViewerType {
    const { role, name, keyId } = ctx.viewer;
    return { role, name, keyId };
  }

  @Authorized<Role>('admin')
  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included, newest first (ADMIN). Never the keys themselves.' })
  apiKeys(@Ctx() ctx: GraphQLContext): Promise<ApiKey[]> {
    return listApiKeys(ctx.em);
  }

  @Authorized<Role>('admin')
  @Mutation(() => CreatedApiKeyResult, {
    description: 'Creates an API key (ADMIN). The key is in the answer and nowhere else: it is stored only as a hash.',
  })
  async createApiKey(
    @Arg('name', { description: `Who or what will use the key, e.g. "BI team" (1–${MAX_KEY_NAME_LENGTH} characters).` }) name: string,
    @Arg('role', () => RoleEnum, { description: 'What the key may do.' }) role: Role,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiKeyResult> {
    const created = await createApiKey(ctx.em, { name, role });
    return { key: created.key, apiKey: created.record };
  }

  @Authorized<Role>('admin')
  @Mutation(() => ApiKey, {
    description: `Revokes an API key for good (ADMIN); revoking a revoked key changes nothing. It stops working at once on this server, within ${DEFAULT_VERIFIED_KEY_TTL_MS / 1000} s on other servers.`,
  })
  revokeApiKey(
    @Arg('id', () => ID, { description: 'The key\'s id, or its prefix "tg_<id>".' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiKey> {
    return revokeApiKey(ctx.em, id);
  }

  @FieldResolver(() => String, { description: 'The key\'s public prefix "tg_<id>", to recognise it in a secret store or a log.' })
  prefix(@Root() key: ApiKey): string {
    return keyPrefix(key.id);
  }
}
