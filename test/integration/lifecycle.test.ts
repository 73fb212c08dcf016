import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm start` as a user runs it, on the embedded default: the first start creates, migrates and seeds the
 * database; SIGTERM stops cleanly and releases the data directory; the next start reuses the data.
 */
describe('server lifecycle on the embedded database', () => {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-lifecycle-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  function startServer(): Promise<{ child: ChildProcess; port: number; output: () => string }> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TRADEGRAPH_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_FLOWS: '2000',
      NODE_ENV: 'production',
    };
    delete env.DATABASE_URL; // this test is about the embedded default
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
      child.stdout!.on('data', () => {
        const match = output.match(/http:\/\/localhost:(\d+)\/graphql/);
        if (match) {
          clearTimeout(timer);
          resolve({ child, port: Number(match[1]), output: () => output });
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }

  const datasets = async (port: number): Promise<{ data: { tradeFlows: { totalCount: number } } }> => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ datasets { name rowCount } tradeFlows(first: 1) { totalCount } }' }),
    });
    return (await response.json()) as { data: { tradeFlows: { totalCount: number } } };
  };

  const stop = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });

  it('seeds on first start, stops cleanly on SIGTERM, and keeps the data for the next start', async () => {
    const first = await startServer();
    // DEMO_FLOWS flows, and a tenth as many imports of the demo's input products (upstream exposure).
    expect(first.output()).toMatch(/Seeded reference data and the demo dataset \(2200 flows/);
    const seeded = await datasets(first.port);
    expect(seeded.data.tradeFlows.totalCount).toBe(2000 + 200);
    expect(fs.existsSync(path.join(dataDir, 'tradegraph.lock'))).toBe(true);
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(fs.existsSync(path.join(dataDir, 'tradegraph.lock'))).toBe(false);

    const second = await startServer();
    expect(second.output()).not.toMatch(/Seeded/);
    expect(await datasets(second.port)).toEqual(seeded);
    expect(await stop(second.child)).toBe(0);
  });
});
