import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A middleware that needs nothing of Express: Node's request and response, and `next` (with an error to
 * hand it to the error handler). Express mounts these as they are; {@link chain} runs them without Express.
 */
/** A response, with the `locals` Express gives every response (the request's state lives there). */
export type NodeResponse = ServerResponse & { locals?: Record<string, unknown> };
export type NodeHandler = (req: IncomingMessage, res: NodeResponse, next: (error?: unknown) => void) => void;
export type NodeErrorHandler = (error: unknown, req: IncomingMessage, res: NodeResponse, next: (error?: unknown) => void) => void;

/**
 * Runs `handlers` in order, each calling `next` to go on (or `next(error)`, or throwing, or rejecting, to
 * hand the error to `onError`), like an Express chain of one route, without Express: no router matching the
 * path against every layer, no swapping of the request's and response's prototypes. `res.locals` is
 * created as Express would (the request state lives there).
 */
export function chain(handlers: ReadonlyArray<NodeHandler>, onError: NodeErrorHandler): (req: IncomingMessage, res: NodeResponse) => void {
  return (req, res) => {
    res.locals ??= {};
    let index = 0;
    const fail = (error: unknown) => onError(error, req, res, () => undefined);
    const next = (error?: unknown): void => {
      // As Express: `next()`, `next(null)` and the like go on; anything truthy is an error.
      if (error) return fail(error);
      const handler = handlers[index++];
      if (!handler) return;
      try {
        const result: unknown = handler(req, res, next);
        if (result instanceof Promise) result.catch(fail);
      } catch (thrown) {
        fail(thrown);
      }
    };
    next();
  };
}
