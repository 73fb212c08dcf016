import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { ApiKey } from './api-key.entity';
import { formatApiKey, generateApiKeyParts, parseKeyId } from './api-key-format';
import { hashSecret } from './api-key-hash';
import { isRole, ROLES, type Role } from './role';
import { sharedVerifiedKeys, type VerifiedKeyCache } from './verified-key-cache';

/** Longest key name accepted. */
export const MAX_KEY_NAME_LENGTH = 200;

/** A key just created: the plaintext (shown this once, never stored) and its row. */
export interface CreatedApiKey {
  key: string;
  record: ApiKey;
}

/** Checks a key's name and role as a client or an operator gave them; throws INVALID_ARGUMENT. */
export function checkKeyInput(name: string, role: string): { name: string; role: Role } {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_KEY_NAME_LENGTH) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `A key's name must have 1 to ${MAX_KEY_NAME_LENGTH} characters.`, { argument: 'name' });
  }
  // Names are printed in lists and logs: no line breaks, escapes or NUL (which PostgreSQL text cannot hold).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new AppError(ErrorCode.INVALID_ARGUMENT, "A key's name may not contain control characters.", { argument: 'name' });
  }
  if (!isRole(role))
    throw new AppError(ErrorCode.INVALID_ARGUMENT, `Unknown role "${role}"; use one of ${ROLES.join(', ')}.`, { argument: 'role' });
  return { name: trimmed, role };
}

/** Creates a key for a principal with a role. Only the hash is stored: the returned `key` is the only copy. */
export async function createApiKey(em: EntityManager, input: { name: string; role: string }): Promise<CreatedApiKey> {
  const { name, role } = checkKeyInput(input.name, input.role);
  const parts = generateApiKeyParts();
  const hashed = await hashSecret(parts.secret);
  const record = em.create(ApiKey, {
    id: parts.id,
    name,
    role,
    secretHash: hashed.hash,
    salt: hashed.salt,
    scryptN: hashed.n,
    scryptR: hashed.r,
    scryptP: hashed.p,
    createdAt: new Date(),
  });
  await em.persistAndFlush(record);
  return { key: formatApiKey(parts), record };
}

/** Every key, revoked ones included, newest first. */
export function listApiKeys(em: EntityManager): Promise<ApiKey[]> {
  return em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

/**
 * Revokes a key by its id (`0123…`) or prefix (`tg_0123…`), for good, and forgets it in this process's
 * verified-key cache so that it stops working here at once (other processes: within their cache TTL).
 * Revoking a revoked key changes nothing and returns it. An unknown id throws INVALID_ARGUMENT.
 */
export async function revokeApiKey(em: EntityManager, idOrPrefix: string, cache: VerifiedKeyCache = sharedVerifiedKeys): Promise<ApiKey> {
  const id = parseKeyId(idOrPrefix);
  const record = id ? await em.findOne(ApiKey, { id }) : null;
  if (!record) throw new AppError(ErrorCode.INVALID_ARGUMENT, `No API key has the id "${idOrPrefix}".`, { argument: 'id' });
  if (!record.revokedAt) {
    record.revokedAt = new Date();
    await em.flush();
  }
  cache.forgetKey(record.id);
  return record;
}
