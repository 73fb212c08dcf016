import { execFile } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type { AppConfig } from '../../../src/config/config';
import { createLogger, messageLog } from '../../../src/server/observability/logger';

function capture(): { lines: Array<Record<string, unknown>>; raw: () => string; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const raw = () => chunks.join('');
  return {
    stream,
    raw,
    get lines() {
      return raw()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    },
  };
}

const config = (logLevel: AppConfig['logLevel']) => ({ logLevel, nodeEnv: 'test' as const });

describe('createLogger', () => {
  it('writes JSON lines at the configured level and above', () => {
    const out = capture();
    const logger = createLogger(config('warn'), out.stream);
    logger.info('not at warn');
    logger.warn({ port: 4000 }, 'listening');
    expect(out.lines).toEqual([expect.objectContaining({ level: 40, msg: 'listening', port: 4000 })]);
  });

  it('redacts authorization, cookies and GraphQL variables wherever the request is logged', () => {
    const out = capture();
    const logger = createLogger(config('debug'), out.stream);
    logger.debug({
      req: { headers: { authorization: 'Bearer api-key-123', cookie: 'session=cookie-456', accept: 'application/json' } },
      body: { query: '{ a }', variables: { iban: 'secret-value-1' } },
      variables: { token: 'secret-value-2' },
    });
    const raw = out.raw();
    for (const secret of ['api-key-123', 'cookie-456', 'secret-value-1', 'secret-value-2']) expect(raw).not.toContain(secret);
    expect(out.lines[0]).toMatchObject({
      req: { headers: { authorization: '[redacted]', accept: 'application/json' } },
      body: { query: '{ a }', variables: '[redacted]' },
    });
  });

  it('turns plain messages (startup, shutdown) into lines of the same log', () => {
    const out = capture();
    const log = messageLog(createLogger(config('info'), out.stream));
    log('Applied migrations: Migration20261124000000');
    expect(out.lines).toEqual([expect.objectContaining({ level: 30, msg: 'Applied migrations: Migration20261124000000' })]);
  });

  it('keeps the line written just before process.exit(), and lets the process exit on its own', async () => {
    const root = path.resolve(__dirname, '../../..');
    const script = `
      const { createLogger } = require('./src/server/observability/logger');
      const logger = createLogger({ logLevel: 'info', nodeEnv: 'production' });
      logger.info('first');
      if (process.argv[1] === 'exit') { logger.info('last words'); process.exit(0); }`;
    const run = (arg: string) =>
      promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script, arg], {
        cwd: root,
        timeout: 20_000,
        env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
      });
    const exited = await run('exit');
    expect(
      exited.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).msg),
    ).toEqual(['first', 'last words']);
    // No explicit exit: nothing (no worker, no timer) keeps it alive, or execFile's timeout would fail the test.
    const ended = await run('stay');
    expect(JSON.parse(ended.stdout).msg).toBe('first');
  });
});
