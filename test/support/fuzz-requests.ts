import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { csvColumns, type KnownIds, knownIdsFor, type Operation, type Parameter, type Schema, valueOf } from './fuzz-openapi.js';

/**
 * Hostile requests for one OpenAPI operation, as fast-check arbitraries: path ids, query
 * parameters, JSON bodies derived from the request schema and then broken, wrong content
 * types, and for upload operations random bytes and malformed multipart bodies.
 */

/** Who sends a request: a member of the cast (its Authorization header), or nobody. */
export interface FuzzCaller {
  label: string;
  authorization?: string;
}

export interface FuzzRequest {
  caller: string;
  method: string;
  /** Path and query, percent-encoded as sent (possibly malformed on purpose). */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was done to the request, for the report of a failure. */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Text.

/** Percent-encodes bytes (not characters), so that invalid UTF-8 can be put into a URL. */
export function percentEncode(bytes: Buffer | string): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  let out = '';
  for (const byte of buffer) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A value as it would be written in a form or a query: text as is, anything else as JSON. */
const text = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

/** Strings a text field should never choke on. */
const HOSTILE_STRINGS: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\ud800',
    'Siti \udc00 Rahma',
    'a\u0000b',
    '\u0000',
    '',
    ' ',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    "'; DROP TABLE events; --",
    '<script>alert(1)</script>',
    '%00',
    '../../etc/passwd',
    '\uFEFF',
    '\r\n\r\n',
    '1e999',
    '-0',
    '2024-10-29T13:00:00',
    '0000-00-00',
    '9999-12-31T23:59:59+14:00',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.integer({ min: 256, max: 100_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** Values of the wrong type, or out of every range. */
const WRONG_VALUES: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -1e308, 1e308, 2 ** 31, 2 ** 53 + 2, Number.MIN_VALUE, [], {}, [null], { a: 1 }, '', '1', 'true', 'null', [[[]]]),
  HOSTILE_STRINGS,
  fc.jsonValue({ maxDepth: 3 }),
);

/** JSON text nested `depth` levels deep. */
const nested = (depth: number, kind: 'array' | 'object') => (kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** Bodies that are not the JSON object a route expects. */
const RAW_JSON_BODIES: fc.Arbitrary<{ text: string; note: string }> = fc.oneof(
  fc.constantFrom('', 'null', '[]', '"text"', '1', 'true', '{', '{"a":', '[1,2', '{"a":1,"a":2}', '\u0000', '{}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '1e999', '{"x":1e999999}', '\uFEFF{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', "{'a':1}", 'NaN').map((text) => ({ text, note: `raw body ${JSON.stringify(text)}` })),
  fc.tuple(fc.integer({ min: 60, max: 3000 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([depth, kind]) => ({ text: nested(depth, kind), note: `${kind}s nested ${depth} deep` })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ text: Buffer.from(bytes).toString('latin1'), note: 'random bytes' })),
);

// ---------------------------------------------------------------------------------------------
// Path and query.

/** Path ids: real rows (in and out of the caller's reach), UUIDs of nothing, and garbage. */
function pathValue(param: Parameter, segment: string | undefined, known: KnownIds): fc.Arbitrary<string> {
  const ids = knownIdsFor(known, param.name, segment);
  const hostile = fc.oneof(
    fc.constantFrom('%FF%FE', '%ED%A0%80', '%00', '%C0%AF', '..', '%2E%2E', '-1', '0', '1e999', 'null', '%20', '%27%20OR%201%3D1--', '%7B%7D', '%F0%9F%98%80', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ', '00000000-0000-0000-0000-000000000000'),
    fc.constant('a'.repeat(10_000)),
    fc.integer({ min: 100, max: 2000 }).map((n) => 'a'.repeat(n)),
    fc.string({ unit: 'binary', maxLength: 40 }).map((s) => percentEncode(s)),
    fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => percentEncode(Buffer.from(bytes))),
    fc.uuid().map((id) => `${id.toUpperCase()}`),
    fc.uuid().map((id) => `${id}x`),
  );
  const arbitraries: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: hostile },
  ];
  if (ids.length > 0) arbitraries.push({ weight: 6, arbitrary: fc.constantFrom(...ids) });
  return fc.oneof(...arbitraries);
}

/** Query values: fitting ones, wrong types, huge and negative numbers, odd dates, bad encodings. */
function queryValue(param: Parameter, known: KnownIds, hostileOnly = false): fc.Arbitrary<string> {
  const fitting = valueOf(param.schema, known, param.name).map((value) => percentEncode(text(value)));
  const hostile = fc.oneof(
    fc.constantFrom(
      '-1', '-100000', '0', '1.5', '1e308', '1e999', '99999999999999999999999', '9007199254740993', 'NaN', 'Infinity', '-Infinity', '0x10', 'abc', '', 'true', 'null',
      '2024-10-29T13%3A00%3A00', '2024-10-29', '2024-02-30T10%3A00%3A00Z', '2024-13-45T99%3A99%3A99Z', '29%2F10%2F2024', '%2B275760-09-13T00%3A00%3A00Z', '1730181600',
      '%ED%A0%80', '%FF%FE', '%00', '%25', '%E2%80%AE',
    ),
    fc.constant('a'.repeat(5000)),
    HOSTILE_STRINGS.map((s) => percentEncode(s.slice(0, 2000))),
  );
  return hostileOnly ? hostile : fc.oneof({ weight: 2, arbitrary: fitting }, { weight: 3, arbitrary: hostile });
}

/**
 * The query: either only fitting values (so that the request gets past validation and the body
 * or the ids are what is tested), or hostile ones mixed in, repeated, bracketed and unknown.
 */
function queryString(operation: Operation, known: KnownIds): fc.Arbitrary<{ query: string; notes: string[] }> {
  const params = operation.parameters.filter((p) => p.in === 'query');
  const fitting = fc.tuple(...params.map((param) => fc.option(valueOf(param.schema, known, param.name).map((value) => [`${param.name}=${percentEncode(text(value))}`]), { freq: 2 })));
  const pairs = params.map((param) =>
    fc.option(
      fc.oneof(
        { weight: 4, arbitrary: queryValue(param, known).map((value) => [`${param.name}=${value}`]) },
        // The same parameter twice, or in the bracket forms some parsers turn into arrays and objects.
        { weight: 1, arbitrary: fc.tuple(queryValue(param, known), queryValue(param, known)).map(([a, b]) => [`${param.name}=${a}`, `${param.name}=${b}`]) },
        { weight: 1, arbitrary: queryValue(param, known).map((value) => [`${param.name}%5B%5D=${value}`, `${param.name}%5Bx%5D=${value}`]) },
      ),
      { freq: 2 },
    ),
  );
  const extra = fc.option(fc.constantFrom('__proto__=1', 'constructor%5Bprototype%5D=1', 'unknown=1', 'limit', '=', '&&', '%ED%A0%80=1'), { freq: 4 });
  const hostile = fc.tuple(fc.tuple(...pairs), extra).map(([chosen, extraPair]) => [...chosen.flatMap((p) => p ?? []), ...(extraPair ? [extraPair] : [])]);
  return fc.oneof({ weight: 2, arbitrary: fitting.map((chosen) => chosen.flatMap((p) => p ?? [])) }, { weight: 3, arbitrary: hostile }).map((parts) => ({
    query: parts.length > 0 ? `?${parts.join('&')}` : '',
    notes: parts.length > 0 ? [`query ${parts.join('&').slice(0, 300)}`] : [],
  }));
}

// ---------------------------------------------------------------------------------------------
// JSON bodies.

interface Body {
  contentType?: string;
  bytes?: Buffer;
  note: string;
}

/** A JSON body from the schema, then broken in one of many ways (or left fitting, to reach deeper code). */
function jsonBody(schema: Schema, known: KnownIds): fc.Arbitrary<Body> {
  const fitting = valueOf(schema, known) as fc.Arbitrary<unknown>;
  const properties = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const asObject = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {});
  const mutations: Array<fc.WeightedArbitrary<{ value?: unknown; text?: string; note: string }>> = [
    { weight: 3, arbitrary: fitting.map((value) => ({ value, note: 'fitting body' })) },
    { weight: 2, arbitrary: fc.tuple(fitting, fc.constantFrom(...(properties.length ? properties : ['x'])), WRONG_VALUES).map(([value, field, wrong]) => ({ value: { ...asObject(value), [field]: wrong }, note: `${field} = ${short(wrong)}` })) },
    { weight: 2, arbitrary: fc.tuple(fitting, fc.constantFrom(...(properties.length ? properties : ['x'])), HOSTILE_STRINGS).map(([value, field, text]) => ({ value: { ...asObject(value), [field]: text }, note: `${field} = ${short(text)}` })) },
    { weight: 1, arbitrary: fc.tuple(fitting, fc.string({ maxLength: 12 }), WRONG_VALUES).map(([value, field, extra]) => ({ value: { ...asObject(value), [field]: extra }, note: `extra field ${JSON.stringify(field)}` })) },
    { weight: 1, arbitrary: fc.tuple(fitting, fc.constantFrom(...(properties.length ? properties : ['x'])), fc.integer({ min: 65, max: 2000 })).map(([value, field, depth]) => ({ text: JSON.stringify({ ...asObject(value), [field]: 0 }).replace(/0\}$/, `${nested(depth, 'array')}}`), note: `${field} nested ${depth} deep` })) },
    { weight: 2, arbitrary: RAW_JSON_BODIES.map(({ text, note }) => ({ text, note })) },
    { weight: 1, arbitrary: fc.constant({ text: JSON.stringify({ x: 'x'.repeat(1_100_000) }), note: 'body over 1 MB' }) },
  ];
  if (required.length > 0) {
    mutations.push({
      weight: 2,
      arbitrary: fc.tuple(fitting, fc.subarray(required, { minLength: 1 })).map(([value, missing]) => {
        const object = asObject(value);
        for (const field of missing) delete object[field];
        return { value: object, note: `without ${missing.join(', ')}` };
      }),
    });
  }
  // Arrays one past their limit, and array fields given as something else.
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (property.type === 'array' && property.maxItems) {
      mutations.push({ weight: 1, arbitrary: fitting.map((value) => ({ value: { ...asObject(value), [field]: Array.from({ length: property.maxItems! + 1 }, () => 'x') }, note: `${field} with ${property.maxItems! + 1} items` })) });
    }
  }
  return fc.tuple(fc.oneof(...mutations), jsonContentType).map(([mutation, contentType]) => {
    const json = mutation.text ?? JSON.stringify(mutation.value) ?? '';
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = Object.entries(asObject(mutation.value)).map(([k, v]) => `${percentEncode(k)}=${percentEncode(text(v))}`).join('&');
      return { contentType, bytes: Buffer.from(form), note: `${mutation.note}, as form data` };
    }
    return { contentType, bytes: Buffer.from(json, 'utf8'), note: `${mutation.note}${contentType === 'application/json' ? '' : `, as ${contentType ?? 'no content type'}`}` };
  });
}

/** Mostly JSON; sometimes what a confused client sends instead. */
const jsonContentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json;;;',
      'APPLICATION/JSON',
      'application/vnd.api+json',
      'text/plain',
      'text/csv',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=x',
      'application/pdf',
      'application/octet-stream',
      'image/png',
      '*/*',
      'application',
      ';',
    ),
  },
);

const short = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
};

// ---------------------------------------------------------------------------------------------
// Uploads.

const PDF = Buffer.from('%PDF-1.4\n% fuzz\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** File contents: random bytes, real magic numbers with garbage behind, text, nothing. */
const fileBytes: fc.Arbitrary<{ bytes: Buffer; what: string }> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => ({ bytes: Buffer.from(b), what: `${b.length} random bytes` })),
  fc.uint8Array({ maxLength: 512 }).map((b) => ({ bytes: Buffer.concat([PDF, Buffer.from(b)]), what: 'a PDF header and random bytes' })),
  fc.uint8Array({ maxLength: 512 }).map((b) => ({ bytes: Buffer.concat([PNG, Buffer.from(b)]), what: 'a PNG header and random bytes' })),
  fc.constant({ bytes: PDF, what: 'a minimal PDF' }),
  fc.constant({ bytes: Buffer.alloc(0), what: 'no bytes' }),
  fc.constantFrom('fullName,employmentType,agency\nSiti,PNS,Dinas\n', 'name;category\nDinas \ud800;OPD\n', '\uFEFFa,b\n"unterminated\n', 'a\u0000b,c\n').map((text) => ({ bytes: Buffer.from(text, 'utf8'), what: `text ${JSON.stringify(text)}` })),
  fc.constant({ bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n\ud800', 'utf16le')]), what: 'UTF-16 with a BOM and a lone surrogate' }),
  fc.constant({ bytes: Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80]), what: 'a UTF-8 BOM and invalid UTF-8' }),
);

/** Multipart bodies, well-formed and broken in the ways clients and attackers break them. */
const multipartBody: fc.Arbitrary<Body> = fc
  .tuple(
    fileBytes,
    fc.constantFrom(
      'well-formed',
      'another field',
      'no boundary parameter',
      'an empty boundary',
      'a quoted boundary',
      'a boundary over 70 characters',
      'no closing boundary',
      'random bytes',
      'two files',
      'no part',
      'a part without headers',
      'a field without a filename',
      'the file then a text field',
      'a body that does not use the boundary',
      'huge part headers',
      'a boundary with odd characters',
    ),
    fc.constantFrom('application/pdf', 'text/csv', 'image/png', 'application/octet-stream', 'text/plain'),
  )
  .map(([file, shape, partType]): Body => {
    const b = 'fuzzBoundary7MA4YWxkTrZu0gW';
    const part = (field: string, content: Buffer, filename: string | null = 'upload.bin') =>
      Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${field}"${filename === null ? '' : `; filename="${filename}"`}\r\nContent-Type: ${partType}\r\n\r\n`),
        content,
        Buffer.from('\r\n'),
      ]);
    const close = Buffer.from(`--${b}--\r\n`);
    const ct = `multipart/form-data; boundary=${b}`;
    const bodies: Record<string, () => Body> = {
      'well-formed': () => ({ contentType: ct, bytes: Buffer.concat([part('file', file.bytes), close]), note: '' }),
      'another field': () => ({ contentType: ct, bytes: Buffer.concat([part('document', file.bytes), close]), note: '' }),
      'no boundary parameter': () => ({ contentType: 'multipart/form-data', bytes: Buffer.concat([part('file', file.bytes), close]), note: '' }),
      'an empty boundary': () => ({ contentType: 'multipart/form-data; boundary=', bytes: Buffer.concat([part('file', file.bytes), close]), note: '' }),
      'a quoted boundary': () => ({ contentType: `multipart/form-data; boundary="${b}"`, bytes: Buffer.concat([part('file', file.bytes), close]), note: '' }),
      'a boundary over 70 characters': () => ({ contentType: `multipart/form-data; boundary=${'b'.repeat(80)}`, bytes: Buffer.concat([Buffer.from(`--${'b'.repeat(80)}\r\n`), file.bytes]), note: '' }),
      'no closing boundary': () => ({ contentType: ct, bytes: part('file', file.bytes).subarray(0, -2), note: '' }),
      'random bytes': () => ({ contentType: ct, bytes: file.bytes, note: '' }),
      'two files': () => ({ contentType: ct, bytes: Buffer.concat([part('file', file.bytes), part('file', file.bytes), close]), note: '' }),
      'no part': () => ({ contentType: ct, bytes: close, note: '' }),
      'a part without headers': () => ({ contentType: ct, bytes: Buffer.concat([Buffer.from(`--${b}\r\n\r\n`), file.bytes, Buffer.from('\r\n'), close]), note: '' }),
      'a field without a filename': () => ({ contentType: ct, bytes: Buffer.concat([part('file', file.bytes, null), close]), note: '' }),
      'the file then a text field': () => ({ contentType: ct, bytes: Buffer.concat([part('file', file.bytes), part('note', Buffer.from('x'), null), close]), note: '' }),
      'a body that does not use the boundary': () => ({ contentType: 'multipart/form-data; boundary=other', bytes: Buffer.concat([part('file', file.bytes), close]), note: '' }),
      'huge part headers': () => ({ contentType: ct, bytes: Buffer.concat([Buffer.from(`--${b}\r\nX-Pad: ${'p'.repeat(100_000)}\r\n`), part('file', file.bytes).subarray(b.length + 4), close]), note: '' }),
      'a boundary with odd characters': () => ({ contentType: 'multipart/form-data; boundary=a b;c', bytes: Buffer.concat([Buffer.from('--a b;c\r\n'), file.bytes]), note: '' }),
    };
    const body = bodies[shape]();
    return { ...body, note: `multipart: ${shape}, ${file.what} as ${partType}` };
  });

/** A CSV cell: plausible values, hostile text, broken quoting. */
const csvCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('Dinas Pendidikan', 'OPD', 'PNS', 'PPPK', 'NON_ASN', '198503122010011003', '10', '-1', '1e9', '2024-06-30', '30/06/2024', '', ' ', 'Kepala Dinas', 'siti@batukota.go.id', '0812-3456-7890'),
  HOSTILE_STRINGS.map((value) => value.slice(0, 3000)),
  fc.string({ maxLength: 20 }).map((value) => `"${value.replaceAll('"', '""')}"`),
  fc.constantFrom('"unterminated', 'a"b', '""', '"a""', '=cmd|\' /C calc\'!A0', '@SUM(1+1)'),
);

/** A CSV file with the columns the operation's description names, in one of the encodings imports read. */
function csvFile(operation: Operation): fc.Arbitrary<{ bytes: Buffer; what: string }> {
  const columns = csvColumns(operation);
  if (columns.length === 0) return fileBytes;
  const header = fc.oneof({ weight: 3, arbitrary: fc.constant(columns) }, { weight: 2, arbitrary: fc.shuffledSubarray(columns, { minLength: 1 }) }, { weight: 1, arbitrary: fc.constant([...columns, columns[0], 'unknownColumn']) });
  return fc
    .tuple(header, fc.constantFrom(',', ';', '\t'), fc.array(fc.array(csvCell, { minLength: 0, maxLength: columns.length + 2 }), { maxLength: 6 }), fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'latin1'), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([names, separator, rows, encoding, newline]) => {
      const text = [names.join(separator), ...rows.map((row) => row.join(separator))].join(newline) + newline;
      const bytes =
        encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
          : encoding === 'utf16le-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
            : Buffer.from(text, encoding === 'latin1' ? 'latin1' : 'utf8');
      return { bytes, what: `a CSV of ${rows.length} rows (${encoding}, ${JSON.stringify(separator)})` };
    });
}

/** A body for an operation that takes files (a document, a photo, a CSV). */
function uploadBody(operation: Operation): fc.Arbitrary<Body> {
  if (operation.bodies['text/csv']) {
    const csv = csvFile(operation);
    const b = 'fuzzCsvBoundary';
    const asMultipart = csv.map(({ bytes, what }): Body => ({
      contentType: `multipart/form-data; boundary=${b}`,
      bytes: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]),
      note: `multipart: ${what}`,
    }));
    const asBody = csv.map(({ bytes, what }): Body => ({ contentType: 'text/csv', bytes, note: what }));
    return fc.oneof({ weight: 6, arbitrary: asBody }, { weight: 3, arbitrary: asMultipart }, { weight: 2, arbitrary: documentUploadBody(operation) });
  }
  return documentUploadBody(operation);
}

/** Files of any kind, raw or in (possibly broken) multipart. */
function documentUploadBody(operation: Operation): fc.Arbitrary<Body> {
  const declared = Object.keys(operation.bodies).filter((type) => type !== 'multipart/form-data' && type !== 'application/json');
  const raw = fc.tuple(fileBytes, fc.constantFrom(...declared, 'text/plain', 'application/json', 'application/x-www-form-urlencoded', 'application/zip')).map(([file, contentType]): Body => ({ contentType, bytes: file.bytes, note: `${file.what} as ${contentType}` }));
  const noType = fileBytes.map((file): Body => ({ bytes: file.bytes, note: `${file.what} without a content type` }));
  return operation.bodies['multipart/form-data']
    ? fc.oneof({ weight: 3, arbitrary: multipartBody }, { weight: 3, arbitrary: raw }, { weight: 1, arbitrary: noType })
    : fc.oneof({ weight: 3, arbitrary: raw }, { weight: 1, arbitrary: noType });
}

/** An operation that takes no body, sent one now and then. */
const strayBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Body>({ note: '' }) },
  { weight: 1, arbitrary: RAW_JSON_BODIES.map(({ text, note }): Body => ({ contentType: 'application/json', bytes: Buffer.from(text), note: `stray ${note}` })) },
  { weight: 1, arbitrary: fc.tuple(fileBytes, jsonContentType).map(([file, contentType]): Body => ({ contentType, bytes: file.bytes, note: `stray ${file.what} as ${contentType ?? 'no content type'}` })) },
);

export const isUpload = (operation: Operation) => Object.keys(operation.bodies).some((type) => type !== 'application/json');

function bodyFor(operation: Operation, known: KnownIds): fc.Arbitrary<Body> {
  if (isUpload(operation)) return uploadBody(operation);
  const json = operation.bodies['application/json'];
  if (json) return fc.oneof({ weight: 9, arbitrary: jsonBody(json, known) }, { weight: 1, arbitrary: fc.constant<Body>({ note: 'no body' }) }, { weight: 1, arbitrary: multipartBody });
  return strayBody;
}

// ---------------------------------------------------------------------------------------------
// The request.

/** The Authorization headers that are not a cast member's: none, garbage, oversized, raw bytes, another scheme, an unsigned token. */
export const FOREIGN_CALLERS: FuzzCaller[] = [
  { label: 'no token' },
  { label: 'garbage token', authorization: 'Bearer not.a.jwt' },
  { label: 'Basic credentials', authorization: 'Basic YWRtaW46YWRtaW4=' },
  { label: 'oversized token', authorization: `Bearer ${'a'.repeat(8000)}.${'b'.repeat(4000)}.c` },
  { label: 'token of raw bytes', authorization: 'Bearer \xff\xfe.\x80.\xa0' },
  { label: 'unsigned token', authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${randomUUID()}","role":"ADMIN"}`).toString('base64url')}.` },
];

/** The cast (ADMIN most often: it reaches the deepest code), now and then a caller without a valid token. */
export function castCallers(cast: FuzzCaller[]): fc.Arbitrary<FuzzCaller> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...cast.filter((c) => c.label === 'ADMIN')) },
    { weight: 6, arbitrary: fc.constantFrom(...cast) },
    { weight: 1, arbitrary: fc.constantFrom(...FOREIGN_CALLERS) },
  );
}

export function requestFor(operation: Operation, callers: fc.Arbitrary<FuzzCaller>, known: KnownIds): fc.Arbitrary<FuzzRequest> {
  const segments = operation.path.split('/');
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const pathArbitrary = fc.tuple(
    ...pathParams.map((param) => {
      const index = segments.indexOf(`{${param.name}}`);
      // The collection a bare `{id}` belongs to is the segment before it (`/events/{id}`).
      return pathValue(param, index > 0 ? segments[index - 1] : undefined, known).map((value) => [param.name, value] as const);
    }),
  );
  const accept = fc.option(fc.constantFrom('application/json', 'application/xml', 'text/html', '*/*', 'application/problem+json', ';;'), { freq: 6 });
  return fc.tuple(callers, pathArbitrary, queryString(operation, known), bodyFor(operation, known), accept).map(([caller, params, query, body, acceptHeader]) => {
    let path = operation.path;
    for (const [name, value] of params) path = path.replace(`{${name}}`, value);
    const headers: Record<string, string> = {};
    if (caller.authorization) headers.authorization = caller.authorization;
    if (body.contentType !== undefined) headers['content-type'] = body.contentType;
    if (acceptHeader) headers.accept = acceptHeader;
    const notes = [
      ...params.filter(([, value]) => value.length > 0).map(([name, value]) => `${name} = ${value.length > 80 ? `${value.slice(0, 40)}… (${value.length} chars)` : value}`),
      ...query.notes,
      ...(body.note ? [body.note] : []),
      ...(acceptHeader ? [`accept: ${acceptHeader}`] : []),
    ];
    return { caller: caller.label, method: operation.method, url: `${operation.base}${path}${query.query}`, headers, body: body.bytes, notes };
  });
}
