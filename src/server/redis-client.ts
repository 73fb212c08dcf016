import { Redis } from 'ioredis';

/**
 * The one Redis client of an API process (REDIS_URL), shared by the rate limits (rate-limit.ts) and the
 * response cache (shared-cache.ts). Commands fail at once while Redis is away instead of queueing, and
 * within 200 ms when it is connected but does not answer: both users then fall back to this process (the
 * in-process limiter, the in-process LRU), so a Redis outage never fails or holds a request.
 */
export function sharedRedis(url: string, log: (message: string) => void): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 200,
    lazyConnect: false,
  });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) {
      log(
        `Redis at REDIS_URL unavailable (${error.message}); rate limits and the response cache are kept in this process until it is back`,
      );
    }
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) log('Redis is back; rate limits and the response cache are shared again');
    reported = false;
  });
  return redis;
}
