import type { ServerResponse } from 'node:http';

/**
 * Why a request's signal was aborted: its deadline passed, the client went away before the answer was
 * complete, or the server is shutting down. The signal's `reason` is one of these strings, so code
 * downstream (database hooks, long downloads) can tell a timeout from a hang-up.
 */
export type AbortReason = 'timeout' | 'client_closed' | 'shutdown';

/**
 * One request's abort: the reason once aborted, and an AbortSignal made only when someone asks for it. An
 * AbortSignal costs ~5 µs to create and a listener ~2 µs more (Node 20's EventTarget), a tenth of the server
 * time of a cached answer (issue #9); most requests end without anyone needing one. Whoever reads `signal`
 * gets one that is already aborted with the same reason if the request was.
 *
 * The deadline is a time, not only a timer: whoever looks at the request after its deadline finds it
 * aborted with 'timeout' even when the timer's callback has not run yet. A starved or busy event loop
 * serves I/O before timers, so a stream could otherwise read its last rows and end a response after the
 * deadline had passed (seen in CI under load: a late CSV download ended whole).
 */
export class RequestAbort {
  private controller: AbortController | undefined;
  private why: AbortReason | undefined;
  /** performance.now() past which the request is late; undefined once its response has ended. */
  private deadlineAt: number | undefined;

  constructor(
    private readonly onAbort?: (reason: AbortReason) => void,
    timeoutMs?: number,
  ) {
    if (timeoutMs !== undefined) this.deadlineAt = performance.now() + timeoutMs;
  }

  get signal(): AbortSignal {
    this.checkDeadline();
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.why) this.controller.abort(this.why);
    }
    return this.controller.signal;
  }

  /** Why the request was aborted, or undefined while it was not. */
  get reason(): AbortReason | undefined {
    this.checkDeadline();
    return this.why;
  }

  /** The response has ended (finished or closed): its deadline no longer applies. */
  settle(): void {
    this.deadlineAt = undefined;
  }

  private checkDeadline(): void {
    if (this.why === undefined && this.deadlineAt !== undefined && performance.now() >= this.deadlineAt) this.abort('timeout');
  }

  /** Aborts with `reason`; a request already aborted keeps its first reason. */
  abort(reason: AbortReason): void {
    if (this.why) return;
    this.why = reason;
    this.controller?.abort(reason);
    this.onAbort?.(reason);
  }
}

/**
 * The requests this server is answering, each with its {@link RequestAbort}. One instance per server (tests
 * run several servers in one process), shared by the request context and the shutdown.
 */
export class InFlightRequests {
  private readonly requests = new Set<RequestAbort>();

  /** Requests whose response has not closed yet. */
  get size(): number {
    return this.requests.size;
  }

  /**
   * Starts tracking one response and returns its abort, aborted with 'timeout' after `timeoutMs`, with
   * 'client_closed' when the connection closes before the response finished, or with the reason given to
   * {@link abortAll}; `onAbort` is called then (e.g. to cancel the request's statements). The deadline is
   * cleared when the response finishes.
   */
  track(res: ServerResponse, timeoutMs: number, onAbort?: (reason: AbortReason) => void): RequestAbort {
    const request = new RequestAbort(onAbort, timeoutMs);
    this.requests.add(request);
    // The timer aborts a request nobody is looking at (its statements are cancelled); unref: a pending
    // deadline must not keep a stopping process alive.
    const deadline = setTimeout(() => request.abort('timeout'), timeoutMs).unref();
    res.once('finish', () => {
      clearTimeout(deadline);
      request.settle();
    });
    res.once('close', () => {
      clearTimeout(deadline);
      this.requests.delete(request);
      // Closed before it finished: past its deadline (reading the reason applies it), else the client left.
      if (!res.writableFinished && !request.reason) request.abort('client_closed');
      request.settle();
    });
    return request;
  }

  /** Aborts every request in flight (a request already aborted keeps its first reason). */
  abortAll(reason: AbortReason = 'shutdown'): void {
    for (const request of this.requests) request.abort(reason);
  }
}
