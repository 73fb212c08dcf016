import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { AppConfig } from '../config/config';
import { AppError, ErrorCode } from '../errors/app-error';
import { classifyFailure } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { authenticate } from '../modules/access/authenticate';
import type { Viewer } from '../modules/access/role';
import { DATABASE_RETRY_AFTER_SECONDS } from './edge-plugin';
import type { RequestState } from './request-state';

/** HTTP status and headers of an error raised before the operation runs (authentication, the database). */
export function httpOf(error: AppError): { status: number; headers: Record<string, string> } {
  switch (error.code) {
    case ErrorCode.UNAUTHENTICATED:
      return { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="tradegraph"' } };
    case ErrorCode.FORBIDDEN:
      return { status: 403, headers: {} };
    case ErrorCode.DATABASE_UNAVAILABLE:
    case ErrorCode.SHUTTING_DOWN:
      return { status: 503, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } };
    case ErrorCode.QUERY_TIMEOUT:
      return { status: 504, headers: {} };
    default:
      return { status: 400, headers: {} };
  }
}

const KEY_REQUIRED = new AppError(
  ErrorCode.UNAUTHENTICATED,
  'This server requires an API key: send "Authorization: Bearer <key>" (an administrator creates keys with `npm run keys -- create`).',
);

/**
 * Who the request is from, with its role: the API key of its Authorization header, or an anonymous client
 * with ANONYMOUS_ROLE. Records the role and whose budget to charge (the key, else the client's IP) on the
 * request's state. Throws an AppError (UNAUTHENTICATED, DATABASE_UNAVAILABLE…) the caller answers.
 */
export async function identify(orm: MikroORM, config: AppConfig, req: Request, state: RequestState | undefined): Promise<Viewer> {
  let viewer: Viewer;
  try {
    viewer = await authenticate(orm, req.headers.authorization, config.anonymousRole);
  } catch (error) {
    throw classifyFailure(error) ?? error;
  }
  if (viewer.role === null) throw KEY_REQUIRED;
  if (state) {
    state.role = viewer.keyId ? viewer.role : `anonymous:${viewer.role}`;
    state.client = viewer.keyId ? `key:${viewer.keyId}` : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
  }
  return viewer;
}

/** Apollo's context for one HTTP request; failures of identification become GraphQL request errors with their HTTP status. */
export async function graphqlContext(orm: MikroORM, config: AppConfig, req: Request, state: RequestState | undefined): Promise<GraphQLContext> {
  try {
    return createContext(orm, config, await identify(orm, config, req, state), state);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { status, headers } = httpOf(error);
    throw new GraphQLError(error.message, { extensions: { code: error.code, ...error.details, http: { status, headers: new Map(Object.entries(headers)) } } });
  }
}
