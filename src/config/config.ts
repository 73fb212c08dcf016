import path from 'node:path';

/** Typed, validated runtime configuration. Built once at start-up by {@link loadConfig}. */
export interface AppConfig {
  /** HTTP port the API listens on. */
  port: number;
  /** Host/interface to bind. */
  host: string;
  /** `development` shows stack traces in GraphQL errors; anything else never does. */
  nodeEnv: 'development' | 'production' | 'test';
  database:
    | { kind: 'server'; url: string }
    | { kind: 'embedded'; dataDir: string };
  /** Run pending migrations when the server starts. */
  migrateOnStart: boolean;
  /** Seed reference data and the demo dataset when the database has no countries yet. */
  seedDemoWhenEmpty: boolean;
  /** Number of trade flows the demo generator writes on first start. */
  demoFlows: number;
  /** Largest page a connection may return (`first`). */
  maxPageSize: number;
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

/**
 * Reads and validates the environment once. Fails fast with every bad variable named.
 *
 * Variables: PORT, HOST, NODE_ENV, DATABASE_URL, TRADEGRAPH_DATA_DIR, MIGRATE_ON_START,
 * SEED_DEMO_WHEN_EMPTY, DEMO_FLOWS, MAX_PAGE_SIZE.
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
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
