import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet). The explorer's page loads only this server's scripts (no inline script: its
 * settings travel in a JSON data block), so the Content-Security-Policy can say `script-src 'self'`;
 * GraphiQL sets inline styles, hence `'unsafe-inline'` for styles only. No `upgrade-insecure-requests`:
 * the server is often reached over plain HTTP on a LAN, where upgraded asset requests would fail.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
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
  });
}

/**
 * CORS for browsers on other origins: only those in CORS_ORIGINS (exact origins, or `*` for any), with
 * the headers the API reads (content type, API key, request id, Apollo's CSRF headers) and exposing the
 * ones clients act on (request id, Retry-After). No cookies are used, so no credentials are allowed.
 * With an empty list no CORS header is sent at all: same origin only.
 */
export function corsPolicy(origins: string[]): RequestHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && (any || allowed.has(origin)) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'accept'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });
}
