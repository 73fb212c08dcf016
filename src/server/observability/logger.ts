import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../../config/config';

/**
 * Never written, whatever the level: credentials, and GraphQL variables (the user's values). The request
 * log never logs headers or bodies at all; these paths guard `debug` lines and `req.log.info({ req })`.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'variables',
  '*.variables',
  '*.*.variables',
];

/**
 * Where log lines go when no destination is given: readable colour lines through pino-pretty on a
 * terminal (but not under NODE_ENV=test), JSON lines on stdout otherwise. Both write synchronously, in
 * this thread: the line before a `process.exit()` is never lost, nothing is left to keep the process
 * alive, and it works the same under `dist/`, ts-node and Jest (a pino transport would run in a worker
 * that has to find pino-pretty on its own and be flushed at exit).
 */
function defaultDestination(config: Pick<AppConfig, 'nodeEnv'>): DestinationStream {
  if (process.stdout.isTTY && config.nodeEnv !== 'test') {
    return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  }
  return pino.destination({ dest: 1, sync: true });
}

/**
 * The server's logger: level from config, credentials and variables redacted, JSON lines on stdout (or
 * pretty on a terminal); `destination` replaces stdout (tests capture lines with it).
 */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>, destination?: DestinationStream): Logger {
  return pino(
    { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination ?? defaultDestination(config),
  );
}

/**
 * A `(message) => void` over the logger, for the code that logs plain sentences (bootstrap's "Applied
 * migrations…", startup, shutdown, "waiting for PostgreSQL"), so they become lines of the same log.
 */
export function messageLog(logger: Logger, level: Level = 'info'): (message: string) => void {
  return (message) => logger[level](message);
}
