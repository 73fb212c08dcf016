import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

export interface SharedCacheOptions {
  /** Prefix of every key in Redis, so that several caches (answers, persisted queries) share one Redis. */
  prefix: string;
  /** Bound of the in-process LRU: the summed length of the strings it holds. */
  maxBytes: number;
  /** Time to live in Redis (seconds) of a value set without one of its own. */
  ttlSeconds: number;
  /** Redis shared by every tradegraph process, or null for this process alone. */
  redis: Redis | null;
}

/**
 * A string cache in two tiers: an LRU in this process, bounded in bytes, in front of an optional Redis that
 * every tradegraph process shares. A value read from Redis is kept in the LRU too: keys never change their
 * meaning (callers put everything a value depends on, such as the data version, into the key), so a
 * process's copy cannot go stale. A Redis that is down or slow never fails a request: a read that fails is
 * a miss, a write that fails is dropped, and the LRU keeps serving what this process has seen.
 */
export class SharedCache implements KeyValueCache<string> {
  private readonly memory: InMemoryLRUCache<string>;

  constructor(private readonly options: SharedCacheOptions) {
    // lru-cache refuses an entry larger than maxEntrySize; one answer may take at most an eighth of the
    // bound, so that one huge export cannot evict everything the BI tools repeat.
    this.memory = new InMemoryLRUCache<string>({
      maxSize: Math.max(1, options.maxBytes),
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 8)),
    });
  }

  async get(key: string): Promise<string | undefined> {
    const local = await this.memory.get(key);
    if (local !== undefined) return local;
    const redis = this.options.redis;
    if (!redis || redis.status !== 'ready') return undefined;
    let remote: string | null;
    try {
      remote = await redis.get(this.options.prefix + key);
    } catch {
      return undefined;
    }
    if (remote === null) return undefined;
    await this.memory.set(key, remote);
    return remote;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.memory.set(key, value, options?.ttl ? { ttl: options.ttl } : undefined);
    const redis = this.options.redis;
    if (!redis || redis.status !== 'ready') return;
    const ttl = options?.ttl ?? this.options.ttlSeconds;
    // Fire and forget: the answer is sent without waiting for Redis, and a failed write only costs a later miss.
    redis.set(this.options.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl))).catch(() => undefined);
  }

  async delete(key: string): Promise<boolean> {
    const deleted = await this.memory.delete(key);
    const redis = this.options.redis;
    if (redis && redis.status === 'ready') await redis.del(this.options.prefix + key).catch(() => undefined);
    return deleted;
  }
}
