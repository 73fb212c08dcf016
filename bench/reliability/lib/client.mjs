// A small keep-alive HTTP client for the rig's own probes (abuse.mjs, codes-probe.mjs): Node 20
// stdlib only, loopback URLs only, a hard deadline on every request.
import fs from 'node:fs';
import http from 'node:http';

export function assertLoopback(url) {
  const u = new URL(url);
  if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]', '::1'].includes(u.hostname)) {
    throw new Error(`${url}: the rig only talks to http:// loopback URLs`);
  }
  return u;
}

/**
 * post(body) → { status, ms, bytes, json, code, hasData, error, timedOut }; never throws.
 * `code` is errors[0].extensions.code (or null); `hasData` is data != null.
 */
export function makeClient(url, { sockets = 8, timeoutMs = 10_000 } = {}) {
  const u = assertLoopback(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  function post(payload, { timeout = timeoutMs } = {}) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return new Promise((resolve) => {
      const t0 = performance.now();
      let done = false;
      const finish = (r) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({
          ms: performance.now() - t0,
          status: 0,
          bytes: 0,
          json: null,
          code: null,
          hasData: false,
          error: null,
          timedOut: false,
          ...r,
        });
      };
      const req = http.request(
        {
          host: u.hostname.replace(/^\[|\]$/g, ''),
          port: u.port || 80,
          path: u.pathname + u.search,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json;q=0.9',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', (e) => finish({ status: res.statusCode, error: e.code ?? e.message }));
          res.on('end', () => {
            const buf = Buffer.concat(chunks);
            let json = null;
            try {
              json = JSON.parse(buf.toString('utf8'));
            } catch {
              /* not JSON */
            }
            const errs = json && Array.isArray(json.errors) ? json.errors : null;
            finish({
              status: res.statusCode,
              bytes: buf.length,
              json,
              nonJson: json === null,
              code: errs?.length ? String(errs[0]?.extensions?.code ?? 'NO_CODE') : null,
              message: errs?.length ? String(errs[0]?.message ?? '').slice(0, 200) : null,
              hasData: !!(json && json.data != null),
              retryAfter: res.headers['retry-after'] ?? null,
            });
          });
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish({ timedOut: true, error: 'timeout' });
      }, timeout);
      req.on('error', (e) => finish({ error: e.code ?? e.message }));
      req.end(body);
    });
  }
  return { post, close: () => agent.destroy() };
}

/** Nearest-rank percentile of a sorted array (null when empty). */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function rssMb(pid) {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
