import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import type { NodeErrorHandler, NodeHandler } from './node-handler';

/** Error codes of the HTTP layer (before GraphQL): stable, like the GraphQL ones. */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Answers an error as a GraphQL-shaped JSON body (`{ errors: [{ message, extensions: { code } }] }`),
 * whatever went wrong and whatever NODE_ENV is: clients parse one shape, and nothing (no stack, no
 * path) leaks.
 */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.statusCode = status;
  res.end(body);
}

/** Any path the server does not serve. */
export const notFound: RequestHandler = (req, res) => {
  sendJsonError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.path}. The API is at /graphql (CSV at /csv).`);
};

/** Methods other than the ones a route serves get 405 with an Allow header. */
export function allowMethods(...methods: string[]): NodeHandler {
  const allowed = new Set([...methods, 'OPTIONS']);
  const allowHeader = [...allowed].join(', ');
  return (req, res, next) => {
    // A preflight the CORS policy answered never gets here; any other OPTIONS learns what is allowed.
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', allowHeader);
      res.statusCode = 204;
      res.end();
      return;
    }
    if (allowed.has(req.method ?? '')) return next();
    sendJsonError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not supported here; use ${methods.join(' or ')}.`, {
      Allow: allowHeader,
    });
  };
}

/** body-parser's error types, mapped to a status and a stable code. */
const BODY_ERRORS: Record<string, { status: number; code: HttpErrorCode; message: (e: { limit?: number }) => string }> = {
  'entity.parse.failed': { status: 400, code: 'INVALID_JSON', message: () => 'The request body is not valid JSON.' },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: (e) => `The request body is larger than the limit of ${e.limit ?? 'the server'} bytes.`,
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'The request body has an unsupported Content-Encoding.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'The request body has an unsupported charset; send UTF-8 JSON.',
  },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: () => 'The request body was not received completely.' },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: () => 'The request body is shorter or longer than its Content-Length.',
  },
  'stream.encoding.set': { status: 500, code: 'INTERNAL_SERVER_ERROR', message: () => 'Internal server error' },
};

/**
 * The last Express error handler: body-parser failures become 4xx JSON with a code; anything else is
 * logged and answered 500 INTERNAL_SERVER_ERROR without details. Express's own HTML page (with a stack
 * trace and install paths outside production) is never sent.
 */
export function jsonErrorHandler(logUnexpected: (error: unknown) => void): NodeErrorHandler {
  return (thrown, _req, res, _next) => {
    const error = thrown as { type?: string; status?: number; statusCode?: number; limit?: number } | undefined;
    const known = error?.type ? BODY_ERRORS[error.type] : undefined;
    if (known && known.status < 500) {
      sendJsonError(res, known.status, known.code, known.message(error ?? {}));
      return;
    }
    const status = error?.status ?? error?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendJsonError(res, status, 'BAD_REQUEST', 'The request could not be understood.');
      return;
    }
    logUnexpected(error);
    sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/** Node's HTTP parser errors, by code: what Node would answer with an empty body, answered as JSON. */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'HEADERS_TOO_LARGE',
    message: 'The request line or headers are too large (use POST for long queries).',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'REQUEST_TIMEOUT',
    message: 'The request was not received in time.',
  },
};

/**
 * For the HTTP server's `clientError` event: a request Node cannot parse (headers too large, control
 * characters, a request that never completes) is answered with a JSON body and a stable code, like every
 * other error, instead of Node's empty answer; then the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || socket.destroyed) {
    socket.destroy();
    return;
  }
  const known = (error.code && CLIENT_ERRORS[error.code]) || {
    status: 400,
    reason: 'Bad Request',
    code: 'BAD_REQUEST',
    message: 'The HTTP request could not be parsed.',
  };
  const body = JSON.stringify({ errors: [{ message: known.message, extensions: { code: known.code } }] });
  socket.end(
    `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
