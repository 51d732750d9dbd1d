import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by global-setup for every test worker. */
export const TEST_ENV = {
  serverUrl: 'NETRALITAS_TEST_SERVER_URL',
  template: 'NETRALITAS_TEST_TEMPLATE',
  prefix: 'NETRALITAS_TEST_PREFIX',
} as const;

/** The same server URL pointed at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template: files run in
 * parallel, each starts clean, and none pays for the migrations again.
 */
export async function cloneTemplateDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env[TEST_ENV.serverUrl];
  const template = process.env[TEST_ENV.template];
  const prefix = process.env[TEST_ENV.prefix];
  if (!serverUrl || !template || !prefix) throw new Error('The test database is not set up: run the tests through jest (global-setup).');
  const name = `${prefix}${randomBytes(5).toString('hex')}`;
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`));
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
