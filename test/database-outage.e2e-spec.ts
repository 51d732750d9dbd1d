import { createTestApp, type TestApp } from './support/test-app.js';
import { type BlackHoleProxy, startProxy } from './support/tcp-proxy.js';

/**
 * PostgreSQL stops answering (a stopped server, a network that drops packets): the API says so
 * quickly with 503 and Retry-After instead of hanging, and recovers by itself when the database
 * answers again. The app reaches the database through a proxy that can swallow every byte.
 */
describe('when the database does not answer', () => {
  const CONNECT_TIMEOUT_MS = 1000;
  const STATEMENT_TIMEOUT_MS = 1000;
  let t: TestApp;
  let proxy: BlackHoleProxy;
  beforeAll(async () => {
    // Every 503 here is expected: keep them out of the test output.
    const env = { LOG_LEVEL: 'silent', DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS), DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) };
    t = await createTestApp(env, {
      reach: async (url) => {
        proxy = await startProxy(url);
        return proxy.url;
      },
    });
  });
  afterAll(async () => {
    proxy.restore();
    await t.close();
    await proxy.close();
  });

  async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const start = performance.now();
    const result = await work();
    return { result, ms: performance.now() - start };
  }

  it('answers 503 with Retry-After within bounds, then recovers without a restart', async () => {
    await t.http().get('/api/v1/health/ready').expect(200);
    // Open connections in the pool: when the database stops answering, queries sent on them hang
    // (until the client read timeout), while new connections fail on the connect timeout.
    const warm = await Promise.all(Array.from({ length: 10 }, () => t.http().get('/api/v1/regions').set('Authorization', t.adminToken)));
    expect(warm.map((response) => response.status)).toEqual(warm.map(() => 200));

    proxy.blackHole();

    // Readiness: within about a second, whatever the pool is doing.
    const ready = await timed(() => t.http().get('/api/v1/health/ready'));
    expect(ready.result.status).toBe(503);
    expect(ready.result.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(ready.result.headers['retry-after'])).toBeGreaterThan(0);
    expect(ready.ms).toBeLessThan(2500);

    // Requests: more at once than the pool has connections, each one answered, none hanging.
    // Bound: the client read timeout (statement timeout + 2 s), or the connect timeout, plus slack.
    const requests = await timed(() => Promise.all(Array.from({ length: 25 }, () => t.http().get('/api/v1/regions').set('Authorization', t.adminToken))));
    for (const response of requests.result) {
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 503, type: 'https://netralitas.id/problems/unavailable' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(requests.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2000 + CONNECT_TIMEOUT_MS + 4000);

    proxy.restore();

    // Back: the pool replaced the connections it gave up on; no restart needed.
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await t.http().get('/api/v1/regions').set('Authorization', t.adminToken)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    await t.http().get('/api/v1/health/ready').expect(200);
    const afterwards = await Promise.all(Array.from({ length: 25 }, () => t.http().get('/api/v1/regions').set('Authorization', t.adminToken)));
    expect(afterwards.map((response) => response.status)).toEqual(afterwards.map(() => 200));
  });
});
