/**
 * Per-request latency and throughput of a GraphQL server on small questions (issue #9: Q0, Q1, Q1-HHI).
 *
 *     npx ts-node --transpile-only bench/http-overhead.ts --url http://127.0.0.1:4102/graphql [--peer http://127.0.0.1:5679/graphql]
 *
 * For each question: WARMUP sequential requests, then sequential requests for SECONDS (median and p90 at one
 * client), then CONNECTIONS keep-alive connections for SECONDS (req/s). Every answer must be HTTP 200 without
 * errors. `--peer` measures Q0 (`{ __typename }`) on another server in the same run.
 */
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4102/graphql' },
    peer: { type: 'string' },
    dataset: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});

const QUESTIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  Q0: { query: '{ __typename }' },
  Q1: {
    query: `query Q1($year: Int!, $importer: String!, $hs6: String!) { tradeAggregate(dataset: "${args.dataset}", groupBy: [EXPORTER], filter: { yearFrom: $year, yearTo: $year, importers: [$importer], hsPrefix: $hs6 }, first: 10000) { rows { exporterId valueUsd } } }`,
    variables: { year: 2023, importer: 'USA', hs6: '640399' },
  },
  Q1HHI: {
    query: `query Q1HHI($year: Int!, $importer: String!, $hs6: String!) { importConcentration(dataset: "${args.dataset}", importer: $importer, product: $hs6, year: $year) { hhi } }`,
    variables: { year: 2023, importer: 'USA', hs6: '640399' },
  },
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: URL, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          else resolve();
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(name: string, endpoint: string): Promise<void> {
  const url = new URL(endpoint);
  const body = JSON.stringify(QUESTIONS[name]);
  const seconds = Number(args.seconds);
  for (let i = 0; i < Number(args.warmup); i++) await post(url, body);
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t = performance.now();
    await post(url, body);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.floor(times.length * 0.9)];
  let done = 0;
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      await post(url, body);
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Number(args.connections) }, loop));
  const rps = done / ((performance.now() - t0) / 1000);
  console.log(
    `${name.padEnd(6)} ${url.host.padEnd(16)} median ${median.toFixed(3)} ms  p90 ${p90.toFixed(3)} ms  (${times.length} seq)  ${rps.toFixed(0)} req/s @${args.connections}`,
  );
}

async function main() {
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const names = args.only ? args.only.split(',') : Object.keys(QUESTIONS);
  for (const name of names) await measure(name, args.url);
  if (args.peer) await measure('Q0', args.peer);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
