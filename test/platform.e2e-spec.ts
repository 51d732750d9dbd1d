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
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/regions', '/users', '/audit-log']));
  });

  it('describes what each route answers: lists, records, files and problem+json errors', async () => {
    const { body: doc } = await t.http().get('/api/docs-json').expect(200);
    const { paths, components } = doc;
    const json = (path: string, method: string, status: string) => paths[path][method].responses[status].content['application/json'].schema;
    const problem = (path: string, method: string, status: string) => paths[path][method].responses[status].content['application/problem+json'].schema;
    const problemRef = { $ref: '#/components/schemas/ProblemResponse' };

    // A list: the page envelope around the item schema.
    const agencies = json('/agencies', 'get', '200');
    expect(agencies.required).toEqual(['items', 'total', 'limit', 'offset']);
    expect(agencies.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/AgencyResponse' } });
    expect(json('/audit-log', 'get', '200').properties.items.items).toEqual({ $ref: '#/components/schemas/AuditEntryResponse' });
    expect(components.schemas.AgencyResponse.properties.headcount).toEqual({ $ref: '#/components/schemas/HeadcountResponse' });

    // One record, created or read, with its nested parts.
    expect(json('/events', 'post', '201')).toEqual({ $ref: '#/components/schemas/EventResponse' });
    expect(json('/events/{id}', 'get', '200')).toEqual({ $ref: '#/components/schemas/EventResponse' });
    expect(components.schemas.EventResponse.properties.speakers.items).toEqual({ $ref: '#/components/schemas/ProgrammeSlotResponse' });
    expect(json('/people/import', 'post', '200')).toEqual({ $ref: '#/components/schemas/ImportResult' });
    expect(paths['/events/{id}.ics'].get.responses['200'].content['text/calendar'].schema.type).toBe('string');

    // Errors: problem+json, with the statuses the route can answer.
    expect(problem('/events/{id}', 'get', '404')).toEqual(problemRef);
    expect(Object.keys(paths['/events/{id}/publish'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    expect(problem('/users', 'post', '409')).toEqual(problemRef);
    expect(problem('/auth/login', 'post', '429')).toEqual(problemRef);
    expect(components.schemas.ProblemResponse.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'requestId']));
    expect(components.schemas.ProblemResponse.properties.errors.items).toEqual({ $ref: '#/components/schemas/FieldErrorResponse' });

    // Every operation documents a success response (a page's form post succeeds with a 303 to the
    // page) and, unless public (`security: []`), its 401.
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect({ path, method, success: statuses.some((status) => status.startsWith('2') || status === '303') }).toEqual({ path, method, success: true });
        if (operation.security?.length !== 0) expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(['401']) });
      }
    }
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
