// Shared pieces of the benchmarks: a throwaway database, the real app on a loopback port,
// and a bounded request loop. Everything runs on 127.0.0.1 and stops by itself.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../dist/app.js';
import { loadConfig } from '../dist/config/config.js';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

export const ADMIN = { email: 'bench@netralitas.local', password: 'bench-password-123' };

/**
 * A fresh database (on DATABASE_URL's server, or an embedded one) and the app on it.
 * `modules`: reference routes of a benchmark, mounted beside the API behind the same guard.
 */
export async function startBenchApp({ modules = [] } = {}) {
  let serverUrl = process.env.DATABASE_URL;
  let embedded;
  let folder;
  if (!serverUrl) {
    folder = mkdtempSync(join(tmpdir(), 'netralitas-bench-'));
    chmodSync(folder, 0o755);
    embedded = await startEmbeddedPostgres({ databaseDir: join(folder, 'pg'), persistent: false });
    serverUrl = embedded.url;
  }
  const database = `netralitas_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: randomBytes(32).toString('hex'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DATA_DIR: join(tmpdir(), 'netralitas-bench-data') });
  const app = await createApp(config, url.toString(), undefined, modules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const token = `Bearer ${(await login.json()).accessToken}`;
  return {
    app,
    base,
    token,
    databaseUrl: url.toString(),
    async close() {
      await app.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      if (embedded) await embedded.stop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function adminQuery(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An API call as the bench's admin (or `token`); anything but a 2xx fails the benchmark. Answers
 * the JSON body, or the bytes of a document.
 */
export async function ok(app, method, path, body, token = app.token) {
  const headers = body ? { authorization: token, 'content-type': 'application/json' } : { authorization: token };
  const response = await fetch(`${app.base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.headers.get('content-type')?.startsWith('application/json') ? response.json() : Buffer.from(await response.arrayBuffer());
}

export async function timed(work) {
  const started = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

export function ratio(value, baseline) {
  return `${(value / baseline).toFixed(2)}×`;
}
