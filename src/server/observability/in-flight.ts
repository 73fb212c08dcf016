import type { ServerResponse } from 'node:http';

/**
 * Why a request's signal was aborted: its deadline passed, the client went away before the answer was
 * complete, or the server is shutting down. The signal's `reason` is one of these strings, so code
 * downstream (database hooks, long downloads) can tell a timeout from a hang-up.
 */
export type AbortReason = 'timeout' | 'client_closed' | 'shutdown';

/**
 * The requests this server is answering, each with an AbortController. One instance per server (tests
 * run several servers in one process), shared by the request context and the shutdown.
 */
export class InFlightRequests {
  private readonly controllers = new Set<AbortController>();

  /** Requests whose response has not closed yet. */
  get size(): number {
    return this.controllers.size;
  }

  /**
   * Starts tracking one response and returns its signal, aborted with 'timeout' after `timeoutMs`,
   * with 'client_closed' when the connection closes before the response finished, or with the reason
   * given to {@link abortAll}. The deadline is cleared when the response finishes.
   */
  track(res: ServerResponse, timeoutMs: number): AbortSignal {
    const controller = new AbortController();
    this.controllers.add(controller);
    // unref: a pending deadline must not keep a stopping process alive.
    const deadline = setTimeout(() => controller.abort('timeout' satisfies AbortReason), timeoutMs).unref();
    res.once('finish', () => clearTimeout(deadline));
    res.once('close', () => {
      clearTimeout(deadline);
      this.controllers.delete(controller);
      if (!res.writableFinished) controller.abort('client_closed' satisfies AbortReason);
    });
    return controller.signal;
  }

  /** Aborts every request in flight (a signal already aborted keeps its first reason). */
  abortAll(reason: AbortReason = 'shutdown'): void {
    for (const controller of this.controllers) controller.abort(reason);
  }
}
