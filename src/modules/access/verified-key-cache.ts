import { createHash } from 'node:crypto';
import type { Viewer } from './role';

/** How long a verified key is trusted without asking the database again (and so how late a revocation from another process bites). */
export const DEFAULT_VERIFIED_KEY_TTL_MS = 30_000;
/** Keys remembered at most; the oldest is forgotten first. */
export const DEFAULT_VERIFIED_KEY_CAPACITY = 1_000;

interface Entry {
  viewer: Viewer;
  expiresAt: number;
}

/**
 * Successful key verifications for a short time, so that a client's requests do not each pay scrypt's
 * tens of milliseconds. Entries are keyed by the SHA-256 of the whole key (the key itself is never kept),
 * so only the exact key that passed scrypt hits the cache: a failure is never stored, and a wrong secret
 * with a known id cannot match. A revocation in this process forgets the key at once ({@link forgetKey});
 * one in another process (the CLI, another server) takes effect when the entry expires.
 */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forgetKey: a verification that began before a revocation must not be remembered after it. */
  private revocations = 0;

  constructor(
    readonly ttlMs = DEFAULT_VERIFIED_KEY_TTL_MS,
    readonly capacity = DEFAULT_VERIFIED_KEY_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** The viewer of a key verified less than the TTL ago, else undefined. */
  get(key: string): Viewer | undefined {
    const digest = digestOf(key);
    const entry = this.entries.get(digest);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(digest);
      return undefined;
    }
    return entry.viewer;
  }

  /** Taken before a key's row is read; passed to {@link remember}. */
  generation(): number {
    return this.revocations;
  }

  /**
   * Remembers a key that just passed verification, unless a key was revoked since `generation` was taken
   * (its row may have been read before the revocation).
   */
  remember(key: string, viewer: Viewer, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.revocations) return;
    const digest = digestOf(key);
    this.entries.delete(digest); // re-inserted last: Map order is the eviction order
    this.entries.set(digest, { viewer, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets every entry of a key id (called when it is revoked). */
  forgetKey(keyId: string): void {
    this.revocations++;
    for (const [digest, entry] of this.entries) if (entry.viewer.keyId === keyId) this.entries.delete(digest);
  }

  /** Number of keys remembered (expired ones included until they are next read). */
  get size(): number {
    return this.entries.size;
  }
}

/** The process's verified keys; `revokeApiKey` forgets a key here, so a revocation in this process bites at once. */
export const sharedVerifiedKeys = new VerifiedKeyCache();

function digestOf(key: string): string {
  return createHash('sha256').update(key).digest('base64');
}
