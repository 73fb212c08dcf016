/**
 * Server time and throughput of a response-cache hit against a miss (issue #9, item 5).
 *
 *     npx ts-node --transpile-only bench/response-cache.ts [--seconds 3] [--connections 10] [--profile hit.cpuprofile]
 *
 * Starts tradegraph in this process on the database of the environment (DATABASE_URL, else an in-memory
 * embedded database seeded with the demo), then asks one Q1-shaped question (an importer's sources of a
 * product in a year, grouped by exporter) over HTTP: first always answered by the cache (hit), then with
 * a variable the operation does not declare and that changes with every request, so that each one misses
 * and runs in full (miss). Server time is measured inside the HTTP server, from the request's arrival to the last byte of
 * its answer; req/s with CONNECTIONS keep-alive connections (client in the same process: compare the two
 * rows, not against other benchmarks). `--profile` writes a CPU profile of the sequential hits.
 */
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { start } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '500' },
    connections: { type: 'string', default: '10' },
    importer: { type: 'string', default: 'USA' },
    product: { type: 'string', default: '6403' },
    profile: { type: 'string' },
  },
});

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

async function main() {
  const embedded = !process.env.DATABASE_URL;
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ANONYMOUS_ROLE: 'reader',
    RATE_LIMIT_POINTS: '1000000000',
    ...(embedded ? { TRADEGRAPH_DATA_DIR: 'memory://', SEED_DEMO_WHEN_EMPTY: 'true' } : {}),
  });
  const running = await start(config, { log: () => undefined });
  const serverTimes: number[] = [];
  const outcomes = new Map<string, number>();
  running.app.httpServer.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const arrived = performance.now();
    res.once('finish', () => {
      serverTimes.push(performance.now() - arrived);
      const cache = String(res.getHeader('x-cache') ?? 'none');
      outcomes.set(cache, (outcomes.get(cache) ?? 0) + 1);
    });
  });

  const url = new URL(`http://127.0.0.1:${running.port}/graphql`);
  let mode: 'hit' | 'miss' = 'hit';
  let nonce = 0;
  const question = (variables: Record<string, unknown>) =>
    JSON.stringify({
      query: `query Q1($year: Int!, $importer: String!, $product: String!) { tradeAggregate(groupBy: [EXPORTER], filter: { yearFrom: $year, yearTo: $year, importers: [$importer], hsPrefix: $product }, first: 500) { rows { exporterId valueUsd } } }`,
      variables: { year: 2023, importer: args.importer, product: args.product, ...variables },
    });
  const hitBody = question({});
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const post = () =>
    new Promise<number>((resolve, reject) => {
      const body = mode === 'hit' ? hitBody : question({ nonce: ++nonce });
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve(text.length);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  console.log(
    `load average ${loadAverage()}; ${embedded ? 'embedded PGlite, demo data' : 'PostgreSQL server'}; answer ${await post()} bytes`,
  );
  const seconds = Number(args.seconds);
  for (mode of ['hit', 'miss'] as const) {
    for (let i = 0; i < Number(args.warmup); i++) await post();
    serverTimes.length = 0;
    outcomes.clear();
    const profiler = mode === 'hit' && args.profile ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) await post();
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(args.profile!, JSON.stringify(profile));
      profiler.disconnect();
    }
    const times = [...serverTimes].sort((a, b) => a - b);
    const answered = [...outcomes].map(([k, n]) => `${k} ${n}`).join(', ');
    let done = 0;
    const end = performance.now() + seconds * 1000;
    const loop = async () => {
      while (performance.now() < end) {
        await post();
        done++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: Number(args.connections) }, loop));
    const rps = done / ((performance.now() - t0) / 1000);
    console.log(
      `${mode.padEnd(4)} server median ${quantile(times, 0.5).toFixed(3)} ms  p90 ${quantile(times, 0.9).toFixed(3)} ms  (${times.length} seq: ${answered})  ${rps.toFixed(0)} req/s @${args.connections}`,
    );
  }
  console.log(`load average ${loadAverage()}`);
  agent.destroy();
  await running.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
