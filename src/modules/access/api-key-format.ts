import { randomBytes } from 'node:crypto';

/** Every tradegraph API key starts with this, so secret scanners and people can recognise one. */
export const KEY_PREFIX = 'tg_';

/** Bytes of the lookup id (public: listed, used to revoke) and of the secret (never stored). */
const ID_BYTES = 8;
const SECRET_BYTES = 32; // 256 bits of randomness

/** `tg_` + 16 hex characters (the id) + `_` + 43 base64url characters (the secret). */
const KEY_PATTERN = /^tg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const ID_PATTERN = /^(?:tg_)?([0-9a-f]{16})$/;

/** A key split into the part that finds its row and the part that proves possession. */
export interface ApiKeyParts {
  /** Lookup id: the row's primary key, safe to show and log. */
  id: string;
  /** The secret; only its scrypt hash is stored. */
  secret: string;
}

/** A new random key: 64 bits of lookup id, 256 bits of secret, both from the CSPRNG. */
export function generateApiKeyParts(): ApiKeyParts {
  return { id: randomBytes(ID_BYTES).toString('hex'), secret: randomBytes(SECRET_BYTES).toString('base64url') };
}

/** The key as handed to the client: `tg_<id>_<secret>`. */
export function formatApiKey(parts: ApiKeyParts): string {
  return `${KEY_PREFIX}${parts.id}_${parts.secret}`;
}

/** Splits a key into id and secret; null when the text is not shaped like a tradegraph key. */
export function parseApiKey(key: string): ApiKeyParts | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { id: match[1], secret: match[2] } : null;
}

/** The public prefix that names a key in lists: `tg_<id>`. */
export function keyPrefix(id: string): string {
  return `${KEY_PREFIX}${id}`;
}

/** Reads an id as an operator types it (`0123…` or `tg_0123…`); null when it is neither. */
export function parseKeyId(idOrPrefix: string): string | null {
  return ID_PATTERN.exec(idOrPrefix.trim().toLowerCase())?.[1] ?? null;
}
