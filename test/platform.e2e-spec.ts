import { createDataSource } from '../src/database/data-source.js';
import { pendingSchemaChanges } from '../src/database/schema-drift.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a token', async () => {
    await t.http().get('/api/v1/health').expect(200, { status: 'ok' });
    await t.http().get('/api/v1/health/ready').expect(200, { status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI UI and JSON with bearer auth described', async () => {
    const ui = await t.http().get('/api/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/regions', '/api/v1/users', '/api/v1/audit-log']));
  });

  it('requires a token everywhere else, as problem+json', async () => {
    const response = await t.http().get('/api/v1/regions').expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    await t.http().get('/api/v1/regions').set('Authorization', 'Bearer not-a-jwt').expect(401);
  });

  it('answers unknown routes and malformed JSON with problem+json, never a stack trace', async () => {
    const missing = await t.http().get('/api/v1/no-such-thing').set('Authorization', t.adminToken).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const malformed = await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).set('content-type', 'application/json').send('{"code": "35",');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('rejects a non-UUID id with a 400 naming the parameter', async () => {
    const response = await t.http().get('/api/v1/regions/42').set('Authorization', t.adminToken).expect(400);
    expect(response.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('gives every response a request id, echoing a sane one from the client', async () => {
    const echoed = await t.http().get('/api/v1/health').set('x-request-id', 'door-tablet-7-0001');
    expect(echoed.headers['x-request-id']).toBe('door-tablet-7-0001');
    const generated = await t.http().get('/api/v1/health').set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await t.http().get('/api/v1/regions').set('x-request-id', 'trace-123');
    expect(problem.body.requestId).toBe('trace-123');
  });

  it('refuses a NUL character in a query or a body, naming the field', async () => {
    const query = await t.http().get('/api/v1/regions?q=a%00b').set('Authorization', t.adminToken).expect(400);
    expect(query.body.errors).toEqual([{ field: 'q', message: 'q contains a NUL character' }]);
    const body = await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send({ code: '35', name: 'Jawa\u0000Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' }).expect(400);
    expect(body.body.errors).toEqual([{ field: 'name', message: 'name contains a NUL character' }]);
    expect(body.headers['content-type']).toMatch(/problem\+json/);
  });

  it('bounds the page size and offset', async () => {
    const response = await t.http().get('/api/v1/regions?limit=500&offset=99999999999999999999').set('Authorization', t.adminToken).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'offset']);
  });

  it('sets security headers (helmet)', async () => {
    const response = await t.http().get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('has no schema drift: the migrations produce exactly what the entities describe', async () => {
    const dataSource = createDataSource(t.databaseUrl);
    await dataSource.initialize();
    try {
      const changes = await pendingSchemaChanges(dataSource);
      expect(changes.up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
