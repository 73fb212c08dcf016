import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/config';

/** The outcome of charging a request's cost to its client's budget. */
export interface BudgetCharge {
  allowed: boolean;
  /** Points left in the current window (0 when refused). */
  remaining: number;
  limit: number;
  /** Seconds until the window resets (Retry-After when refused). */
  resetSeconds: number;
}

/**
 * Cost budgets per client (an API key, or the client's IP for anonymous access): points per fixed
 * window, from rate-limiter-flexible. In this process by default; in Redis when REDIS_URL is set, so
 * that every tradegraph process behind a load balancer draws on one budget. A Redis that is down, or
 * does not answer within 200 ms, never fails or holds a request: the in-process limiter stands in
 * (rate-limiter-flexible's insurance limiter) until Redis answers again.
 */
export class CostBudgets {
  private constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly limit: number,
  ) {}

  /** Budgets in this process, or in `redis` (the process's shared client, see redis-client.ts) when there is one. */
  static create(config: AppConfig, redis: Redis | null): CostBudgets {
    const { points, windowSeconds } = config.rateLimit;
    const memory = new RateLimiterMemory({ keyPrefix: 'tg-cost', points, duration: windowSeconds });
    if (!redis) return new CostBudgets(memory, points);
    const limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'tg-cost',
      points,
      duration: windowSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
    return new CostBudgets(limiter, points);
  }

  /** Charges `points` (at least 1: even a free operation is a request) to `client`. */
  async charge(client: string, points: number): Promise<BudgetCharge> {
    const cost = Math.max(1, Math.ceil(points));
    try {
      const res = await this.limiter.consume(client, cost);
      return { allowed: true, remaining: res.remainingPoints, limit: this.limit, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        return { allowed: false, remaining: 0, limit: this.limit, resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
      throw error;
    }
  }
}
