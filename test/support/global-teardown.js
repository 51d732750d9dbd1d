import { rmSync } from 'node:fs';
import pg from 'pg';

/** Drops the databases this run created (by its prefix), then stops the embedded server. */
export default async function globalTeardown() {
  const serverUrl = process.env.NETRALITAS_TEST_SERVER_URL;
  const prefix = process.env.NETRALITAS_TEST_PREFIX;
  if (serverUrl && prefix) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const { rows } = await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  const embedded = globalThis.__netralitasEmbedded;
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.folder, { recursive: true, force: true });
  }
}
