import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';

/**
 * The engine of the route × role matrix (test/access/): the routes the running app answers,
 * the declarative access rules they must each have, the expected status of every case, and
 * the checks that a refused write changed nothing and that lists hold only rows in reach.
 * The rules themselves are in test/access/route-rules.ts.
 */

export type Role = 'ADMIN' | 'ORGANIZER' | 'VIEWER' | 'CHECKIN' | 'AGENCY_REP';

/** Where a row belongs: its region (null: national, such as an ADMIN user or an election audit entry) and agency. */
export interface Tenancy {
  regionId: string | null;
  agencyId?: string | null;
}

/** One member of the cast: a logged-in user and, independently of the app, the reach DESIGN §1 gives it. */
export interface Caller {
  label: string;
  role: Role;
  token: string;
  userId: string;
  email: string;
  /** Regions within reach; null: every region (ADMIN). */
  regionIds: readonly string[] | null;
  agencyId: string | null;
}

/**
 * How the ids a request names (path, query, body) are scoped, i.e. who reaches them:
 * - `everyone`: no tenancy (reference data, the caller's own account, public pages);
 * - `region`: a region-owned row (events, speakers, regions, users): the caller's regions;
 * - `agency`: an agency-owned row (agencies, people): the caller's regions, and for an AGENCY_REP its own agency only;
 * - `draftEvent`: a DRAFT event: the caller's regions, and only the roles that write events.
 */
export type Scope = 'everyone' | 'region' | 'agency' | 'draftEvent';

const regionReach = (caller: Caller, row: Tenancy) => caller.regionIds === null || (row.regionId !== null && caller.regionIds.includes(row.regionId));

export const REACHES: Record<Scope, (caller: Caller, row: Tenancy) => boolean> = {
  everyone: () => true,
  region: regionReach,
  agency: (caller, row) => regionReach(caller, row) && (caller.role !== 'AGENCY_REP' || row.agencyId === caller.agencyId),
  draftEvent: (caller, row) => regionReach(caller, row) && (caller.role === 'ADMIN' || caller.role === 'ORGANIZER'),
};

// ---------------------------------------------------------------------------------------------
// Places: the same kinds of objects, seeded once on each side of every boundary.

export type PlaceKey = 'own' | 'otherAgency' | 'province' | 'sibling' | 'foreign';

export interface Ref {
  id: string;
  [field: string]: unknown;
}

export interface Place {
  key: PlaceKey;
  label: string;
  region: Ref & { code: string; name: string };
  agency: Ref & { name: string; regionId: string };
  person: Ref;
  speaker: Ref;
  /** A SCHEDULED event. */
  event: Ref & { startsAt: string; endsAt: string };
  /** A DRAFT event. */
  draft: Ref;
  /** A CHECKIN user bound to the place's region. */
  user: Ref;
  /**
   * The invitation of the place's agency (own and otherAgency: both to the own place's event, so
   * that one event's list holds agencies on both sides of the AGENCY_REP boundary), with its RSVP
   * token and a surat tugas uploaded.
   */
  invitation: Ref & { token: string };
  /** A pledge of the place's person, signed outside any event. */
  pledge: Ref & { verificationCode: string };
  /** A cascade session of the place's agency, with its evidence (a PDF) uploaded. */
  cascade: Ref;
}

export const placeTenancy = (place: Place): Tenancy => ({ regionId: place.region.id, agencyId: place.agency.id });

/** Objects created for one case only (a write that must leave exactly that row as it was). */
export type FreshKind = 'agency' | 'person' | 'speaker' | 'event' | 'draftEvent' | 'user' | 'invitation' | 'cascade';
export const FRESH_TABLE: Record<FreshKind, string> = {
  invitation: 'invitations',
  cascade: 'cascades',
  agency: 'agencies',
  person: 'people',
  speaker: 'speakers',
  event: 'events',
  draftEvent: 'events',
  user: 'users',
};

export interface World {
  cast: Caller[];
  places: Record<PlaceKey, Place>;
  election: Ref;
  /** The active pledge template the places' pledges are signed under. */
  pledgeTemplate: Ref;
  /** A signing link of the own place (a person checked in at its event), not used yet. */
  signToken: string;
  /** Another signing link of the own place, signed through: its certificate can be downloaded. */
  signedSignToken: string;
  /** Makes one row of each requested kind in the requested place, each for one case only. */
  fresh(requests: Array<{ kind: FreshKind; place: Place }>): Promise<Ref[]>;
  /** A unique marker for one case, written into what it creates or changes ("mx000042"). */
  marker(): string;
}

// ---------------------------------------------------------------------------------------------
// Rules.

/** What one case sends; `x` is the case's place, fresh object and marker. */
export interface CaseContext {
  world: World;
  place: Place;
  /** The object created for this case when the probe says `fresh`. */
  fresh: Ref;
  marker: string;
}

/** A row a refused write must leave exactly as it was: `SELECT * FROM table WHERE column = value`. */
export interface RowRef {
  table: string;
  where: Record<string, string>;
}

/** One way of calling a route, repeated for every caller and place. */
export interface Probe {
  /** Names the probe in case names when a route has several. */
  name?: string;
  /** Who reaches the ids the request names (see Scope). `everyone` runs one place only. */
  scope: Scope;
  /** The path parameters: one id for the route's only parameter, or one per name. Default: the fresh object. */
  path?: (x: CaseContext) => string | Record<string, string>;
  query?: (x: CaseContext) => Record<string, string | number | boolean>;
  body?: (x: CaseContext) => unknown;
  /** A text/csv body instead of JSON. */
  csv?: (x: CaseContext) => string;
  /** A file as the body (an upload), with its content type. */
  file?: (x: CaseContext) => { contentType: string; bytes: Uint8Array };
  /** A fresh object per case, in the case's place (or always in `place`); the request acts on it. */
  fresh?: FreshKind | { kind: FreshKind; place: PlaceKey };
  /** Rows a refused call must leave unchanged (default: the fresh object's row); an allowed one must change the fresh row. */
  rows?: (x: CaseContext) => RowRef[];
  /** `table.column` an allowed call fills with the case's marker; a refused one creates no such row. */
  creates?: `${string}.${string}`;
  /** A write that changes no row (such as logging in). */
  changesNothing?: true;
  /** The status of an allowed call, when not the method's usual one (GET 200, POST 201, PATCH/PUT 200). */
  ok?: number;
}

/** Every route's rule: who may call it at all (everyone else 403, without a token 401), and its probes. */
export type RouteRule = {
  /** Roles that may call the route; `public` needs no token (and is tried with one token and without). */
  roles: readonly Role[] | 'public';
  /** For list routes: the check that no item is out of the caller's reach. */
  list?: ListCheck;
} & (Probe | { probes: Probe[] } | { /** The name of the grid in the matrix that runs this route's cases instead. */ grid: string });

export function probesOf(rule: RouteRule): Probe[] {
  if ('grid' in rule) return [];
  return 'probes' in rule ? rule.probes : [rule];
}

/** How a list route's items are checked against the caller's reach. */
export interface ListCheck {
  /**
   * The requests to check (filters, `q=`, …), each run by every role the route allows, with
   * `limit=200`. The first must match every seeded row (ADMIN's answer to it is the reference).
   */
  variants: Array<(world: World) => { path?: string | Record<string, string>; query?: Record<string, string | number | boolean> }>;
  /** The scope that decides who may see an item, and where the item belongs. */
  item: (item: Record<string, unknown>, world: World) => Tenancy & { scope: Scope };
  /** The recognisable rows seeded in each place: each role must see exactly those it reaches. */
  seeded: (place: Place) => string[];
  /** The id an item is matched to seeded rows by (default: its `id`). */
  key?: (item: Record<string, unknown>) => string | null;
  /** The items of an answer (default: `items` of a JSON page). */
  items?: (response: Answer) => Array<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------
// The app's routes.

export interface AppRoute {
  method: string;
  path: string;
}

export const routeKey = (route: AppRoute) => `${route.method} ${route.path}`;

/**
 * Every route the Fastify instance answers, from its router (so also routes hidden from the
 * OpenAPI document and routes registered outside Nest). HEAD routes are Fastify's automatic
 * twins of GET routes and follow their rule.
 */
export function appRoutes(app: NestFastifyApplication): AppRoute[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const routes: AppRoute[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, path: stack.join('') });
    }
  }
  return routes.sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** The operations of the OpenAPI document as routes (`{id}` → `:id`), to check the router listing against. */
export function openApiRoutes(document: { servers?: Array<{ url: string }>; paths: Record<string, Record<string, unknown>> }): AppRoute[] {
  // Paths are relative to the document's server (`/api/v1`).
  const base = document.servers?.[0]?.url ?? '';
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), path: `${base}${path.replace(/\{(\w+)\}/g, ':$1')}` })),
  );
}

// ---------------------------------------------------------------------------------------------
// Cases.

export interface Answer {
  status: number;
  body: string;
  contentType: string;
  json(): unknown;
}

export interface Call {
  method: string;
  url: string;
  token?: string;
  body?: unknown;
  csv?: string;
  file?: { contentType: string; bytes: Uint8Array };
}

export type Send = (call: Call) => Promise<Answer>;

/**
 * Sends requests to the app listening on a local port (once for the whole run), over kept-alive
 * connections: the whole stack (router, hooks, guard, pipes, filter) as a client sees it.
 */
export async function listen(app: NestFastifyApplication): Promise<Send> {
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return async (call) => {
    const headers: Record<string, string> = {};
    if (call.token) headers.authorization = call.token;
    let body: string | Blob | undefined;
    if (call.file !== undefined) {
      headers['content-type'] = call.file.contentType;
      body = new Blob([call.file.bytes as Uint8Array<ArrayBuffer>]);
    } else if (call.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = call.csv;
    } else if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const response = await fetch(base + call.url, { method: call.method, headers, body, redirect: 'manual' });
    const text = await response.text();
    return {
      status: response.status,
      body: text,
      contentType: response.headers.get('content-type') ?? '',
      json: () => JSON.parse(text) as unknown,
    };
  };
}

export function buildUrl(pattern: string, params: string | Record<string, string> | undefined, query?: Record<string, string | number | boolean>): string {
  const names = [...pattern.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const values = typeof params === 'string' ? { [names[0]]: params } : (params ?? {});
  const missing = names.filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`${pattern}: the rule gives no value for ${missing.map((n) => `:${n}`).join(', ')} (add \`path\` or \`fresh\`)`);
  const path = pattern.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => encodeURIComponent(values[name ?? '*']).replaceAll('%2F', '/'));
  const search = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

export function defaultOk(method: string): number {
  return method === 'POST' ? 201 : 200;
}

/** The status DESIGN §1 promises: 401 without a token, 403 for a role that may not use the route, 404 out of reach. */
export function expectedStatus(rule: RouteRule, probe: Probe, method: string, caller: Caller | null, row: Tenancy): number {
  const ok = probe.ok ?? defaultOk(method);
  if (rule.roles === 'public') return ok;
  if (!caller) return 401;
  if (!rule.roles.includes(caller.role)) return 403;
  return REACHES[probe.scope](caller, row) ? ok : 404;
}

const PROBLEM = /^application\/problem\+json/;

/** A mismatch, in words a reader can act on; null when the answer is the expected one. */
export function mismatch(name: string, expected: number, answer: Answer): string | null {
  if (answer.status === expected && (expected < 400 || PROBLEM.test(answer.contentType))) return null;
  const why = answer.status === expected ? `not application/problem+json but ${answer.contentType}` : `got ${answer.status}`;
  return `${name}: expected ${expected}, ${why} — ${answer.body.slice(0, 200)}`;
}

// ---------------------------------------------------------------------------------------------
// Rows: what a refused write must leave alone.

export async function snapshot(db: pg.Pool, rows: RowRef[]): Promise<string> {
  const parts: string[] = [];
  for (const row of rows) {
    const columns = Object.keys(row.where);
    const where = columns.map((column, i) => `"${column}" = $${i + 1}`).join(' AND ');
    const result = await db.query<{ row: string }>(`SELECT to_jsonb(x)::text AS row FROM "${row.table}" x WHERE ${where} ORDER BY 1`, Object.values(row.where));
    parts.push(`${row.table}: ${result.rows.map((r) => r.row).join(', ')}`);
  }
  return parts.join('\n');
}

export async function countMarked(db: pg.Pool, creates: string, marker: string): Promise<number> {
  const [table, column] = creates.split('.');
  const result = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`, [marker]);
  return result.rows[0].n;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Throws one error listing every mismatch, so a failing route shows all its failing cases at once. */
export function assertNoMismatches(what: string, failures: Array<string | null>): void {
  const real = failures.filter((f): f is string => f !== null);
  if (real.length > 0) throw new Error(`${what}: ${real.length} case(s) failed\n  ${real.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// Running a route's rule.

export interface RunContext {
  send: Send;
  world: World;
  db: pg.Pool;
}

export interface RunResult {
  cases: number;
  failures: string[];
}

interface RouteCase {
  name: string;
  probe: Probe;
  caller: Caller | null;
  place: Place;
  expected: number;
  call: Call;
  rows: RowRef[];
  before: string;
  marker: string;
}

const PARALLEL = 16;

/**
 * Every case of one route: each probe × each caller × each place (one place when the scope is
 * `everyone`), plus one call without a token. Writes run refused cases first, check that they
 * left their rows as they were and created nothing, then run the allowed ones and check that
 * those did write.
 */
export async function runRoute(ctx: RunContext, key: string, rule: RouteRule): Promise<RunResult> {
  const [method, pattern] = key.split(' ');
  const writes = method !== 'GET';
  const places = Object.values(ctx.world.places);
  const plans = probesOf(rule).flatMap((probe) => {
    if (writes && !probe.fresh && !probe.rows && !probe.creates && !probe.changesNothing) {
      throw new Error(`${key}: a write's rule must say what it writes (fresh, rows, creates or changesNothing) so that a refused call can be checked`);
    }
    const targets = probe.scope === 'everyone' ? [ctx.world.places.own] : places;
    // A public route ignores who calls: one token and none.
    const callers: Array<Caller | null> = rule.roles === 'public' ? [ctx.world.cast[0]] : ctx.world.cast;
    return [
      ...callers.flatMap((caller) => targets.map((place) => ({ probe, caller, place }))),
      { probe, caller: null, place: ctx.world.places.own },
    ].map((plan) => {
      const fresh = typeof probe.fresh === 'string' ? { kind: probe.fresh, place: plan.place.key } : probe.fresh;
      return { ...plan, fresh: fresh && { kind: fresh.kind, place: ctx.world.places[fresh.place] } };
    });
  });
  const freshRows = await ctx.world.fresh(plans.flatMap((plan) => (plan.fresh ? [plan.fresh] : [])));
  let made = 0;
  const withRows = plans.map((plan) => ({ ...plan, row: plan.fresh ? freshRows[made++] : { id: '' } }));

  const cases = await inParallel(withRows, PARALLEL, async ({ probe, caller, place, fresh: freshSpec, row: fresh }): Promise<RouteCase> => {
    const x: CaseContext = { world: ctx.world, place, fresh, marker: ctx.world.marker() };
    const rows = probe.rows?.(x) ?? (freshSpec ? [{ table: FRESH_TABLE[freshSpec.kind], where: { id: fresh.id } }] : []);
    const name = [
      key + (probe.name ? ` [${probe.name}]` : ''),
      caller ? caller.label : 'no token',
      ...(probe.scope === 'everyone' ? [] : [place.label]),
    ].join(' · ');
    return {
      name,
      probe,
      caller,
      place,
      marker: x.marker,
      expected: expectedStatus(rule, probe, method, caller, placeTenancy(place)),
      call: {
        method,
        url: buildUrl(pattern, probe.path?.(x) ?? (freshSpec ? fresh.id : undefined), probe.query?.(x)),
        token: caller?.token,
        body: probe.body?.(x),
        csv: probe.csv?.(x),
        file: probe.file?.(x),
      },
      rows,
      before: writes ? await snapshot(ctx.db, rows) : '',
    };
  });

  const failures: string[] = [];
  const run = async (batch: RouteCase[]) => {
    // A caller may run only a couple of CSV imports at once (ImportSlots): send those one by one.
    const answers = await inParallel(batch, batch.some((c) => c.call.csv !== undefined) ? 1 : PARALLEL, (c) => ctx.send(c.call));
    for (const [i, c] of batch.entries()) {
      const failure = mismatch(c.name, c.expected, answers[i]);
      if (failure) failures.push(failure);
    }
    if (!writes) return;
    for (const c of batch) {
      const refused = c.expected >= 400;
      if (c.probe.creates) {
        const created = await countMarked(ctx.db, c.probe.creates, c.marker);
        const wanted = refused ? 0 : 1;
        if (created !== wanted) failures.push(`${c.name}: ${refused ? 'refused, yet it' : 'it'} left ${created} row(s) in ${c.probe.creates} carrying its marker ${c.marker}, expected ${wanted}`);
      }
      if (c.rows.length === 0) continue;
      const after = await snapshot(ctx.db, c.rows);
      if (refused && after !== c.before) failures.push(`${c.name}: refused, yet it changed\n    before ${c.before}\n    after  ${after}`);
      if (!refused && c.probe.fresh && after === c.before) failures.push(`${c.name}: answered ${c.expected} but changed nothing in ${c.rows.map((r) => r.table).join(', ')}`);
    }
  };
  // Refused writes first: rows shared by several cases (such as a region) are still untouched.
  await run(cases.filter((c) => c.expected >= 400));
  await run(cases.filter((c) => c.expected < 400));
  return { cases: cases.length, failures };
}

/**
 * Every variant of a list, for every role the route allows: each item must be within the
 * caller's reach, and of the seeded rows the caller must see exactly those it reaches (ADMIN's
 * answer to the same request says which seeded rows match it).
 */
export async function checkList(ctx: RunContext, key: string, rule: RouteRule & { list: ListCheck }): Promise<RunResult & { items: number }> {
  const [method, pattern] = key.split(' ');
  const list = rule.list;
  const callers = rule.roles === 'public' ? ctx.world.cast : ctx.world.cast.filter((c) => (rule.roles as readonly Role[]).includes(c.role));
  const admin = callers.find((c) => c.role === 'ADMIN');
  if (!admin) throw new Error(`${key}: a list check needs ADMIN among the roles, as the reference`);
  const keyOf = list.key ?? ((i: Record<string, unknown>) => String(i.id));
  const seeded = new Set(Object.values(ctx.world.places).flatMap(list.seeded));
  const failures: string[] = [];
  let cases = 0;
  let items = 0;

  for (const [v, variant] of list.variants.entries()) {
    const request = variant(ctx.world);
    const url = buildUrl(pattern, request.path, { limit: 200, ...request.query });
    const answers = await Promise.all(callers.map((caller) => ctx.send({ method, url, token: caller.token })));
    cases += answers.length;
    const seen = new Map<Caller, Array<Record<string, unknown>>>();
    for (const [i, caller] of callers.entries()) {
      const name = `${method} ${url} · ${caller.label}`;
      const answer = answers[i];
      const failure = mismatch(name, 200, answer);
      if (failure) {
        failures.push(failure);
        continue;
      }
      const found = list.items ? list.items(answer) : (answer.json() as { items: Array<Record<string, unknown>> }).items;
      const total = list.items ? found.length : (answer.json() as { total: number }).total;
      if (total !== found.length) failures.push(`${name}: ${total} rows match but only ${found.length} came back; narrow the variant so that one page holds them all`);
      items += found.length;
      for (const row of found) {
        const tenancy = list.item(row, ctx.world);
        if (!REACHES[tenancy.scope](caller, tenancy)) {
          failures.push(`${name}: holds ${keyOf(row)} of ${ctxRegion(ctx, tenancy.regionId)}${tenancy.agencyId ? `, agency ${tenancy.agencyId}` : ''}, out of reach (${tenancy.scope})`);
        }
      }
      seen.set(caller, found);
    }
    const reference = (seen.get(admin) ?? []).filter((row) => seeded.has(keyOf(row) ?? ''));
    if (v === 0) {
      const missing = [...seeded].filter((id) => !reference.some((row) => keyOf(row) === id));
      if (missing.length > 0) failures.push(`${method} ${url} · ADMIN: misses seeded rows ${missing.join(', ')}`);
    }
    for (const [caller, found] of seen) {
      const expected = new Set(reference.filter((row) => REACHES[list.item(row, ctx.world).scope](caller, list.item(row, ctx.world))).map(keyOf));
      const actual = new Set(found.map(keyOf).filter((id) => seeded.has(id ?? '')));
      const missing = [...expected].filter((id) => !actual.has(id));
      if (missing.length > 0) failures.push(`${method} ${url} · ${caller.label}: misses rows within its reach: ${missing.join(', ')}`);
    }
  }
  return { cases, items, failures };
}

function ctxRegion(ctx: RunContext, regionId: string | null): string {
  const place = Object.values(ctx.world.places).find((p) => p.region.id === regionId);
  return regionId === null ? 'no region' : place ? String(place.region.name) : `region ${regionId}`;
}
