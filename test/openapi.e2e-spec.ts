import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describeApi } from '../src/app.js';
import { serializeOpenApiDocument } from '../src/openapi/document.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Schema {
  type?: string;
  format?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
}

interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
}

interface Document {
  servers: Array<{ url: string }>;
  security: unknown[];
  tags: Array<{ name: string; description: string }>;
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const OPENAPI_FILE = new URL('../openapi.json', import.meta.url);

/** Fields named `…Id` that are not uuids. */
const NOT_UUIDS = new Set(['requestId', 'deviceId', 'clientCheckinId']);

/** `{ path, method, operation }` for every operation of the document. */
function operationsOf(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
}

/** The first line where two texts differ, to show in a failure. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(b[at] ?? '(end of file)')}, the app generates ${JSON.stringify(a[at] ?? '(end of file)')}`;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let served: Document;
  beforeAll(async () => {
    t = await createTestApp();
    served = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('is the committed openapi.json, byte for byte', () => {
    const generated = serializeOpenApiDocument(served);
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error(
        'openapi.json is out of date: the app describes its API differently.\n' +
          'Run `npm run openapi` and commit openapi.json with your change (its diff is the API change under review).\n' +
          `First difference at ${firstDifference(generated, committed)}`,
      );
    }
  });

  it('is what `npm run openapi` writes: the document without a database is the served one', async () => {
    // If only this fails, describeApi() (preview mode) no longer sees what the running app does.
    expect(serializeOpenApiDocument(await describeApi())).toBe(serializeOpenApiDocument(served));
  });

  it('names and summarises every operation, with a stable lowerCamelCase id', () => {
    const operations = operationsOf(served);
    expect(operations.length).toBeGreaterThanOrEqual(40);
    for (const { path, method, operation } of operations) {
      // Without @ApiOperation({ operationId, summary }) a route gets `Controller_method` and no summary.
      const named = { path, method, operationId: operation.operationId, summary: operation.summary };
      expect(named).toEqual({ path, method, operationId: expect.stringMatching(/^[a-z][a-zA-Z]*$/), summary: expect.stringMatching(/^[A-Z].{3,}[^.]$/) });
    }
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['listAgencies', 'createAgency', 'importPeople', 'publishEvent', 'setEventSpeakers', 'login', 'checkReadiness']));
  });

  it('requires the Bearer token exactly where the server does: security [] on @Public() routes only', async () => {
    expect(served.security).toEqual([{ bearer: [] }]);
    const server = served.servers.map((s) => s.url);
    expect(server).toEqual(['/api/v1']);
    const publicRoutes: string[] = [];
    for (const { path, method, operation } of operationsOf(served)) {
      // Every documented path, under the documented server, is a route of the app (no 404), and
      // answers 401 without a token unless the document says it needs none.
      const url = `${server[0]}${path.replace(/\{\w+\}/g, randomUUID())}`;
      const request = t.http()[method as 'get' | 'post' | 'put' | 'patch'](url);
      const response = method === 'get' ? await request : await request.send({});
      const isPublic = operation.security !== undefined && operation.security.length === 0;
      // The report page's downloads take its session cookie instead of the bearer token.
      const cookieOnly = JSON.stringify(operation.security) === JSON.stringify([{ reportSession: [] }]);
      // A route that is not there answers Nest's "Cannot GET …"; an RSVP link with an unknown token is a route answering 404.
      const notARoute = response.status === 404 && /^Cannot /.test((response.body as { detail?: string }).detail ?? '');
      const behaves = notARoute ? 'is not a route' : response.status === 401 ? 'asks for a token' : 'answers without a token';
      // Anything but [] would be a per-route requirement; none exists besides the document's.
      expect({ method, path, security: operation.security ?? 'the document’s', behaves }).toEqual({
        method,
        path,
        security: isPublic ? [] : cookieOnly ? [{ reportSession: [] }] : 'the document’s',
        behaves: isPublic ? 'answers without a token' : 'asks for a token',
      });
      if (isPublic) publicRoutes.push(`${method.toUpperCase()} ${path}`);
    }
    expect(publicRoutes.sort()).toEqual([
      'GET /door',
      'GET /door/sw.js',
      'GET /health',
      'GET /health/ready',
      'GET /reports/coverage/view',
      'GET /rsvp/{token}',
      'GET /sign/{token}',
      'GET /sign/{token}/certificate.pdf',
      'GET /sign/{token}/qr.svg',
      'GET /verify/{code}',
      'POST /auth/login',
      'POST /reports/coverage/view/session',
      'POST /reports/coverage/view/sign-out',
      'POST /rsvp/{token}',
      'POST /rsvp/{token}/assignment-letter',
      'POST /sign/{token}',
    ]);
  });

  it('lists the features that have routes, and only those', () => {
    const declared = served.tags.map((tag) => tag.name);
    const used = new Set(operationsOf(served).flatMap(({ operation }) => operation.tags ?? []));
    expect([...used].sort()).toEqual([...declared].sort());
    for (const { operation } of operationsOf(served)) expect({ id: operation.operationId, tags: operation.tags?.length }).toEqual({ id: operation.operationId, tags: 1 });
    for (const tag of served.tags) expect(served.info.description).toContain(`**${tag.name}**: ${tag.description}`);
  });

  it('types every field: nullable strings as strings, ids and path ids as uuid (link secrets by their pattern), instants as date-time', () => {
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(served.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const where = `${name}.${field}`;
        // `string | null` has no runtime type: without `type: String`, Nest writes `type: object`.
        if (property.type === 'object' && !property.properties && !property.additionalProperties && !property.allOf) problems.push(`${where} is an untyped object`);
        // A nullable object is `nullable: true` beside `allOf: [{ $ref }]` (OpenAPI 3.0 ignores a $ref's siblings).
        if (property.nullable && !property.type && !property.allOf) problems.push(`${where} is nullable without a type`);
        // requestId, and the ids a door device gives itself and its scans (DESIGN §2), are not uuids.
        if ((field === 'id' || field.endsWith('Id')) && !NOT_UUIDS.has(field) && property.format !== 'uuid') problems.push(`${where} is not a uuid`);
        if (/At(Local)?$/.test(field) && property.format !== 'date-time') problems.push(`${where} is not a date-time`);
      }
    }
    for (const { path, operation } of operationsOf(served)) {
      for (const parameter of operation.parameters ?? []) {
        // The secret of a link (an RSVP or signing token, a verification code) is no uuid: it declares the pattern it must match.
        const linkSecret = ['token', 'code'].includes(parameter.name) && (parameter.schema as { pattern?: string }).pattern !== undefined;
        if (parameter.in === 'path' && parameter.schema.format !== 'uuid' && !linkSecret) problems.push(`${path}: {${parameter.name}} is not a uuid`);
      }
    }
    expect(problems).toEqual([]);

    const event = served.components.schemas.EventResponse.properties!;
    expect(event.electionId).toEqual({ type: 'string', format: 'uuid', nullable: true });
    for (const field of ['organizer', 'venueAddress', 'letterNumber']) expect(event[field]).toEqual({ type: 'string', nullable: true });
    expect(served.components.schemas.CreateEventDto.properties!.electionId).toEqual({ type: 'string', format: 'uuid', nullable: true });
    expect(served.components.schemas.UpdateEventDto.properties!.organizer).toEqual({ type: 'string', nullable: true });
    expect(event.status).toEqual({ $ref: '#/components/schemas/EventStatus' });
    expect(served.components.schemas.EventStatus).toEqual({ type: 'string', enum: ['DRAFT', 'SCHEDULED', 'COMPLETED', 'CANCELLED'] });
  });

  it('documents the CSV of an import as a text/csv body or the multipart field `file`', () => {
    for (const path of ['/agencies/import', '/people/import']) {
      const { content } = served.paths[path].post.requestBody!;
      expect(content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
      expect(content['multipart/form-data'].schema).toMatchObject({ type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } });
    }
  });

  it('writes openapi.json in a stable order, ending in a newline', () => {
    const text = readFileSync(OPENAPI_FILE, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const document = JSON.parse(text) as Document;
    expect(Object.keys(document)).toEqual(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']);
    const paths = Object.keys(document.paths);
    expect(paths).toEqual([...paths].sort());
    // A schema's fields keep the order of the DTO.
    expect(Object.keys(document.components.schemas.ProblemResponse.properties!)).toEqual(['type', 'title', 'status', 'detail', 'errors', 'instance', 'requestId']);
  });
});
