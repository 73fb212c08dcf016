#!/usr/bin/env node
// abuse.mjs — are abusive queries refused fast, and does a cheap query running alongside stay fast?
//
//   node abuse.mjs URL [--queries FILE,FILE… | DIR] [--cheap FILE] [--repeat 50] [--cheap-concurrency 4]
//                      [--warmup-seconds 3] [--baseline-seconds 10] [--settle-ms 1000] [--timeout-ms 10000]
//                      [--phase-max-seconds 60] [--max-seconds 900] [--reject-ms 50] [--cheap-p99-ms 20]
//                      [--server-pid PID] [--out FILE.json]
//
// Node 20 stdlib only; loopback URLs only. Phases, each bounded in count and time:
//   1. check: the cheap query (default queries/lookup.json) must answer 200 with data and no errors;
//   2. warm-up: the cheap query alone at --cheap-concurrency, closed loop, --warmup-seconds (discarded);
//   3. baseline: the same for --baseline-seconds (its latencies are "before");
//   4. for each abusive document (default queries/abuse/*.json): the cheap loop runs while the abusive
//      one is sent --repeat times, one after the other (at most --phase-max-seconds per document); each
//      answer's latency, HTTP status and
//      errors[0].extensions.code are recorded, and the cheap query's latencies during it ("alongside");
//      then --settle-ms and one sequential cheap request (it queues behind whatever the server still does);
//   5. after: the cheap query alone again for --baseline-seconds.
// An abusive answer counts as REJECTED when it has errors and no data, with a status below 500.
// Verdicts: every answer rejected and its max latency < --reject-ms; the cheap query alongside with
// p99 < --cheap-p99-ms and no failure. Exit 0 all met, 1 a target missed, 2 usage or the cheap query
// fails before the run, 3 --max-seconds cut the run short.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeClient, percentile, sleep, rssMb } from './lib/client.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
function usage(msg) {
  if (msg) console.error(`abuse.mjs: ${msg}`);
  const lines = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1);
  console.error(
    lines
      .slice(
        0,
        lines.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n'),
  );
  process.exit(2);
}
const opt = {
  queries: path.join(here, 'queries/abuse'),
  cheap: path.join(here, 'queries/lookup.json'),
  repeat: 50,
  cheapConcurrency: 4,
  warmupSeconds: 3,
  baselineSeconds: 10,
  settleMs: 1000,
  timeoutMs: 10_000,
  phaseMaxSeconds: 60,
  maxSeconds: 900,
  rejectMs: 50,
  cheapP99Ms: 20,
  serverPid: null,
  out: null,
};
let url = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => {
    if (i + 1 >= argv.length) usage(`${a} needs a value`);
    return argv[++i];
  };
  const num = () => {
    const v = Number(val());
    if (!Number.isFinite(v) || v < 0) usage(`${a} needs a non-negative number`);
    return v;
  };
  switch (a) {
    case '--queries':
      opt.queries = val();
      break;
    case '--cheap':
      opt.cheap = val();
      break;
    case '--repeat':
      opt.repeat = num();
      break;
    case '--cheap-concurrency':
      opt.cheapConcurrency = num();
      break;
    case '--warmup-seconds':
      opt.warmupSeconds = num();
      break;
    case '--baseline-seconds':
      opt.baselineSeconds = num();
      break;
    case '--settle-ms':
      opt.settleMs = num();
      break;
    case '--timeout-ms':
      opt.timeoutMs = num();
      break;
    case '--max-seconds':
      opt.maxSeconds = num();
      break;
    case '--phase-max-seconds':
      opt.phaseMaxSeconds = num();
      break;
    case '--reject-ms':
      opt.rejectMs = num();
      break;
    case '--cheap-p99-ms':
      opt.cheapP99Ms = num();
      break;
    case '--server-pid':
      opt.serverPid = num();
      break;
    case '--out':
      opt.out = val();
      break;
    case '-h':
    case '--help':
      usage();
      break;
    default:
      if (a.startsWith('-') || url) usage(`unknown argument ${a}`);
      url = a;
  }
}
if (!url) usage('URL is required');
if (!(opt.repeat >= 1 && opt.repeat <= 10_000)) usage('--repeat must be in 1..10000');
if (!(opt.cheapConcurrency >= 1 && opt.cheapConcurrency <= 64)) usage('--cheap-concurrency must be in 1..64');
if (!(opt.baselineSeconds >= 1 && opt.baselineSeconds <= 600)) usage('--baseline-seconds must be in 1..600');
if (!(opt.timeoutMs >= 100 && opt.timeoutMs <= 120_000)) usage('--timeout-ms must be in 100..120000');
if (!(opt.maxSeconds >= 10 && opt.maxSeconds <= 7200)) usage('--max-seconds must be in 10..7200');

const readBody = (file) => {
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!j || typeof j.query !== 'string') usage(`${file}: needs a {"query": …} body`);
  const body = { query: j.query };
  if (j.variables) body.variables = j.variables;
  return { name: j.name ?? path.basename(file, '.json'), file, body, payload: JSON.stringify(body) };
};
const files =
  fs.existsSync(opt.queries) && fs.statSync(opt.queries).isDirectory()
    ? fs
        .readdirSync(opt.queries)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(opt.queries, f))
    : opt.queries
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
if (!files.length) usage(`no abusive query files in ${opt.queries}`);
const abusive = files.map(readBody);
const cheap = readBody(opt.cheap);

const T0 = performance.now();
const deadline = T0 + opt.maxSeconds * 1000;
const now = () => performance.now();
const pastDeadline = () => now() >= deadline;
const log = (...a) => console.error(`[abuse ${new Date().toISOString().slice(11, 19)}]`, ...a);
const abuseClient = makeClient(url, { sockets: 2, timeoutMs: opt.timeoutMs });
const cheapClient = makeClient(url, { sockets: opt.cheapConcurrency + 1, timeoutMs: opt.timeoutMs });
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

// ---------------------------------------------------------------- the cheap query
const pre = await cheapClient.post(cheap.payload, { timeout: 30_000 });
if (!(pre.status === 200 && pre.hasData && !pre.code)) {
  console.error(
    `abuse.mjs: the cheap query (${cheap.file}) does not answer cleanly: status ${pre.status} ${pre.error ?? ''} ${pre.code ?? ''} ${pre.message ?? ''}`,
  );
  process.exit(2);
}
const cheapRef = JSON.stringify(pre.json.data);
const cheapOk = (r) => r.status === 200 && r.hasData && !r.code && JSON.stringify(r.json.data) === cheapRef;

/** Closed loop of the cheap query at --cheap-concurrency until stop() (or the deadline). */
function cheapLoop() {
  const samples = [];
  let stopped = false;
  const worker = async () => {
    while (!stopped && !pastDeadline()) {
      const t = now();
      const r = await cheapClient.post(cheap.payload);
      samples.push({
        t: (t - T0) / 1000,
        ms: r.ms,
        ok: cheapOk(r),
        status: r.timedOut ? 'timeout' : r.error && !r.status ? `conn:${r.error}` : r.status,
        code: r.code,
      });
    }
  };
  const workers = Array.from({ length: opt.cheapConcurrency }, worker);
  return {
    async stop() {
      stopped = true;
      await Promise.all(workers);
      return samples;
    },
  };
}
function cheapStats(samples, seconds) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = samples.filter((s) => !s.ok);
  const outcomes = {};
  for (const s of failed) {
    const k = `${s.status}${s.code ? `:${s.code}` : ''}`;
    outcomes[k] = (outcomes[k] ?? 0) + 1;
  }
  return {
    requests: samples.length,
    seconds: r1(seconds),
    reqPerS: seconds > 0 ? r1(samples.length / seconds) : null,
    p50Ms: r1(percentile(ms, 50)),
    p90Ms: r1(percentile(ms, 90)),
    p99Ms: r1(percentile(ms, 99)),
    maxMs: r1(ms[ms.length - 1]),
    failed: failed.length,
    failures: outcomes,
  };
}
async function cheapAlone(seconds) {
  const t = now();
  const loop = cheapLoop();
  while (now() - t < seconds * 1000 && !pastDeadline()) await sleep(50);
  const samples = await loop.stop();
  return cheapStats(samples, (now() - t) / 1000);
}

// ---------------------------------------------------------------- run
const rss0 = rssMb(opt.serverPid);
log(
  `${url}: ${abusive.length} abusive documents × ${opt.repeat}, cheap query ${cheap.name} at concurrency ${opt.cheapConcurrency}; per-request timeout ${opt.timeoutMs} ms, at most ${opt.maxSeconds} s${rss0 != null ? `; server RSS ${rss0} MB` : ''}`,
);
let stoppedEarly = null;
if (opt.warmupSeconds > 0) await cheapAlone(opt.warmupSeconds);
const baseline = await cheapAlone(opt.baselineSeconds);
log(`baseline: cheap p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, ${baseline.reqPerS} req/s, ${baseline.failed} failed`);

const results = [];
const pooledSamples = [];
for (const q of abusive) {
  if (pastDeadline()) {
    stoppedEarly = `--max-seconds ${opt.maxSeconds} reached before ${q.name}`;
    break;
  }
  const tStart = now();
  const loop = cheapLoop();
  const answers = [];
  const phaseEnd = tStart + opt.phaseMaxSeconds * 1000;
  for (let k = 0; k < opt.repeat && !pastDeadline() && now() < phaseEnd; k++) {
    const r = await abuseClient.post(q.payload);
    const rejected = !r.timedOut && !r.error && r.status > 0 && r.status < 500 && !r.hasData && !!r.code;
    answers.push({
      ms: r.ms,
      status: r.timedOut ? 'timeout' : r.error && !r.status ? `conn:${r.error}` : r.status,
      code: r.code,
      rejected,
      bytes: r.bytes,
      message: r.message,
      nonJson: !!r.nonJson && !r.timedOut && !r.error,
    });
  }
  const seconds = (now() - tStart) / 1000;
  const samples = await loop.stop();
  pooledSamples.push(...samples);
  await sleep(opt.settleMs);
  const settle = await cheapClient.post(cheap.payload, { timeout: Math.max(opt.timeoutMs, 30_000) });
  const cut =
    answers.length < opt.repeat
      ? pastDeadline()
        ? `--max-seconds ${opt.maxSeconds}`
        : `--phase-max-seconds ${opt.phaseMaxSeconds}`
      : null;
  if (cut && pastDeadline()) stoppedEarly = `${cut} reached during ${q.name} (${answers.length}/${opt.repeat})`;
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses = {};
  const codes = {};
  for (const a of answers) {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const c = a.code ?? (a.status === 'timeout' ? 'timeout' : 'none (answered)');
    codes[c] = (codes[c] ?? 0) + 1;
  }
  const rejectedAll = answers.length > 0 && answers.every((a) => a.rejected);
  const first = answers[0];
  const res = {
    name: q.name,
    file: path.relative(here, q.file),
    queryBytes: Buffer.byteLength(q.body.query),
    sent: answers.length,
    cutBy: cut,
    rejected: answers.filter((a) => a.rejected).length,
    statuses,
    codes,
    p50Ms: r1(percentile(ms, 50)),
    p99Ms: r1(percentile(ms, 99)),
    maxMs: r1(ms[ms.length - 1]),
    answerBytesMax: Math.max(...answers.map((a) => a.bytes)),
    firstAnswer: first ? { status: first.status, code: first.code, message: first.message, bytes: first.bytes } : null,
    cheapAlongside: cheapStats(samples, seconds),
    settleMs: r1(settle.ms),
    settleOk: cheapOk(settle),
    serverRssMb: rssMb(opt.serverPid),
    verdict: { rejectedAll, fast: rejectedAll && ms[ms.length - 1] < opt.rejectMs },
  };
  res.verdict.cheapFast = res.cheapAlongside.p99Ms != null && res.cheapAlongside.p99Ms < opt.cheapP99Ms && res.cheapAlongside.failed === 0;
  results.push(res);
  log(
    `${q.name}: ${res.rejected}/${res.sent} rejected (${Object.entries(codes)
      .map(([c, n]) => `${c}×${n}`)
      .join(', ')}; HTTP ${Object.entries(statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(
        ', ',
      )}), p50 ${res.p50Ms} ms, max ${res.maxMs} ms; cheap alongside p99 ${res.cheapAlongside.p99Ms} ms (${res.cheapAlongside.requests} requests, ${res.cheapAlongside.failed} failed)${res.serverRssMb != null ? `; server RSS ${res.serverRssMb} MB` : ''}`,
  );
  if (stoppedEarly) break;
}
const after = pastDeadline() ? null : await cheapAlone(opt.baselineSeconds);
abuseClient.close();
cheapClient.close();

// ---------------------------------------------------------------- report
const allSamples = results.map((r) => r.cheapAlongside);
// alongside, every abusive phase together: the p99 over every cheap request sent next to an abusive one
const pooled = cheapStats(
  pooledSamples,
  results.reduce((a, r) => a + r.cheapAlongside.seconds, 0),
);
const summary = {
  abusiveAllRejected: results.length === abusive.length && results.every((r) => r.verdict.rejectedAll),
  abusiveAllFast: results.length === abusive.length && results.every((r) => r.verdict.fast),
  cheapAlongside: pooled,
  cheapAlongsideWorstP99Ms: allSamples.length ? Math.max(...allSamples.map((s) => s.p99Ms ?? Infinity)) : null,
  cheapAlongsideFailed: allSamples.reduce((a, s) => a + s.failed, 0),
  cheapAlongsideAllFast: results.length === abusive.length && results.every((r) => r.verdict.cheapFast),
};
const result = {
  tool: 'abuse.mjs',
  url,
  startedAt: new Date(Date.now() - (now() - T0)).toISOString(),
  elapsedS: r1((now() - T0) / 1000),
  options: opt,
  cheapQuery: cheap.body.query,
  baseline,
  abusive: results,
  after,
  summary,
  stoppedEarly,
  serverRssMb: { start: rss0, end: rssMb(opt.serverPid) },
};
const outFile = opt.out ?? `/tmp/tg-reliability/abuse-${new Date().toISOString().replace(/[:.]/g, '').slice(0, 15)}Z.json`;
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(result, null, 1));

const pad = (x, n) => String(x ?? '-').padStart(n);
console.log(
  `\nabuse ${url} — each abusive document ${opt.repeat}× sequentially; cheap query ${cheap.name} (closed loop, concurrency ${opt.cheapConcurrency}) alongside`,
);
console.log(
  `cheap alone before: ${baseline.requests} requests, ${baseline.reqPerS} req/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, max ${baseline.maxMs} ms, failed ${baseline.failed}`,
);
console.log(
  '\nabusive document                      sent rejected  p50 ms  p99 ms  max ms  codes (HTTP)                        | cheap alongside: n   p50   p99   max  failed',
);
for (const r of results) {
  const codes = `${Object.entries(r.codes)
    .map(([c, n]) => `${c}×${n}`)
    .join(',')} (${Object.keys(r.statuses).join(',')})`;
  const c = r.cheapAlongside;
  console.log(
    `${r.name.padEnd(36).slice(0, 36)} ${pad(r.sent, 5)} ${pad(r.rejected, 8)} ${pad(r.p50Ms, 7)} ${pad(r.p99Ms, 7)} ${pad(r.maxMs, 7)}  ${codes.padEnd(35).slice(0, 35)} | ${pad(c.requests, 17)} ${pad(c.p50Ms, 5)} ${pad(c.p99Ms, 5)} ${pad(c.maxMs, 5)} ${pad(c.failed, 7)}`,
  );
}
console.log(
  `${'cheap alongside, all phases together'.padEnd(36)} ${' '.repeat(85)} | ${pad(pooled.requests, 17)} ${pad(pooled.p50Ms, 5)} ${pad(pooled.p99Ms, 5)} ${pad(pooled.maxMs, 5)} ${pad(pooled.failed, 7)}`,
);
if (after)
  console.log(
    `\ncheap alone after: ${after.requests} requests, ${after.reqPerS} req/s, p50 ${after.p50Ms} ms, p99 ${after.p99Ms} ms, max ${after.maxMs} ms, failed ${after.failed}`,
  );
const verdicts = [
  `abusive rejected: ${summary.abusiveAllRejected ? 'all' : 'NOT all'}`,
  `each < ${opt.rejectMs} ms: ${summary.abusiveAllFast ? 'yes' : 'NO'}`,
  `cheap alongside p99 < ${opt.cheapP99Ms} ms, no failure: ${summary.cheapAlongsideAllFast ? 'yes' : 'NO'} (worst p99 ${summary.cheapAlongsideWorstP99Ms} ms, ${summary.cheapAlongsideFailed} failed)`,
];
console.log(`\n${verdicts.join(' | ')}${stoppedEarly ? `\nSTOPPED EARLY: ${stoppedEarly}` : ''}\ndetails: ${outFile}`);
const ok = summary.abusiveAllRejected && summary.abusiveAllFast && summary.cheapAlongsideAllFast;
process.exit(!ok ? 1 : stoppedEarly ? 3 : 0);
