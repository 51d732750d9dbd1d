import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { ModuleImport } from '../../src/app.module.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { cloneTemplateDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@netralitas.test', password: 'admin-password-123' };

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest bound to the running server. */
  http: () => TestAgent;
  databaseUrl: string;
  /** Logs in and returns the Authorization header value. */
  login(email: string, password: string): Promise<string>;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * The real AppModule on a fresh clone of the migrated template database. `imports` adds
 * test-only modules (such as test/support/sample-pages.ts); `reach` gives the URL the app
 * connects through (a proxy, for tests of a database that stops answering).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { imports?: ModuleImport[]; reach?: (url: string) => string | Promise<string> } = {},
): Promise<TestApp> {
  const database = await cloneTemplateDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Errors only: an unexpected 500 in CI then comes with its stack.
    LOG_LEVEL: 'error',
    DATA_DIR: '.data/test',
    // Two test files run at once with Chromium beside them: opening a connection may take longer
    // than production's 3 s. The outage test sets its own.
    DATABASE_CONNECT_TIMEOUT_MS: '10000',
    ...env,
  });
  const app = await createApp(config, options.reach ? await options.reach(database.url) : database.url, undefined, options.imports);
  const http = () => request(app.getHttpServer());
  const login = async (email: string, password: string) => {
    const response = await http().post('/api/v1/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return `Bearer ${response.body.accessToken as string}`;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);
  return {
    app,
    http,
    databaseUrl: database.url,
    login,
    adminToken,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
