// Plain JavaScript on the compiled app (dist/): Jest loads global setup outside its module
// system, where TypeScript sources cannot be imported. `npm test` builds first.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/database/embedded-postgres.js';
import { migrateDatabase } from '../../dist/database/migrate.js';

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL, or an embedded one in a temporary
 * folder) and a template database with every migration applied. Databases are named with a
 * per-run prefix, so teardown drops exactly what this run created and nothing else.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const folder = mkdtempSync(join(tmpdir(), 'netralitas-test-'));
    // As root, PostgreSQL runs as the `postgres` user, who must be able to enter the folder.
    chmodSync(folder, 0o755);
    const server = await startEmbeddedPostgres({ databaseDir: join(folder, 'pg'), persistent: false });
    globalThis.__netralitasEmbedded = { server, folder };
    serverUrl = server.url;
  }
  const prefix = `netralitas_test_${randomBytes(4).toString('hex')}_`;
  const template = `${prefix}template`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  await migrateDatabase(url.toString());
  process.env.NETRALITAS_TEST_SERVER_URL = serverUrl;
  process.env.NETRALITAS_TEST_TEMPLATE = template;
  process.env.NETRALITAS_TEST_PREFIX = prefix;
}
