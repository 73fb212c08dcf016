import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** What is stored of a secret: its scrypt hash with the salt and cost parameters that produced it. */
export interface SecretHash {
  /** base64 of the derived key. */
  hash: string;
  /** base64 of 16 random bytes. */
  salt: string;
  /** scrypt cost N (a power of two), block size r and parallelisation p. */
  n: number;
  r: number;
  p: number;
}

/**
 * Cost of new hashes: Node's defaults (N = 2^14, r = 8, p = 1: 16 MiB and tens of milliseconds per
 * verification). Stored with each hash, so raising them later leaves existing keys verifiable.
 */
export const SCRYPT_PARAMS = { n: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(secret: string, salt: Buffer, params: { n: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: params.n, r: params.r, p: params.p, maxmem: 128 * params.n * params.r * 2 };
  // The callback form runs on libuv's thread pool: a verification never blocks the event loop.
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hashes a secret with a fresh random salt. */
export async function hashSecret(secret: string): Promise<SecretHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, SCRYPT_PARAMS);
  return { hash: hash.toString('base64'), salt: salt.toString('base64'), ...SCRYPT_PARAMS };
}

/** True when `secret` hashes to `stored`; the comparison takes the same time wherever the bytes differ. */
export async function verifySecret(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no secret matches in practice, verified when a key's id is unknown so that an unknown id costs
 * the same scrypt as a wrong secret: response times do not tell which ids exist.
 */
export const DECOY_HASH: SecretHash = {
  hash: Buffer.alloc(KEY_LENGTH).toString('base64'),
  salt: Buffer.alloc(SALT_BYTES).toString('base64'),
  ...SCRYPT_PARAMS,
};
