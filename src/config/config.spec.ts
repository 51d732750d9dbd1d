import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  const created: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'netralitas-config-'));
    created.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });

  it('applies defaults and generates a JWT secret kept under DATA_DIR outside production', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, nodeEnv: 'development', jwtExpiresIn: 3600, dataDir: dir, databaseUrl: undefined });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', ADMIN_EMAIL: 'admin@x.id', DATA_DIR: dataDir() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(message).toMatch(/JWT_SECRET must be at least 32 characters/);
    expect(message).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
  });

  it('lower-cases the admin email', () => {
    const config = loadConfig({ ADMIN_EMAIL: 'Admin@BatuKota.go.id', ADMIN_PASSWORD: 'long-enough', DATA_DIR: dataDir() });
    expect(config.admin).toEqual({ email: 'admin@batukota.go.id', password: 'long-enough' });
  });

  it('bounds every wait on the database, with defaults, and refuses nonsense timeouts', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).databaseTimeouts).toEqual({ connectMs: 3000, statementMs: 15000 });
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_CONNECT_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '60000' }).databaseTimeouts).toEqual({ connectMs: 500, statementMs: 60000 });
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_CONNECT_TIMEOUT_MS: 'soon', DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(
      /DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds[\s\S]*DATABASE_STATEMENT_TIMEOUT_MS must not be less than 100/,
    );
  });

  it('limits public pledge verification per address, 30 a minute unless told, never 0', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).verifyRateLimit).toBe(30);
    expect(loadConfig({ DATA_DIR: dataDir(), VERIFY_RATE_LIMIT: '120' }).verifyRateLimit).toBe(120);
    expect(() => loadConfig({ DATA_DIR: dataDir(), VERIFY_RATE_LIMIT: '0' })).toThrow(/VERIFY_RATE_LIMIT must not be less than 1/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), VERIFY_RATE_LIMIT: 'many' })).toThrow(/VERIFY_RATE_LIMIT must be a whole number of lookups per minute/);
  });
});
