import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DECORATORS, DocumentBuilder, type OpenAPIObject, type OperationIdFactory, type OperationObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC } from '../common/caller.js';
import { REPORT_SESSION_COOKIE } from '../reports/report-session.js';

/**
 * The OpenAPI document: served at /api/docs-json, committed as openapi.json (`npm run openapi`),
 * linted by `npm run lint:api`. Routes describe themselves with @ApiOperation({ operationId,
 * summary }) and the decorators of common/openapi.ts; this file adds what holds for the whole API.
 */

/**
 * The groups of routes, in the order the UI shows them. The description's feature list is made
 * from it, and the OpenAPI test requires every tag to have routes and every route a tag listed
 * here: the document never advertises a feature that is not built, nor hides one that is.
 */
const TAGS = [
  { name: 'auth', description: 'Log in and read the logged-in user' },
  { name: 'regions', description: 'Provinces, regencies and cities (Kemendagri codes) with their time zones' },
  { name: 'users', description: 'Users, their roles and the region or agency they are bound to' },
  { name: 'agencies', description: "A region's agencies (OPD, kecamatan, schools, vertical offices…) with their headcount; CSV import" },
  { name: 'people', description: "Agencies' staff with their NIP and employment type; CSV import" },
  { name: 'elections', description: 'The elections events refer to' },
  { name: 'speakers', description: "A region's registry of speakers" },
  { name: 'events', description: 'Outreach events: status changes (publish, complete, cancel), the programme of speakers, iCalendar files' },
  { name: 'invitations', description: 'Invitations of agencies to events, with seats; answers naming attendees and delegates; surat tugas' },
  { name: 'rsvp', description: 'Answering one invitation through the link printed on its letter, without an account' },
  {
    name: 'check-in',
    description: 'Door check-in by ticket, person or NIP, walk-ins registered at the door, offline batches, repeated scans; live counts; the attendance sheet (JSON, CSV, printable PDF); the door app for phones (page and service worker)',
  },
  {
    name: 'pledges',
    description:
      'Pledge templates (versioned, never edited), pledges signed at the venue or by the attendee’s own signing link (with the signing page), each region’s tamper-evident hash chain, public verification by code (JSON or the verification page), and certificates (PDF)',
  },
  { name: 'cascades', description: 'Cascade sessions: an agency relaying the material to its own staff, with the number reached by employment type and its evidence' },
  {
    name: 'reports',
    description:
      "Coverage reports for the mayor's office (JSON, CSV, XLSX, printable PDF): agencies and people reached, those who signed the ikrar, the gaps; totals per child region; " +
      'the report page for browsers, with its own sign-in and session cookie',
  },
  { name: 'audit', description: 'The audit log of every write' },
  { name: 'health', description: 'Liveness and readiness probes' },
];

const DESCRIPTION = [
  'The backend a Kesbangpol office (and often Bawaslu) runs for *sosialisasi netralitas ASN*. This version offers:',
  '',
  ...TAGS.map((tag) => `- **${tag.name}**: ${tag.description}`),
  '',
  'Log in with `POST /auth/login` and send the `accessToken` as `Authorization: Bearer …`: every route needs it but the few ' +
    'that declare no security requirement (such as login and health). ' +
    'Anything outside the caller’s reach answers 404, exactly like something that does not exist.',
  '',
  'Lists answer `{ items, total, limit, offset }`. Times are ISO 8601 with a UTC offset. Errors are `application/problem+json`.',
].join('\n');

/** The fallback id of a route without an explicit one; the OpenAPI test refuses it. */
const fallbackOperationId: OperationIdFactory = (controller, method) => `${controller}_${method}`;

/** `apiPrefix`: where the routes are mounted (`api/v1`), the document's server. */
export function createOpenApiDocument(app: INestApplication, apiPrefix: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Netralitas API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    // Relative: the host that serves the document, whatever PUBLIC_URL a deployment uses.
    .addServer(`/${apiPrefix}`, 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // The report page's session cookie (src/reports/report-session.ts): its downloads only.
    .addCookieAuth(REPORT_SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'Set by signing in on the report page (POST /reports/coverage/view/session)' }, 'reportSession')
    // Secure by default, like the AuthGuard: @Public() routes opt out below.
    .addSecurityRequirements('bearer');
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);

  const config = builder.build();
  delete config.info.contact; // DocumentBuilder's empty default: the API has no public contact.
  const document = SwaggerModule.createDocument(app, config, { ignoreGlobalPrefix: true, operationIdFactory: fallbackOperationId });
  const operations = new Map(Object.values(document.paths).flatMap((item) => Object.values(item as Record<string, OperationObject>)).map((operation) => [operation.operationId, operation]));
  for (const operationId of publicOperationIds(app)) {
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`The public route ${operationId} is missing from the OpenAPI document`);
    // A route the AuthGuard lets through may still need a credential of its own (@ApiCookieAuth).
    operation.security ??= [];
  }
  return canonical(unwrapLoneReferences(document)) as OpenAPIObject;
}

/** The routes the AuthGuard lets through without a token, read from the same @Public() metadata. */
function publicOperationIds(app: INestApplication): string[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const ids: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type<unknown>;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, () => unknown>)[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (!reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller])) continue;
        // Routes kept out of the document (page assets) have no operation to mark.
        const excluded = Reflect.getMetadata(DECORATORS.API_EXCLUDE_CONTROLLER, controller) as boolean[] | undefined;
        if (excluded?.[0] || (Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, handler) as { disable?: boolean } | undefined)?.disable) continue;
        const explicit = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId?: string } | undefined)?.operationId;
        ids.push(explicit ?? fallbackOperationId(controller.name, name));
      }
    }
  }
  return ids;
}

/**
 * Nest wraps a named enum in `allOf: [{ $ref }]` even when nothing stands beside it (a
 * description does need the wrapper: OpenAPI 3.0 ignores the siblings of a $ref); alone, the
 * $ref says the same, and Redocly warns about a one-schema allOf.
 */
function unwrapLoneReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapLoneReferences);
  if (value === null || typeof value !== 'object') return value;
  const { allOf, ...rest } = value as { allOf?: unknown[]; nullable?: boolean; type?: string };
  if (allOf?.length === 1 && Object.keys(rest).length === 0) return unwrapLoneReferences(allOf[0]);
  // A nullable reference (`nullable` beside `allOf: [{ $ref }]`) needs its `type` in OpenAPI 3.0;
  // Nest drops the one the decorator gives.
  if (allOf && rest.nullable && !rest.type) (value as { type?: string }).type = 'object';
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unwrapLoneReferences(item)]));
}

/** openapi.json as committed: the served document, two-space indented, ending in a newline. */
export function serializeOpenApiDocument(document: object): string {
  return `${JSON.stringify(canonical(document), null, 2)}\n`;
}

/** Keys that lead, wherever they occur; the rest follow alphabetically. */
const LEADING_KEYS = ['openapi', 'info', 'operationId', 'name', 'title', 'summary', 'description', 'servers', 'security', 'tags', 'paths', 'components'];

/**
 * A stable key order, so that openapi.json changes only where the API does (not when a module
 * is imported in another order): keys sorted, except a schema's `properties`, which keep the
 * order of the DTO's fields, the order clients and the UI show them in.
 */
function canonical(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) => (LEADING_KEYS.includes(key) ? LEADING_KEYS.indexOf(key) : LEADING_KEYS.length);
  const keys = keepOrder ? Object.keys(value) : Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  // Under `properties` the keys are field names: their values are schemas, sorted as usual.
  return Object.fromEntries(keys.map((key) => [key, canonical((value as Record<string, unknown>)[key], !keepOrder && key === 'properties')]));
}
