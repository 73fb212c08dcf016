import express from 'express';
import type { NodeHandler } from './node-handler';
import { requestStorage } from './request-state';

/** `application/json`, optionally with the UTF-8 charset: what every GraphQL client sends. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** The error body-parser gives a body that is not JSON, which the JSON error handler answers (INVALID_JSON). */
function parseFailed(): Error & { type: string; status: number } {
  return Object.assign(new Error('The request body is not valid JSON.'), { type: 'entity.parse.failed', status: 400 });
}

/**
 * The request's JSON body in `req.body`, as Express's parser (body-parser) reads it with this `limit` in bytes.
 * The common request — a POST of `application/json` in UTF-8 with its Content-Length, not compressed — is read
 * here in a few lines: body-parser's content-type parsing, charset decoding and stream machinery cost a small
 * question a tenth of its server time (issue #9). Anything else (another charset, gzip, chunked, empty, over
 * the limit) goes to body-parser itself, whose errors the JSON error handler maps to stable codes; a body
 * read here fails as body-parser's would (strict JSON: an object or an array; a UTF-8 byte-order mark allowed).
 */
export function jsonBody(limit: number): NodeHandler {
  const general = express.json({ limit }) as unknown as NodeHandler;
  return (req, res, next) => {
    const length = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      !(length > 0 && length <= limit) ||
      req.headers['content-encoding'] !== undefined ||
      req.headers['transfer-encoding'] !== undefined ||
      !PLAIN_JSON.test(req.headers['content-type'] ?? '')
    ) {
      general(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The stream's events fire in the socket's async context, not the request's: the rest of the chain runs
    // in the request's state again (statement accounting and cancellation), as raw-body's bound callback
    // does. (AsyncResource.bind would do it too, at ~7 % of a cached answer's CPU: it builds a deprecation
    // wrapper on every call.)
    const state = requestStorage.getStore();
    const resume = (error?: unknown) => (state ? requestStorage.run(state, next, error) : next(error));
    req.on('error', (error: Error) => resume(Object.assign(error, { type: 'request.aborted', status: 400 })));
    req.on('end', () => {
      let text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const first = /^[ \t\n\r]*([^ \t\n\r])/.exec(text)?.[1];
      if (first !== '{' && first !== '[') return resume(parseFailed());
      try {
        (req as { body?: unknown }).body = JSON.parse(text);
      } catch {
        return resume(parseFailed());
      }
      resume();
    });
  };
}
