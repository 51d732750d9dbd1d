import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type pg from 'pg';
import { type AccessWorld, createAccessWorld } from './support/access-fixtures.js';
import { artifactPath } from './support/artifacts.js';
import { describe as describeRequest, FuzzClient, FuzzTally, printable, violations } from './support/fuzz-http.js';
import { type KnownIds, loadOperations, type Operation } from './support/fuzz-openapi.js';
import { castCallers, FOREIGN_CALLERS, type FuzzCaller, isUpload, requestFor } from './support/fuzz-requests.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Every operation of openapi.json, fuzzed: hostile path ids, query parameters, bodies and
 * content types, sent by each role and without a token. Whatever comes in, the answer is below
 * 500 and every refusal is problem+json; a refused request writes nothing. Reproduce a failure
 * with the seed it prints: `FUZZ_SEED=<seed> FUZZ_RUNS=<runs>` (runs per operation).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20241029);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Requests sent by callers without a valid token to each protected operation, before the main run. */
const ANONYMOUS_RUNS = Math.max(2, Math.ceil(RUNS / 6));
/** An operationId whose requests and answers are printed after the run (to see what the generators send). */
const DEBUG = process.env.FUZZ_DEBUG;
const debugLog: string[] = [];
/** Operations fuzzed at the same time (imports included: never enough to fill the import slots). */
const PARALLEL = 4;

/** Per test: generous, the machine running the suite may be loaded (the run itself is bounded by FUZZ_RUNS). */
const TIMEOUT = 10 * 60_000;

describe('fuzzing every operation of openapi.json', () => {
  let t: TestApp;
  let world: AccessWorld;
  let client: FuzzClient;
  let operations: Operation[];
  let known: KnownIds;
  let cast: FuzzCaller[];
  const tally = new FuzzTally();
  const startedAt = Date.now();

  beforeAll(async () => {
    t = await createTestApp();
    world = await createAccessWorld(t);
    client = new FuzzClient((t.app.getHttpServer().address() as AddressInfo).port);
    operations = loadOperations();
    const places = Object.values(world.places);
    // Real rows for path parameters and `…Id` fields, by collection: on both sides of every boundary.
    known = {
      events: places.flatMap((p) => [p.event.id, p.draft.id]),
      agencies: places.map((p) => p.agency.id),
      people: places.map((p) => p.person.id),
      speakers: places.map((p) => p.speaker.id),
      regions: places.map((p) => p.region.id),
      users: places.map((p) => p.user.id),
      invitations: places.map((p) => p.invitation.id),
      rsvp: places.map((p) => p.invitation.token),
      elections: [world.election.id],
    };
    // Collections the world does not seed (routes added later): ids from their list operation, if any.
    for (const collection of collectionsWithoutIds(operations, known)) {
      const response = await t.http().get(`${operations[0].base}/${collection}?limit=10`).set('Authorization', t.adminToken);
      const ids = Array.isArray(response.body?.items) ? (response.body.items as Array<{ id?: unknown }>).map((item) => item.id).filter((id): id is string => typeof id === 'string') : [];
      if (ids.length > 0) known[collection] = ids;
    }
    cast = world.cast.map((c) => ({ label: c.label, authorization: c.token }));
  }, TIMEOUT);

  afterAll(async () => {
    client?.close();
    await world?.close();
    await t?.close();
  });

  const seedOf = (operation: Operation) => {
    let hash = 2166136261;
    for (const char of operation.operationId) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
    return (SEED ^ hash) | 0;
  };

  /** Runs `runs` generated requests against each operation, PARALLEL operations at a time; returns fast-check's reports of failures. */
  async function fuzz(selected: Operation[], callers: (operation: Operation) => fc.Arbitrary<FuzzCaller>, runs: number, extra?: (operation: Operation, status: number) => string[]): Promise<string[]> {
    const failures: string[] = [];
    const queue = [...selected];
    const worker = async () => {
      for (let operation = queue.shift(); operation; operation = queue.shift()) {
        const op = operation;
        const seed = seedOf(op);
        const property = fc.asyncProperty(
          requestFor(op, callers(op), known).map(printable),
          async (request) => {
            const answer = await client.send(request);
            tally.record(op, request, answer);
            if (DEBUG === op.operationId) debugLog.push(`${answer.status} ${describeRequest(request)}\n    → ${answer.body.subarray(0, 300).toString('utf8')}`);
            const found = [...violations(op, answer, request), ...(extra?.(op, answer.status) ?? [])];
            if (found.length > 0) throw new Error(`${found.join('; ')} — answer: ${answer.body.subarray(0, 300).toString('utf8')}`);
          },
        );
        const details = await fc.check(property, { seed, numRuns: runs, interruptAfterTimeLimit: 120_000 });
        if (details.failed) {
          const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push(`${op.method} ${op.path} (${op.operationId}, seed ${seed}): ${error}\n${fc.defaultReportMessage(details)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return failures;
  }

  it('reads the operations from openapi.json, and knows real rows for their ids', () => {
    expect(operations.length).toBeGreaterThanOrEqual(50);
    expect(operations.filter(isUpload).map((o) => o.operationId)).toEqual(expect.arrayContaining(['uploadAssignmentLetter', 'importAgencies', 'importPeople']));
    for (const ids of Object.values(known)) expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  it('refuses every protected operation to callers without a valid token, writing nothing', async () => {
    const protectedOps = operations.filter((o) => !o.public);
    const before = await snapshot(world.db);
    const failures = await fuzz(protectedOps, () => fc.constantFrom(...FOREIGN_CALLERS), ANONYMOUS_RUNS, (_op, status) => (status < 400 ? [`a caller without a valid token got ${status}`] : []));
    expect(failures).toEqual([]);
    // Not a row of any table differs (the tables are small: their whole content is compared).
    expect(await snapshot(world.db)).toEqual(before);
  }, TIMEOUT);

  it('answers every hostile request below 500, and every refusal as problem+json', async () => {
    const failures = await fuzz(operations, () => castCallers(cast), RUNS);
    if (failures.length > 0) console.error(`Fuzz failures (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}):\n\n${failures.join('\n\n')}`);
    expect(failures).toEqual([]);
  }, TIMEOUT);

  it('leaves no audit entry for a refused request, and the app still answers', async () => {
    const refused = [...tally.refusedRequestIds.keys()];
    expect(refused.length).toBeGreaterThan(tally.total / 2);
    const { rows } = await world.db.query<{ request_id: string; action: string; entity: string }>('SELECT request_id, action, entity FROM audit_log WHERE request_id = ANY($1)', [refused]);
    expect(rows.map((row) => `${row.entity} ${row.action} by ${tally.refusedRequestIds.get(row.request_id)}`)).toEqual([]);

    const health = await t.http().get('/api/v1/health');
    expect(health.status).toBe(200);
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', t.adminToken);
    expect(me.status).toBe(200);

    const written = await world.db.query<{ count: string }>("SELECT count(*) FROM audit_log WHERE request_id LIKE 'fuzz-%'");
    const summary = `${tally.summary(SEED, RUNS, (Date.now() - startedAt) / 1000)}\n\nAudit entries written by accepted fuzz requests: ${written.rows[0].count}`;
    writeFileSync(artifactPath('fuzz', 'summary.txt'), `${summary}\n`);
    writeFileSync(artifactPath('fuzz', 'summary.json'), `${JSON.stringify(tally, null, 2)}\n`);
    console.log(summary);
    if (debugLog.length > 0) console.log(`FUZZ_DEBUG=${DEBUG}:\n${debugLog.join('\n')}`);
  });
});

/** Top-level collections (`/pledges/{id}`) with a list operation (`GET /pledges`) but no known ids. */
function collectionsWithoutIds(operations: Operation[], known: KnownIds): string[] {
  const lists = new Set(operations.filter((o) => o.method === 'GET' && /^\/[\w-]+$/.test(o.path)).map((o) => o.path.slice(1)));
  const named = operations.map((o) => /^\/([\w-]+)\/\{/.exec(o.path)?.[1]).filter((c): c is string => c !== undefined);
  return [...new Set(named)].filter((collection) => !known[collection] && lists.has(collection));
}

/** Every table's row count and a digest of its rows. */
async function snapshot(db: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const entries = await Promise.all(
    tables.map(async ({ name }) => {
      const { rows } = await db.query<{ count: string; digest: string }>(`SELECT count(*) AS count, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`);
      return [name, `${rows[0].count} ${rows[0].digest}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

