#!/usr/bin/env node
// codes-probe.mjs — side probe of the fault step: fault.sh records how each request failed (HTTP status,
// GraphQL error or not, message) but not errors[0].extensions.code, which issue 8 asks about
// ("every failed request 503 DATABASE_UNAVAILABLE"). This sends the same query open-loop at a low
// rate (default 20/s, next to fault.sh's 100/s) for --duration s and tallies every answer that is not
// the reference answer by HTTP status and code (plus Retry-After).
//
//   node lib/codes-probe.mjs URL --query FILE [--rate 20] [--duration 45] [--timeout-ms 5000] [--out FILE.json]
//
// Node 20 stdlib only; loopback only; at most --rate × --duration requests, 32 in flight.
import fs from 'node:fs';
import { makeClient, sleep } from './client.mjs';

const argv = process.argv.slice(2);
const opt = { query: null, rate: 20, duration: 45, timeoutMs: 5000, out: null };
let url = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => argv[++i];
  if (a === '--query') opt.query = val();
  else if (a === '--rate') opt.rate = Number(val());
  else if (a === '--duration') opt.duration = Number(val());
  else if (a === '--timeout-ms') opt.timeoutMs = Number(val());
  else if (a === '--out') opt.out = val();
  else if (!a.startsWith('-') && !url) url = a;
  else {
    console.error(`codes-probe: unknown argument ${a}`);
    process.exit(2);
  }
}
if (!url || !opt.query || !(opt.rate > 0 && opt.rate <= 200) || !(opt.duration >= 1 && opt.duration <= 600)) {
  console.error('usage: codes-probe.mjs URL --query FILE [--rate 20 (≤200)] [--duration 45 (≤600)] [--timeout-ms 5000] [--out FILE.json]');
  process.exit(2);
}
const j = JSON.parse(fs.readFileSync(opt.query, 'utf8'));
const payload = JSON.stringify({ query: j.query, ...(j.variables ? { variables: j.variables } : {}) });
const client = makeClient(url, { sockets: 32, timeoutMs: opt.timeoutMs });
let reference = null;
for (let k = 0; k < 3 && !reference; k++) {
  const r = await client.post(payload, { timeout: 30_000 });
  if (r.status === 200 && r.hasData && !r.code) reference = JSON.stringify(r.json.data);
  else await sleep(500);
}
if (!reference) {
  console.error('codes-probe: the query does not answer cleanly before the test');
  process.exit(2);
}

const T0 = performance.now();
const recs = [];
const pending = new Set();
let skipped = 0;
let k = 0;
while (performance.now() - T0 < opt.duration * 1000) {
  const due = Math.floor(((performance.now() - T0) / 1000) * opt.rate);
  while (k <= due) {
    k++;
    if (pending.size >= 32) {
      skipped++;
      continue;
    }
    const t = (performance.now() - T0) / 1000;
    const p = client.post(payload).then((r) => {
      const ok = r.status === 200 && r.hasData && !r.code && JSON.stringify(r.json.data) === reference;
      recs.push({
        t,
        ms: r.ms,
        ok,
        status: r.timedOut ? 'timeout' : r.error && !r.status ? `conn:${r.error}` : r.status,
        code: r.code,
        retryAfter: r.retryAfter,
        message: r.message,
        nonJson: !!r.nonJson,
      });
    });
    pending.add(p);
    p.finally(() => pending.delete(p));
  }
  await sleep(10);
}
await Promise.allSettled([...pending]);
client.close();

const failed = recs.filter((r) => !r.ok);
const byOutcome = {};
for (const r of failed) {
  const key = `${r.status}${r.code ? ` ${r.code}` : r.nonJson ? ' non-JSON' : r.status === 200 ? ' wrong-data' : ''}`;
  byOutcome[key] = (byOutcome[key] ?? 0) + 1;
}
const retryAfter = {};
for (const r of failed) if (r.retryAfter != null) retryAfter[r.retryAfter] = (retryAfter[r.retryAfter] ?? 0) + 1;
const messages = {};
for (const r of failed) if (r.message) messages[r.message] = (messages[r.message] ?? 0) + 1;
const all503Unavailable = failed.length > 0 && failed.every((r) => r.status === 503 && r.code === 'DATABASE_UNAVAILABLE');
const result = {
  tool: 'codes-probe.mjs',
  url,
  options: opt,
  requests: recs.length,
  skipped,
  ok: recs.length - failed.length,
  failed: failed.length,
  failedByStatusAndCode: byOutcome,
  all503DatabaseUnavailable: failed.length ? all503Unavailable : null,
  retryAfter,
  messages: Object.entries(messages)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([message, n]) => ({ n, message })),
  failures: failed.slice(0, 200).map((r) => ({ t: Math.round(r.t * 100) / 100, ms: Math.round(r.ms), status: r.status, code: r.code })),
};
if (opt.out) fs.writeFileSync(opt.out, JSON.stringify(result, null, 1));
console.log(
  `codes-probe: ${recs.length} requests at ${opt.rate}/s, ${failed.length} failed: ${
    Object.entries(byOutcome)
      .map(([o, n]) => `${o} ×${n}`)
      .join(', ') || 'none'
  }${failed.length ? `; every failure 503 DATABASE_UNAVAILABLE: ${all503Unavailable ? 'yes' : 'NO'}` : ''}`,
);
