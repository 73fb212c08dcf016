#!/usr/bin/env node
// summary.mjs RESULTS_DIR — the table of issue 8's figures from one run.sh run: reads the tools' JSON
// (fuzz.mjs, load.sh, fault.sh, abuse.mjs, codes-probe.mjs), audit.txt, steps.tsv and the server's stop
// record; prints the table and writes summary.md and summary.json next to them. Steps not run are
// left out. Node 20 stdlib only.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error('usage: summary.mjs RESULTS_DIR');
  process.exit(2);
}
const p = (f) => path.join(dir, f);
const readJson = (f) => {
  try {
    return JSON.parse(fs.readFileSync(p(f), 'utf8'));
  } catch {
    return null;
  }
};
const readText = (f) => {
  try {
    return fs.readFileSync(p(f), 'utf8');
  } catch {
    return null;
  }
};
const tsv = (f) => {
  const t = readText(f);
  if (!t) return [];
  const [head, ...rows] = t
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
};
const kv = (f) =>
  Object.fromEntries(
    (readText(f) ?? '')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const i = l.indexOf('\t');
        return [l.slice(0, i), l.slice(i + 1)];
      }),
  );
const meta = kv('meta.tsv');
const steps = Object.fromEntries(tsv('steps.tsv').map((s) => [s.step, s]));
const n = (x) =>
  x == null || x === '' ? 'n/a' : typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(x);
const ok = (b) => (b == null ? '?' : b ? 'yes' : '**NO**');

const rows = []; // [step, figure, target, measured, met]
const add = (step, figure, target, measured, met) => rows.push([step, figure, target, measured, met == null ? '—' : ok(met)]);

function fuzzRows(name, expected) {
  const j = readJson(`${name}.json`);
  const st = steps[name];
  if (!j && !st) return;
  if (!j) {
    add(name, 'result', '', `no JSON (exit ${st?.rc}); see ${name}.txt`, false);
    return;
  }
  const t = j.totals;
  const rss = (readText(`${name}-rss.tsv`) ?? '')
    .trim()
    .split('\n')
    .map((l) => Number(l.split('\t')[1]))
    .filter(Number.isFinite);
  const peak = rss.length ? Math.max(...rss) : null;
  const rss0 = j.serverProcess?.before?.rssKb ? Math.round(j.serverProcess.before.rssKb / 1024) : null;
  const rss1 = j.serverProcess?.after?.rssKb ? Math.round(j.serverProcess.after.rssKb / 1024) : null;
  const healthOk = j.health.filter((h) => h.ok).length;
  add(
    name,
    'requests sent',
    n(expected),
    `${n(j.sent)} in ${n(j.elapsedS)} s${j.stoppedEarly ? ` (stopped early: ${j.stoppedEarly})` : ''}`,
    j.sent === expected && !j.stoppedEarly,
  );
  add(name, '5xx', '0', n(t.s5xx), t.s5xx === 0);
  add(name, 'non-JSON answers to JSON requests', '0', `${n(t.nonJsonExpected)} (all non-JSON: ${n(t.nonJson)})`, t.nonJsonExpected === 0);
  add(name, 'dropped connections (conn. errors)', '0', n(t.connErrors), t.connErrors === 0);
  add(
    name,
    'server alive (health checks; pid)',
    'alive',
    `${j.serverProcess?.survived ? 'alive' : 'GONE'}; health ${healthOk}/${j.health.length}`,
    !!j.serverProcess?.survived && j.finalHealthOk,
  );
  // met: the peak under 1 GB; "flat" is for the reader: start, end, and the samples' course (rss.tsv)
  const q = (f) => (rss.length ? rss[Math.min(rss.length - 1, Math.floor(f * rss.length))] : null);
  add(
    name,
    'server RSS start → end; peak (sampled)',
    '< 1 GB, flat',
    `${n(rss0)} → ${n(rss1)} MB (${rss1 != null && rss0 != null ? `${rss1 >= rss0 ? '+' : ''}${rss1 - rss0}` : '?'} MB); peak ${n(peak)} MB; at 25/50/75 % of the step ${n(q(0.25))} / ${n(q(0.5))} / ${n(q(0.75))} MB (${rss.length} samples)`,
    peak == null ? null : peak < 1024,
  );
  add(name, 'timeouts (10 s, reported only)', '', n(t.timeouts), null);
  add(
    name,
    'HTTP statuses',
    '',
    Object.entries(t.status)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}×${v}`)
      .join(' '),
    null,
  );
  add(
    name,
    'latency p50 / p99 / max',
    '',
    `${n(t.latencyMs.p50 && Math.round(t.latencyMs.p50 * 10) / 10)} / ${n(t.latencyMs.p99 && Math.round(t.latencyMs.p99))} / ${n(t.latencyMs.max && Math.round(t.latencyMs.max))} ms`,
    null,
  );
  if (j.examples?.s5xx?.[0])
    add(
      name,
      'first 5xx',
      '',
      `#${j.examples.s5xx[0].i} ${j.examples.s5xx[0].kind} → ${j.examples.s5xx[0].status} ${j.examples.s5xx[0].response.slice(0, 120).replace(/\|/g, '\\|')}`,
      null,
    );
  if (j.examples?.connErrors?.[0])
    add(
      name,
      'first connection error',
      '',
      `#${j.examples.connErrors[0].i} ${j.examples.connErrors[0].kind} → ${JSON.stringify(j.examples.connErrors[0].error)}`,
      null,
    );
}
const sizes = Object.fromEntries((meta.sizes ?? '').split(' ').map((x) => x.split('=')));
fuzzRows('fuzz', Number(sizes.fuzz ?? 100000));
fuzzRows('fuzz-noguard', Number(sizes.fuzz_noguard ?? 20000));

// ---------------------------------------------------------------- http-audit
const audit = readText('audit.txt');
if (audit != null) {
  const m = /(\d+) audits \{\s*ok: (\d+),\s*notice: (\d+),\s*warn: (\d+),\s*error: (\d+)\s*\}/.exec(audit);
  if (m) {
    const [, total, okN, notice, warn, error] = m.map(Number);
    add(
      'audit',
      'GraphQL-over-HTTP audits ok',
      '61 / 61',
      `${okN} / ${total} (notice ${notice}, warn ${warn}, error ${error})`,
      okN === 61 && total === 61,
    );
    const bad = [...audit.matchAll(/^\[(warn|error|notice)\] (\S+) (.*)$/gm)].map((x) => `${x[1]} ${x[2]}`);
    if (bad.length) add('audit', 'not ok', '', bad.join('; '), null);
  } else add('audit', 'GraphQL-over-HTTP audits ok', '61 / 61', `could not read audit.txt (exit ${steps.audit?.rc})`, false);
}

// ---------------------------------------------------------------- load
for (const q of ['lookup', 'import-concentration']) {
  const j = readJson(`load-${q}.json`);
  const st = steps[`load-${q}`];
  if (!j && !st) continue;
  const name = `load ${q}`;
  if (!j) {
    add(
      name,
      'result',
      '',
      `no JSON (exit ${st?.rc}); see load-${q}.txt: ${(readText(`load-${q}.txt`) ?? '').trim().split('\n').pop()?.slice(0, 200)}`,
      false,
    );
    continue;
  }
  const s = j.summary;
  const errors = s.non2xx + s.connErrors + s.timeouts + s.gqlErrorsIn2xx + s.nonJson;
  add(
    name,
    `${j.options.connections} connections × ${j.durationS} s: errors`,
    '0',
    `${n(errors)} (non-2xx ${s.non2xx}, conn ${s.connErrors}, timeouts ${s.timeouts}, GraphQL errors in 2xx ${s.gqlErrorsIn2xx}, non-JSON ${s.nonJson}; statuses ${Object.entries(
      s.statusCodes ?? {},
    )
      .map(([k, v]) => `${k}×${v.count ?? v}`)
      .join(' ')})`,
    errors === 0,
  );
  add(name, 'req/s', '', `${n(s.reqPerS)} (stdev ${n(s.reqPerSStdev)}; ${n(s.responses)} responses)`, null);
  add(name, 'latency p50 / p99 / max', '', `${n(s.latencyMs.p50)} / ${n(s.latencyMs.p99)} / ${n(s.latencyMs.max)} ms`, null);
}

// ---------------------------------------------------------------- fault
for (const f of ['fault-restart', 'fault-outage']) {
  const j = readJson(`${f}.json`);
  const c = readJson(`${f}-codes.json`);
  const st = steps[f];
  if (!j && !st) continue;
  if (!j) {
    add(
      f,
      'result',
      '',
      `no JSON (exit ${st?.rc}); see ${f}.txt: ${(readText(`${f}.txt`) ?? '').trim().split('\n').pop()?.slice(0, 200)}`,
      false,
    );
    continue;
  }
  const outcomes = Object.entries(j.failedByOutcome);
  const pgDown = j.fault.pgDownAt != null && j.fault.pgUpAt != null ? Math.round((j.fault.pgUpAt - j.fault.pgDownAt) * 100) / 100 : null;
  add(
    f,
    'fault',
    '',
    `\`${j.fault.cmd.replace(/runuser -u postgres -- \/usr\/lib\/postgresql\/15\/bin\//g, '').replace(/ -D \S+ -l \S+/g, '')}\` (exit ${j.fault.exitCode}); PostgreSQL unreachable ${n(pgDown)} s`,
    j.fault.exitCode === 0,
  );
  add(
    f,
    'failed requests, by outcome (fault.sh)',
    'all 503',
    `${n(j.failed)} of ${n(j.requests)}: ${outcomes.map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'}`,
    outcomes.every(([k]) => k.startsWith('http503')),
  );
  if (c)
    add(
      f,
      'failed answers by status + code (side probe)',
      '503 DATABASE_UNAVAILABLE',
      `${n(c.failed)} of ${n(c.requests)}: ${
        Object.entries(c.failedByStatusAndCode)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ') || 'none'
      }`,
      c.failed === 0 ? null : c.all503DatabaseUnavailable,
    );
  add(
    f,
    'first correct answer after PostgreSQL up',
    '≤ 1 s',
    `${n(j.recoverySecondsAfterPgUp)} s (stable after ${n(j.stableSecondsAfterPgUp)} s; no correct answer for ${n(j.noCorrectAnswerGapS)} s)`,
    j.recoverySecondsAfterPgUp != null && j.recoverySecondsAfterPgUp <= 1,
  );
  add(
    f,
    'failures after recovery; final check',
    '0; ok',
    `${n(j.failuresAfterRecovery)}; ${j.finalCheck}`,
    j.failuresAfterRecovery === 0 && j.finalCheck === 'ok',
  );
  add(f, 'failed requests took p50 / max', '', `${n(j.failedLatencyMs.p50)} / ${n(j.failedLatencyMs.max)} ms`, null);
  add(f, 'server process survived', 'yes', j.serverProcess?.survived ? 'yes' : 'NO', !!j.serverProcess?.survived);
  if (j.errorMessages?.length)
    add(f, 'top error message', '', `${j.errorMessages[0].n} × ${j.errorMessages[0].message.replace(/\|/g, '\\|')}`, null);
}

// ---------------------------------------------------------------- abuse
const ab = readJson('abuse.json');
if (ab || steps.abuse) {
  if (!ab) add('abuse', 'result', '', `no JSON (exit ${steps.abuse?.rc}); see abuse.txt`, false);
  else {
    const lim = ab.options.rejectMs;
    for (const r of ab.abusive) {
      add(
        'abuse',
        `${r.name} (${n(r.queryBytes)} B)`,
        `rejected, each < ${lim} ms`,
        `${r.rejected}/${r.sent} rejected${r.cutBy ? ` (of ${ab.options.repeat}: cut by ${r.cutBy})` : ''}; ${Object.entries(r.codes)
          .map(([k, v]) => `${k}×${v}`)
          .join(
            ', ',
          )} (HTTP ${Object.keys(r.statuses).join(',')}); p50 ${n(r.p50Ms)}, p99 ${n(r.p99Ms)}, max ${n(r.maxMs)} ms${r.answerBytesMax > 10000 ? `; answers up to ${n(r.answerBytesMax)} B` : ''}`,
        r.verdict.rejectedAll && r.verdict.fast,
      );
      add(
        'abuse',
        `  cheap query alongside ${r.name}`,
        `p99 < ${ab.options.cheapP99Ms} ms`,
        `p50 ${n(r.cheapAlongside.p50Ms)}, p99 ${n(r.cheapAlongside.p99Ms)}, max ${n(r.cheapAlongside.maxMs)} ms (${r.cheapAlongside.requests} requests${r.cheapAlongside.requests < 100 ? ': too few for a p99' : ''}, ${r.cheapAlongside.failed} failed)`,
        r.verdict.cheapFast,
      );
    }
    const b = ab.baseline;
    const a = ab.summary.cheapAlongside;
    const af = ab.after;
    add(
      'abuse',
      `cheap query alone, before (concurrency ${ab.options.cheapConcurrency})`,
      '',
      `p50 ${n(b.p50Ms)}, p99 ${n(b.p99Ms)}, max ${n(b.maxMs)} ms (${n(b.reqPerS)} req/s, ${b.failed} failed)`,
      null,
    );
    if (a)
      add(
        'abuse',
        'cheap query alongside, all abusive phases',
        `p99 < ${ab.options.cheapP99Ms} ms`,
        `p50 ${n(a.p50Ms)}, p99 ${n(a.p99Ms)}, max ${n(a.maxMs)} ms (${a.requests} requests, ${a.failed} failed)`,
        a.p99Ms != null && a.p99Ms < ab.options.cheapP99Ms && a.failed === 0,
      );
    if (af)
      add(
        'abuse',
        'cheap query alone, after',
        '',
        `p50 ${n(af.p50Ms)}, p99 ${n(af.p99Ms)}, max ${n(af.maxMs)} ms (${n(af.reqPerS)} req/s, ${af.failed} failed)`,
        null,
      );
  }
}

// ---------------------------------------------------------------- server
const stop = kv('server-stop.tsv');
if (stop.exit_code != null) add('server', 'exit code after SIGTERM', '0', `${stop.exit_code} (${stop.seconds} s)`, stop.exit_code === '0');
const deaths = (readText('server-deaths.tsv') ?? '')
  .trim()
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'));
add(
  'server',
  'deaths or hangs during the run (restarted)',
  '0',
  deaths.length ? deaths.map(([pid, how, step]) => `pid ${pid} (${how}) after ${step}`).join('; ') : '0',
  deaths.length === 0,
);

// ---------------------------------------------------------------- print
const esc = (s) => String(s).replace(/\n/g, ' ');
const md = [];
md.push(`# Reliability run ${path.basename(dir)}`, '');
md.push(
  `server built from the ${meta.source ?? '?'}; project HEAD ${meta.head ?? '?'}… (uncommitted files under src/: ${meta.uncommitted_src_files ?? '?'}); started ${meta.started ?? '?'}`,
  '',
);
md.push(
  `${meta.node ?? ''}; ${meta.postgres ?? ''}; ${meta.machine ?? ''}; ${meta.flows ? `${Number(meta.flows).toLocaleString('en-US')} flows` : ''}; sizes: ${meta.sizes ?? ''}${meta.server_env ? `; server env: ${meta.server_env}` : ''}`,
  '',
);
md.push('| step | figure | target | measured | met |', '| --- | --- | --- | --- | --- |');
for (const r of rows) md.push(`| ${r.map(esc).join(' | ')} |`);
md.push(
  '',
  '| step | exit | seconds | server RSS start → end MB | server after | uptime at start | uptime at end |',
  '| --- | ---: | ---: | --- | --- | --- | --- |',
);
const la = (u) => (/load average: (.*)$/.exec(u ?? '') ?? [])[1] ?? u;
for (const s of Object.values(steps))
  md.push(
    `| ${s.step} | ${s.rc} | ${s.seconds} | ${s.rss_start_mb} → ${s.rss_end_mb || 'n/a'} | ${s.alive_after === 'yes' ? 'alive' : '**gone**'} | ${la(s.uptime_start)} | ${la(s.uptime_end)} |`,
  );
md.push('', '(uptime: load averages over 1, 5 and 15 minutes; 2 cores)');
const text = md.join('\n');
fs.writeFileSync(p('summary.md'), `${text}\n`);
fs.writeFileSync(
  p('summary.json'),
  JSON.stringify(
    { meta, steps, rows: rows.map(([step, figure, target, measured, met]) => ({ step, figure, target, measured, met })) },
    null,
    1,
  ),
);
console.log(text);
console.log(`\n(${p('summary.md')})`);
const missed = rows.filter((r) => r[4] === ok(false)).length;
process.exit(missed ? 1 : 0);
