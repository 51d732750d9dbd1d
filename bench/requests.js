// Request throughput of the authenticated API relative to the bare liveness route, measured in
// the same run: what the auth guard (JWT + one user query), validation and a list query cost.
import { load, ratio, startBenchApp } from './support.js';

export async function benchRequests() {
  const app = await startBenchApp();
  try {
    const auth = { headers: { authorization: app.token } };
    await load({ url: `${app.base}/health`, total: 300 }); // warm-up
    const health = await load({ url: `${app.base}/health` });
    const me = await load({ url: `${app.base}/auth/me`, init: auth });
    const regions = await load({ url: `${app.base}/regions?limit=50`, init: auth });
    return [
      ['GET /health (baseline)', `${health.toFixed(0)} req/s`, '1.00×'],
      ['GET /auth/me (JWT + user query)', `${me.toFixed(0)} req/s`, ratio(me, health)],
      ['GET /regions (guard + list query)', `${regions.toFixed(0)} req/s`, ratio(regions, health)],
    ];
  } finally {
    await app.close();
  }
}
