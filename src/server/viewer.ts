import type { IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import proxyaddr from 'proxy-addr';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import { AppError, ErrorCode } from '../errors/app-error';
import { classifyFailure } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import { createContext } from '../graphql/create-context';
import { authenticate } from '../modules/access/authenticate';
import type { Viewer } from '../modules/access/role';
import { httpStatusOf, type HttpStatus } from './http-status';
import type { RequestState } from './request-state';

/** HTTP status and headers of an error raised before the operation runs (authentication, the database). */
export function httpOf(error: AppError): HttpStatus {
  return httpStatusOf(error.code, error.details.retryAfterSeconds) ?? { status: 400, headers: {} };
}

const KEY_REQUIRED = new AppError(
  ErrorCode.UNAUTHENTICATED,
  'This server requires an API key: send "Authorization: Bearer <key>" (an administrator creates keys with `npm run keys -- create`).',
);

/**
 * The budget key of an anonymous client: its IPv4 address, or the /64 of its IPv6 address (one host is
 * given a whole /64, and could otherwise draw on as many budgets as it has addresses).
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address as Express's `req.ip` gives it with `trust proxy` set to `trustProxyHops`: the
 * socket's peer, or with N trusted hops the address N proxies back in X-Forwarded-For (proxy-addr, Express's
 * own implementation), for servers that answer without Express (the GraphQL endpoint).
 */
export function clientAddressOf(trustProxyHops: number): (req: IncomingMessage) => string {
  const trust = (_address: string, hop: number) => hop < trustProxyHops;
  return (req) => proxyaddr(req, trust) ?? req.socket.remoteAddress ?? 'unknown';
}

/** Failed key checks one client network may make per minute before it is refused without checking. */
export const AUTH_FAILURES_PER_MINUTE = 20;

/**
 * How requests are identified: the API key of the Authorization header, or an anonymous client with
 * ANONYMOUS_ROLE. Each check of an uncached key costs a scrypt (tens of ms of a worker thread) and a
 * lookup, and happens before any budget can be charged: so a client network that sent
 * AUTH_FAILURES_PER_MINUTE bad keys is refused (429 RATE_LIMITED) without checking more for a minute.
 */
export function createIdentify(orm: MikroORM, config: AppConfig) {
  const clientAddress = clientAddressOf(config.trustProxyHops);
  const failures = new RateLimiterMemory({ keyPrefix: 'tg-auth-failures', points: AUTH_FAILURES_PER_MINUTE, duration: 60 });

  /**
   * Who the request is from, with its role. Records the role and whose budget to charge (the key, else the
   * client's network) on the request's state. Throws an AppError (UNAUTHENTICATED, RATE_LIMITED,
   * DATABASE_UNAVAILABLE…) the caller answers.
   */
  return async function identify(req: IncomingMessage, state: RequestState | undefined): Promise<Viewer> {
    const network = clientNetwork(clientAddress(req));
    const header = req.headers.authorization;
    if (header !== undefined) {
      const spent = await failures.get(network);
      if (spent && spent.consumedPoints >= AUTH_FAILURES_PER_MINUTE) {
        const retry = Math.max(1, Math.ceil(spent.msBeforeNext / 1000));
        throw new AppError(ErrorCode.RATE_LIMITED, `Too many invalid API keys from this client; retry in ${retry} s.`, {
          retryAfterSeconds: retry,
        });
      }
    }
    let viewer: Viewer;
    try {
      viewer = await authenticate(orm, header, config.anonymousRole);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) await failures.penalty(network, 1);
      throw classifyFailure(error) ?? error;
    }
    if (viewer.role === null) throw KEY_REQUIRED;
    if (state) {
      state.role = viewer.keyId ? viewer.role : `anonymous:${viewer.role}`;
      state.client = viewer.keyId ? `key:${viewer.keyId}` : `ip:${network}`;
    }
    return viewer;
  };
}

export type Identify = ReturnType<typeof createIdentify>;

/** Apollo's context for one HTTP request; failures of identification become GraphQL request errors with their HTTP status. */
export async function graphqlContext(
  orm: MikroORM,
  catalog: Catalog,
  config: AppConfig,
  identify: Identify,
  req: IncomingMessage,
  state: RequestState | undefined,
): Promise<GraphQLContext> {
  try {
    return createContext(orm, catalog, config, await identify(req, state), state);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { status, headers } = httpOf(error);
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, ...error.details, http: { status, headers: new Map(Object.entries(headers)) } },
    });
  }
}
