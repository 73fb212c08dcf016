import { requestStorage } from '../../server/request-state';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from './api-key.entity';

/** A key's last_used_at is written at most this often: a busy key costs one UPDATE a minute, not one per request. */
export const LAST_USED_INTERVAL_MS = 60_000;
const CAPACITY = 10_000;

/**
 * Records that keys were used, at most once a minute per key, in the background: the request never
 * waits for the UPDATE, and a failed UPDATE (database busy, read-only replica) is reported, never thrown.
 */
export class LastUsedRecorder {
  private readonly writtenAt = new Map<string, number>();

  constructor(
    private readonly intervalMs = LAST_USED_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the UPDATE when the key's last one is older than the interval; returns it (tests await it), or null. */
  touch(fork: () => EntityManager, keyId: string, onError: (error: unknown) => void = () => undefined): Promise<void> | null {
    const now = this.now();
    const last = this.writtenAt.get(keyId);
    if (last !== undefined && now - last < this.intervalMs) return null;
    this.writtenAt.delete(keyId);
    this.writtenAt.set(keyId, now);
    if (this.writtenAt.size > CAPACITY) this.writtenAt.delete(this.writtenAt.keys().next().value!);
    // Outside the request's context: the UPDATE is not the request's statement (its count, its time, its
    // cancellation when the request is aborted).
    return requestStorage.exit(() =>
      Promise.resolve()
        .then(() => fork().nativeUpdate(ApiKey, { id: keyId }, { lastUsedAt: new Date(now) }))
        .then(() => undefined, onError),
    );
  }
}
