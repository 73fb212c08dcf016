import path from 'node:path';
import { isRole, type Role } from '../modules/access/role';

/** Typed, validated runtime configuration. Built once at start-up by {@link loadConfig}. */
export interface AppConfig {
  /** HTTP port the API listens on. */
  port: number;
  /** Host/interface to bind. */
  host: string;
  /** `development` shows stack traces in GraphQL errors; anything else never does. */
  nodeEnv: 'development' | 'production' | 'test';
  database: { kind: 'server'; url: string } | { kind: 'embedded'; dataDir: string };
  /** Run pending migrations when the server starts. */
  migrateOnStart: boolean;
  /** Seed reference data and the demo dataset when the database has no countries yet. */
  seedDemoWhenEmpty: boolean;
  /** Number of trade flows the demo generator writes on first start. */
  demoFlows: number;
  /** Largest page a connection may return (`first`). */
  maxPageSize: number;
  /** Role of a client that sends no API key; null refuses anonymous clients (ANONYMOUS_ROLE=none). */
  anonymousRole: Role | null;
  /** Deadline of one request, in Node and inside PostgreSQL (statement_timeout). */
  requestTimeoutMs: number;
  /**
   * Deadline of one export (GET /csv), in Node and for its COPY statement: an export of every row takes
   * longer than an interactive query, and each of its pages' statements keeps REQUEST_TIMEOUT_MS.
   */
  exportTimeoutMs: number;
  /** How long start-up waits for an unreachable PostgreSQL server before giving up (ms). */
  databaseWaitMs: number;
  /** How long SIGTERM waits for in-flight requests and downloads before cancelling them. */
  shutdownGraceMs: number;
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only; '*': any. */
  corsOrigins: string[];
  /** Redis for shared counters (rate limits); null keeps them in this process. */
  redisUrl: string | null;
  /**
   * The response cache: bound of the in-process LRU of answers (bytes of their JSON; 0: no response cache),
   * time to live of answers and persisted queries in Redis, and the max-age GET answers give HTTP caches.
   */
  responseCache: { maxBytes: number; redisTtlSeconds: number; httpMaxAgeSeconds: number };
  /** Static cost limits checked before any SQL runs. */
  cost: { maxCost: number; maxDepth: number; maxAliases: number; maxDirectives: number; maxTokens: number };
  /** Cost points a client (API key, or IP when anonymous) may spend per window. */
  rateLimit: { points: number; windowSeconds: number };
  /** pino log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Trust X-Forwarded-For from this many proxies in front (0: use the socket's address). */
  trustProxyHops: number;
}

/** Thrown when environment variables are missing or malformed; lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parseIntVar(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}="${raw}" must be an integer between ${min} and ${max}`);
    return fallback;
  }
  return value;
}

function parseBoolVar(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  problems.push(`${name}="${raw}" must be true or false`);
  return fallback;
}

function parseDatabase(env: Env, projectRoot: string, problems: string[]): AppConfig['database'] {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    try {
      const parsed = new URL(url);
      if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)');
    }
    return { kind: 'server', url };
  }
  const dataDir = env.TRADEGRAPH_DATA_DIR?.trim() || path.join(projectRoot, 'data', 'pglite');
  // memory:// keeps the embedded database in memory only (tests, throw-away demos).
  if (dataDir.startsWith('memory://')) return { kind: 'embedded', dataDir };
  return { kind: 'embedded', dataDir: path.resolve(projectRoot, dataDir) };
}

function parseAnonymousRole(env: Env, fallback: Role | null, problems: string[]): Role | null {
  const raw = env.ANONYMOUS_ROLE?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'none') return null;
  // Writes always need a key: an anonymous client may read, or nothing.
  if (raw === 'reader' && isRole(raw)) return raw;
  problems.push(`ANONYMOUS_ROLE="${env.ANONYMOUS_ROLE}" must be reader or none (writes always need an API key)`);
  return fallback;
}

function parseList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseRedisUrl(env: Env, problems: string[]): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  try {
    if (!['redis:', 'rediss:'].includes(new URL(raw).protocol)) problems.push('REDIS_URL must start with redis:// or rediss://');
  } catch {
    problems.push('REDIS_URL is not a valid URL (expected redis://host:port)');
  }
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseLogLevel(env: Env, problems: string[]): AppConfig['logLevel'] {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as AppConfig['logLevel'];
  problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of ${LOG_LEVELS.join(', ')}`);
  return 'info';
}

/**
 * Reads and validates the environment once. Fails fast with every bad variable named.
 *
 * Variables: PORT, HOST, NODE_ENV, DATABASE_URL, TRADEGRAPH_DATA_DIR, MIGRATE_ON_START,
 * SEED_DEMO_WHEN_EMPTY, DEMO_FLOWS, MAX_PAGE_SIZE, ANONYMOUS_ROLE, REQUEST_TIMEOUT_MS, EXPORT_TIMEOUT_MS, DATABASE_WAIT_MS, SHUTDOWN_GRACE_MS,
 * CORS_ORIGINS, REDIS_URL, RESPONSE_CACHE_BYTES, RESPONSE_CACHE_TTL_S, HTTP_CACHE_MAX_AGE_S, MAX_QUERY_COST, MAX_QUERY_DEPTH, MAX_QUERY_ALIASES, MAX_QUERY_DIRECTIVES,
 * MAX_QUERY_TOKENS, RATE_LIMIT_POINTS, RATE_LIMIT_WINDOW_S, LOG_LEVEL, TRUST_PROXY_HOPS.
 */
export function loadConfig(env: Env = process.env, projectRoot = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV?.trim() || 'production';
  let nodeEnv: AppConfig['nodeEnv'] = 'production';
  if (nodeEnvRaw === 'development' || nodeEnvRaw === 'production' || nodeEnvRaw === 'test') nodeEnv = nodeEnvRaw;
  else problems.push(`NODE_ENV="${nodeEnvRaw}" must be development, production or test`);

  const database = parseDatabase(env, projectRoot, problems);
  const embedded = database.kind === 'embedded';
  const config: AppConfig = {
    port: parseIntVar(env, 'PORT', 4000, 0, 65535, problems),
    host: env.HOST?.trim() || '0.0.0.0',
    nodeEnv,
    database,
    // The embedded database is ours alone, so it is migrated and seeded without asking;
    // a shared server is only changed when the operator says so.
    migrateOnStart: parseBoolVar(env, 'MIGRATE_ON_START', embedded, problems),
    seedDemoWhenEmpty: parseBoolVar(env, 'SEED_DEMO_WHEN_EMPTY', embedded, problems),
    demoFlows: parseIntVar(env, 'DEMO_FLOWS', 60_000, 0, 100_000_000, problems),
    maxPageSize: parseIntVar(env, 'MAX_PAGE_SIZE', 500, 1, 10_000, problems),
    // The embedded demo is open for reading; a server deployment is closed until keys are handed out.
    anonymousRole: parseAnonymousRole(env, embedded ? 'reader' : null, problems),
    requestTimeoutMs: parseIntVar(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 3_600_000, problems),
    exportTimeoutMs: parseIntVar(env, 'EXPORT_TIMEOUT_MS', 600_000, 100, 86_400_000, problems),
    databaseWaitMs: parseIntVar(env, 'DATABASE_WAIT_MS', 300_000, 0, 86_400_000, problems),
    shutdownGraceMs: parseIntVar(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000, problems),
    corsOrigins: parseList(env.CORS_ORIGINS),
    redisUrl: parseRedisUrl(env, problems),
    responseCache: {
      maxBytes: parseIntVar(env, 'RESPONSE_CACHE_BYTES', 64 * 2 ** 20, 0, 2 ** 40, problems),
      // Keys carry the data version, so an import never serves an old answer; the TTL only returns the memory of
      // answers to versions nobody asks for any more.
      redisTtlSeconds: parseIntVar(env, 'RESPONSE_CACHE_TTL_S', 3600, 1, 30 * 86_400, problems),
      // A browser, proxy or BI tool may reuse an answer this long without asking; an import is seen after it at most.
      httpMaxAgeSeconds: parseIntVar(env, 'HTTP_CACHE_MAX_AGE_S', 60, 0, 86_400, problems),
    },
    cost: {
      maxCost: parseIntVar(env, 'MAX_QUERY_COST', 100_000, 1, 100_000_000, problems),
      maxDepth: parseIntVar(env, 'MAX_QUERY_DEPTH', 12, 1, 1000, problems),
      maxAliases: parseIntVar(env, 'MAX_QUERY_ALIASES', 50, 1, 100_000, problems),
      maxDirectives: parseIntVar(env, 'MAX_QUERY_DIRECTIVES', 50, 1, 100_000, problems),
      // The largest legitimate documents measured: GraphiQL's introspection 183 tokens, test operations ≤ 156, explorer
      // examples ≤ 71. 2,000 leaves ten times that, and stops a 1,000-alias document after a quarter of the parse.
      maxTokens: parseIntVar(env, 'MAX_QUERY_TOKENS', 2_000, 100, 1_000_000, problems),
    },
    rateLimit: {
      points: parseIntVar(env, 'RATE_LIMIT_POINTS', 2_000_000, 1, 1_000_000_000, problems),
      windowSeconds: parseIntVar(env, 'RATE_LIMIT_WINDOW_S', 60, 1, 86_400, problems),
    },
    logLevel: parseLogLevel(env, problems),
    trustProxyHops: parseIntVar(env, 'TRUST_PROXY_HOPS', 0, 0, 10, problems),
  };
  if (config.rateLimit.points < config.cost.maxCost) {
    problems.push(
      `RATE_LIMIT_POINTS (${config.rateLimit.points}) must be at least MAX_QUERY_COST (${config.cost.maxCost}): an operation the cost limit accepts could never fit a budget`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
