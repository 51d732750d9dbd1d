import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * The operations of the committed OpenAPI document, read generically for the fuzz test
 * (test/fuzz.e2e-spec.ts): an operation added to openapi.json is fuzzed without any change
 * here. Schemas are resolved ($ref, allOf, oneOf) into plain objects, and turned into
 * fast-check arbitraries of values that fit them (the starting point that mutations break).
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  writeOnly?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path as in the document, under `base` (`/events/{id}`). */
  path: string;
  /** The document's server URL (`/api/v1`). */
  base: string;
  parameters: Parameter[];
  /** Media type → resolved schema of the request body; empty when the operation takes none. */
  bodies: Record<string, Schema>;
  /** The request body's description (a CSV upload lists its columns there: "Columns: name and category (required); …."). */
  bodyDescription: string;
  /** Public (`security: []`): no token needed. */
  public: boolean;
  /** Statuses the document lists for the operation. */
  statuses: number[];
}

interface Document {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, { operationId?: string; parameters?: Parameter[]; requestBody?: { description?: string; content: Record<string, { schema?: Schema }> }; security?: unknown[]; responses?: Record<string, unknown> }>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function loadOperations(file = join(process.cwd(), 'openapi.json')): Operation[] {
  const document = JSON.parse(readFileSync(file, 'utf8')) as Document;
  const resolve = resolver(document);
  const base = document.servers?.[0]?.url ?? '';
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method) || !operation.operationId) continue;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        base,
        parameters: (operation.parameters ?? []).map((p) => ({ ...p, required: Boolean(p.required), schema: resolve(p.schema ?? { type: 'string' }) })),
        bodies: Object.fromEntries(Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => [type, resolve(media.schema ?? { type: 'string', format: 'binary' })])),
        bodyDescription: operation.requestBody?.description ?? '',
        public: Array.isArray(operation.security) && operation.security.length === 0,
        statuses: Object.keys(operation.responses ?? {}).map(Number).filter(Number.isFinite),
      });
    }
  }
  return operations;
}

/** Inlines `$ref`s and merges `allOf` (recursive schemas are cut at a depth the API never needs). */
function resolver(document: Document): (schema: Schema) => Schema {
  const resolve = (schema: Schema, depth = 0): Schema => {
    if (depth > 12) return { type: 'object' };
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const { $ref: _ref, ...rest } = schema;
      return resolve({ ...document.components.schemas[name], ...rest }, depth + 1);
    }
    if (schema.allOf) {
      const { allOf, ...rest } = schema;
      return Object.assign({}, ...allOf.map((s) => resolve(s, depth + 1)), rest) as Schema;
    }
    const out: Schema = { ...schema };
    if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => resolve(s, depth + 1));
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, s]) => [name, resolve(s, depth + 1)]));
    return out;
  };
  return (schema) => resolve(schema);
}

/**
 * Ids of rows that exist, by the collection they belong to (`events`, `agencies`, …), so that
 * path parameters, `…Id` query parameters and `…Id(s)` body fields can name real rows.
 */
export type KnownIds = Record<string, string[]>;

/** `eventId` → `events`, `agencyIds` → `agencies`, `parentId` → `regions`, `id` after `/people/` → `people`. */
export function collectionOf(name: string, precedingSegment?: string): string | undefined {
  const stem = name.replace(/Ids?$/, '');
  if (name === 'id' || name === 'token') return precedingSegment;
  if (!stem || stem === name) return undefined;
  const aliases: Record<string, string> = { parent: 'regions', entity: 'any', person: 'people', agency: 'agencies', people: 'people' };
  return aliases[stem] ?? `${stem}s`;
}

/** A value that fits `schema`, built from its examples, enums, formats and bounds. */
export function valueOf(schema: Schema, known: KnownIds, name = ''): fc.Arbitrary<unknown> {
  const choices: Array<fc.Arbitrary<unknown>> = [];
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => valueOf(s, known, name)));
  // The document's example is a value the route accepts: it gets requests past validation more often.
  if (schema.example !== undefined) choices.push(fc.constant(schema.example), fc.constant(schema.example));
  if (schema.default !== undefined) choices.push(fc.constant(schema.default));
  if (schema.nullable) choices.push(fc.constant(null));
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? Math.max(min, 1000);
      choices.push(schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }));
      break;
    }
    case 'boolean':
      choices.push(fc.boolean());
      break;
    case 'array': {
      const items = valueOf(schema.items ?? { type: 'string' }, known, name);
      choices.push(fc.array(items, { maxLength: Math.min(schema.maxItems ?? 4, 4) }));
      break;
    }
    case 'object':
      if (schema.properties) {
        choices.push(objectOf(schema, known));
      } else {
        choices.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }));
      }
      break;
    default:
      choices.push(stringOf(schema, known, name));
  }
  return fc.oneof(...choices);
}

function objectOf(schema: Schema, known: KnownIds): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, s]) => [name, valueOf(s, known, name)]));
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) }) as fc.Arbitrary<Record<string, unknown>>;
}

function stringOf(schema: Schema, known: KnownIds, name: string): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 40;
  const min = schema.minLength ?? 1;
  switch (schema.format) {
    case 'uuid': {
      const ids = knownIdsFor(known, name);
      return ids.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, fc.uuid()) : fc.uuid();
    }
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+07:00'));
    case 'date':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress({ size: 'small' }).filter((email) => email.length <= max);
    case 'binary':
      return fc.string({ maxLength: 16 });
    default:
      return fc.string({ minLength: Math.min(min, max), maxLength: Math.min(max, 40), unit: 'grapheme' });
  }
}

/** Real ids for a field or parameter named like `regionId`/`agencyIds`; every known id for a bare `entityId`. */
export function knownIdsFor(known: KnownIds, name: string, precedingSegment?: string): string[] {
  const collection = collectionOf(name, precedingSegment);
  if (!collection) return [];
  if (collection === 'any') return Object.values(known).flat();
  return known[collection] ?? [];
}

/** The columns a CSV upload's description names (`Columns: name and category (required); shortName, pns.`). */
export function csvColumns(operation: Operation): string[] {
  const match = /^Columns:([^.]*)\./.exec(operation.bodyDescription);
  if (!match) return [];
  return match[1]
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,;]|\band\b/)
    .map((word) => word.trim())
    .filter((word) => /^[A-Za-z]+$/.test(word));
}
