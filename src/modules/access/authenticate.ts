import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { ApiKey } from './api-key.entity';
import { parseApiKey } from './api-key-format';
import { DECOY_HASH, verifySecret } from './api-key-hash';
import { LastUsedRecorder } from './last-used';
import type { Role, Viewer } from './role';
import { sharedVerifiedKeys, type VerifiedKeyCache } from './verified-key-cache';

const sharedLastUsed = new LastUsedRecorder();

export interface AuthenticateOptions {
  /** Verified keys (default: the process's {@link sharedVerifiedKeys}, 30 s TTL). */
  cache?: VerifiedKeyCache;
  /** last_used_at throttle (default: the process's, once a minute per key). */
  lastUsed?: LastUsedRecorder;
  /** Told when the background last_used_at UPDATE fails; the request has already gone on. */
  onBackgroundError?: (error: unknown) => void;
}

const BEARER = /^Bearer +(\S+) *$/i;

export const MALFORMED_HEADER_MESSAGE = 'The Authorization header must be "Bearer <API key>".';
export const NOT_A_KEY_MESSAGE = 'The bearer token is not a tradegraph API key (expected tg_<id>_<secret>).';
export const INVALID_KEY_MESSAGE = 'The API key is not valid: it is unknown or has been revoked.';

/**
 * Who sends a request, from its Authorization header. No header: an anonymous viewer with `anonymousRole`
 * (null when anonymous access is off: the caller answers 401). `Bearer <key>` with a valid key: the key's
 * principal and role. Anything else throws AppError UNAUTHENTICATED, with one message for unknown, revoked
 * and wrong keys so that no answer tells whether a key id exists (an unknown id even pays the same scrypt).
 *
 * A verified key is cached for the cache's TTL (30 s by default): a revocation through
 * `revokeApiKey` in this process takes effect at once, one from another process (the CLI) within
 * the TTL. last_used_at is written in the background, at most once a minute per key.
 */
export async function authenticate(
  database: MikroORM | EntityManager,
  authorization: string | undefined,
  anonymousRole: Role | null,
  options: AuthenticateOptions = {},
): Promise<Viewer> {
  if (authorization === undefined) return { role: anonymousRole, keyId: null, name: null };
  const token = BEARER.exec(authorization)?.[1];
  if (!token) throw new AppError(ErrorCode.UNAUTHENTICATED, MALFORMED_HEADER_MESSAGE);

  const cache = options.cache ?? sharedVerifiedKeys;
  // Duck-typed: instanceof fails across the core and driver packages' copies of the classes.
  const fork = () => ('fork' in database ? database : database.em).fork();
  const cached = cache.get(token);
  if (cached) {
    (options.lastUsed ?? sharedLastUsed).touch(fork, cached.keyId!, options.onBackgroundError);
    return { ...cached }; // a copy: no request can change what the next one is told
  }

  const parts = parseApiKey(token);
  if (!parts) throw new AppError(ErrorCode.UNAUTHENTICATED, NOT_A_KEY_MESSAGE);
  const generation = cache.generation();
  const row = await fork().findOne(ApiKey, { id: parts.id });
  const usable = row && !row.revokedAt ? row : null;
  const matches = await verifySecret(
    parts.secret,
    usable ? { hash: usable.secretHash, salt: usable.salt, n: usable.scryptN, r: usable.scryptR, p: usable.scryptP } : DECOY_HASH,
  );
  if (!usable || !matches) throw new AppError(ErrorCode.UNAUTHENTICATED, INVALID_KEY_MESSAGE);

  const viewer: Viewer = { role: usable.role, keyId: usable.id, name: usable.name };
  cache.remember(token, viewer, generation);
  (options.lastUsed ?? sharedLastUsed).touch(fork, usable.id, options.onBackgroundError);
  return viewer;
}
