import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import helmet from 'helmet';
import type { NodeHandler } from './node-handler';

/**
 * Security headers (helmet). The explorer's page loads only this server's scripts (no inline script: its
 * settings travel in a JSON data block), so the Content-Security-Policy can say `script-src 'self'`;
 * GraphiQL sets inline styles, hence `'unsafe-inline'` for styles only. No `upgrade-insecure-requests`:
 * the server is often reached over plain HTTP on a LAN, where upgraded asset requests would fail.
 */
const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'self'"],
      formAction: ["'self'"],
    },
  },
  // BI tools and other origins allowed by CORS_ORIGINS fetch answers with CORS, which this does not affect.
  crossOriginResourcePolicy: { policy: 'same-origin' },
};

/**
 * The headers helmet sets with these options, read once: none depends on the request (no nonce, no
 * per-request directive), so each response gets the same list set in one loop instead of a dozen helmet
 * middlewares. Helmet's output is captured rather than copied, so an upgrade of helmet changes both alike.
 */
function helmetHeaders(): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  let finished = false;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously; its headers cannot be precomputed');
  return headers;
}

export function securityHeaders(): NodeHandler {
  const headers = helmetHeaders();
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}

/**
 * CORS for browsers on other origins: only those in CORS_ORIGINS (exact origins, or `*` for any), with
 * the headers the API reads (content type, API key, request id, Apollo's CSRF headers) and exposing the
 * ones clients act on (request id, Retry-After). No cookies are used, so no credentials are allowed.
 * With an empty list no CORS header is sent at all: same origin only.
 */
export function corsPolicy(origins: string[]): NodeHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && (any || allowed.has(origin)) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'accept'],
    // A browser client of GET /csv reads an export's datasets and warnings from these.
    exposedHeaders: ['x-request-id', 'retry-after', 'x-tradegraph-datasets', 'x-tradegraph-warnings', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  });
}
