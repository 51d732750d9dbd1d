import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { migrations } from '../src/database/data-source.js';
import { migrateDatabase } from '../src/database/migrate.js';
import { cloneTemplateDatabase, databaseUrl, TEST_ENV, withAdminClient } from './support/test-database.js';

const run = promisify(execFile);

/** The compiled CLI (npm test builds first), with warnings such as pg's deprecations turned into failures. */
function cli(args: string[], url: string) {
  return run(process.execPath, ['--throw-deprecation', 'dist/database/cli.js', ...args], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

describe('migrations', () => {
  const serverUrl = process.env[TEST_ENV.serverUrl]!;
  const prefix = process.env[TEST_ENV.prefix]!;

  /** An empty database of this run (teardown drops it with the others). */
  async function emptyDatabase(): Promise<string> {
    const name = `${prefix}empty_${randomBytes(4).toString('hex')}`;
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    return databaseUrl(serverUrl, name);
  }

  async function appliedMigrations(url: string): Promise<string[]> {
    return withAdminClient(url, async (client) => (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name));
  }

  it('lets API instances and the CLI start together on an empty database: one applies each migration, the others wait', async () => {
    const url = await emptyDatabase();
    // Two API starts and two CLI runs at once, as when a deployment starts several instances.
    const results = await Promise.allSettled([migrateDatabase(url), migrateDatabase(url), cli(['migrate'], url), cli(['migrate'], url)]);
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await appliedMigrations(url)).toEqual(migrations.map((migration) => migration.name));
  });

  it('checks for schema drift without pg warning about concurrent queries on one connection', async () => {
    const database = await cloneTemplateDatabase();
    try {
      const { stdout } = await cli(['check'], database.url);
      expect(stdout).toContain('Schema matches the entities');
    } finally {
      await database.drop();
    }
  });
});
