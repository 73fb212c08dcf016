/** Resolves after `ms` (real timers: DataLoader and the pg pool need the event loop). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 20 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Cost limit and budget out of the way, for files that need a deliberately heavy operation (twelve grouped
 * aggregates cost ~800,000 points) to test something else: deadlines, hang-ups, shutdown.
 */
export const HEAVY_OPERATION_LIMITS = { MAX_QUERY_COST: '100000000', RATE_LIMIT_POINTS: '1000000000' };
