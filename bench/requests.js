// Request throughput of the authenticated API relative to the bare liveness route, measured in
// the same run: what the auth guard (JWT + one user query), validation and a list query cost.
// autocannon drives the load from a worker thread, on loopback, for a fixed time per route.
import autocannon from 'autocannon';
import { ratio, startBenchApp } from './support.js';

async function throughput(url, headers = {}, seconds = 4) {
  const result = await autocannon({ url, headers, connections: 16, duration: seconds, workers: 1 });
  // A fast error is not speed: every response must have succeeded.
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

export async function benchRequests() {
  const app = await startBenchApp();
  try {
    const auth = { authorization: app.token };
    await throughput(`${app.base}/health`, {}, 1); // warm-up
    const health = await throughput(`${app.base}/health`);
    const ready = await throughput(`${app.base}/health/ready`);
    const me = await throughput(`${app.base}/auth/me`, auth);
    const regions = await throughput(`${app.base}/regions?limit=50`, auth);
    const row = (what, r) => [what, `${r.rps.toFixed(0)} req/s (p99 ${r.p99} ms)`, ratio(r.rps, health.rps)];
    return [
      row('GET /health (baseline)', health),
      row('GET /health/ready (one SELECT 1)', ready),
      row('GET /auth/me (JWT + user query)', me),       row('GET /regions (guard + list query)', regions),
    ];
  } finally {
    await app.close();
  }
}
