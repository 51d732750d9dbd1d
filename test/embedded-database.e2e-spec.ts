import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/database/database-server.js';

/** What `npm start` does without DATABASE_URL: embedded PostgreSQL with its data under DATA_DIR. */
describe('embedded PostgreSQL', () => {
  const folder = mkdtempSync(join(tmpdir(), 'netralitas-embedded-'));
  chmodSync(folder, 0o755);
  const env = { NODE_ENV: 'development', DATA_DIR: join(folder, '.data'), ADMIN_EMAIL: 'admin@batukota.go.id', ADMIN_PASSWORD: 'first-admin-pass', LOG_LEVEL: 'silent' };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function run<T>(work: (http: () => request.Agent) => Promise<T>): Promise<T> {
    const config = loadConfig(env);
    expect(config.databaseUrl).toBeUndefined();
    const database = await openDatabase(config);
    const app = await createApp(config, database.url, () => database.close());
    try {
      return await work(() => request.agent(app.getHttpServer()));
    } finally {
      await app.close();
    }
  }

  async function login(http: () => request.Agent): Promise<string> {
    const response = await http().post('/api/v1/auth/login').send({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }).expect(200);
    return `Bearer ${response.body.accessToken as string}`;
  }

  it('starts from nothing, migrates, creates the first admin, and keeps data and secret across restarts', async () => {
    const firstToken = await run(async (http) => {
      const token = await login(http);
      await http().post('/api/v1/regions').set('Authorization', token).send({ code: '64', name: 'Kalimantan Timur', level: 'PROVINCE', timezone: 'Asia/Makassar' }).expect(201);
      return token;
    });
    expect(existsSync(join(env.DATA_DIR, 'pg', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(env.DATA_DIR, 'jwt-secret'))).toBe(true);

    await run(async (http) => {
      // The token from the first run still works: the generated secret was kept.
      const regions = await http().get('/api/v1/regions').set('Authorization', firstToken).expect(200);
      expect(regions.body.items.map((r: { code: string }) => r.code)).toEqual(['64']);
      const users = await http().get('/api/v1/users').set('Authorization', await login(http)).expect(200);
      expect(users.body.total).toBe(1);
    });
  });
});

describe('npm start process', () => {
  it('stops PostgreSQL cleanly on SIGTERM and SIGINT', async () => {
    const { spawn } = await import('node:child_process');
    const folder = mkdtempSync(join(tmpdir(), 'netralitas-signal-'));
    chmodSync(folder, 0o755);
    try {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        const child = spawn(process.execPath, ['dist/main.js'], {
          env: { ...process.env, DATABASE_URL: '', PORT: '0', DATA_DIR: join(folder, '.data'), LOG_LEVEL: 'silent', NODE_ENV: 'development' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        await new Promise<void>((resolve, reject) => {
          const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes('Netralitas API on')) resolve();
          };
          child.stdout.on('data', onData);
          child.stderr.on('data', onData);
          child.on('exit', () => reject(new Error(`exited early: ${output}`)));
        });
        expect(existsSync(join(folder, '.data', 'pg', 'postmaster.pid'))).toBe(true);
        child.kill(signal);
        await new Promise((resolve) => child.on('exit', resolve));
        expect(existsSync(join(folder, '.data', 'pg', 'postmaster.pid'))).toBe(false);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const asRoot = process.getuid?.() === 0;
(asRoot ? describe : describe.skip)('embedded PostgreSQL as root', () => {
  it('keeps the cluster in a reachable place when the data folder is private to root', async () => {
    const { startEmbeddedPostgres } = await import('../src/database/embedded-postgres.js');
    const folder = mkdtempSync(join(tmpdir(), 'netralitas-private-'));
    chmodSync(folder, 0o700);
    const requested = join(folder, '.data', 'pg');
    const server = await startEmbeddedPostgres({ databaseDir: requested, persistent: false });
    try {
      expect(server.databaseDir).not.toBe(requested);
      expect(server.databaseDir).toMatch(/^\/var\/lib\/netralitas\//);
      // The link makes the data findable where it was asked for.
      expect(existsSync(join(requested, 'PG_VERSION'))).toBe(true);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SELECT current_setting($1) AS dir', ['data_directory']);
      expect(rows[0].dir).toBe(server.databaseDir);
      await client.end();
    } finally {
      await server.stop();
      rmSync(dirname(server.databaseDir), { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
