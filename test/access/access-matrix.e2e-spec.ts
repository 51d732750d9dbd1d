import { createAccessWorld, type AccessWorld } from '../support/access-fixtures.js';
import {
  appRoutes,
  assertNoMismatches,
  type Caller,
  checkList,
  countMarked,
  inParallel,
  mismatch,
  openApiRoutes,
  type Place,
  type PlaceKey,
  placeTenancy,
  REACHES,
  type Role,
  type RunContext,
  routeKey,
  runRoute,
  snapshot,
} from '../support/access-matrix.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ROUTE_RULES } from './route-rules.js';

/**
 * The route × role matrix: every route of the running app has a rule in route-rules.ts, and
 * every rule is run for every role of the cast against objects on each side of every
 * boundary (DESIGN §1: 401 without a token, 403 for a role that may not use the route, 404
 * across a tenant boundary). Refused writes must change nothing; lists must hold nothing out
 * of reach. The role × target-role rules of user management have their own grid below.
 */
/** For the steps that hash passwords: argon2 on two cores shared with other suites can take a while. */
const SLOW = 180_000;

describe('access matrix', () => {
  let t: TestApp;
  let world: AccessWorld;
  let ctx: RunContext;
  const tally = { cases: 0, items: 0, started: 0 };

  beforeAll(async () => {
    tally.started = Date.now();
    t = await createTestApp();
    world = await createAccessWorld(t);
    ctx = { send: world.send, world, db: world.db };
  }, SLOW);
  afterAll(async () => {
    console.log(`access matrix: ${tally.cases} cases (requests checked), ${tally.items} list items checked, in ${((Date.now() - tally.started) / 1000).toFixed(1)} s`);
    await world?.close();
    await t?.close();
  });

  it('has an access rule for every route the app answers, and none for routes it does not', async () => {
    const routes = appRoutes(t.app).map(routeKey);
    const missing = routes.filter((route) => !(route in ROUTE_RULES));
    const stale = Object.keys(ROUTE_RULES).filter((rule) => !routes.includes(rule));
    const problems = [
      ...missing.map((route) => `${route} has no access rule: add one to test/access/route-rules.ts (docs/ARCHITECTURE.md, Tests, says how)`),
      ...stale.map((rule) => `${rule} is in test/access/route-rules.ts but the app has no such route`),
    ];
    if (problems.length > 0) throw new Error(problems.join('\n'));
    // The router listing is parsed from text: the OpenAPI document proves it holds every documented route.
    const documented = openApiRoutes((await world.send({ method: 'GET', url: '/api/docs-json' })).json() as { servers: Array<{ url: string }>; paths: Record<string, Record<string, unknown>> });
    expect(documented.map(routeKey).filter((route) => !routes.includes(route))).toEqual([]);
    expect(documented.length).toBeGreaterThan(30);
    tally.cases += 1;
  });

  // Lists first: the write cases below add rows.
  describe('lists and searches hold only rows within the caller\'s reach', () => {
    const lists = Object.entries(ROUTE_RULES).filter(([, rule]) => rule.list);
    it.each(lists.map(([key]) => key))('%s', async (key) => {
      const result = await checkList(ctx, key, ROUTE_RULES[key] as Parameters<typeof checkList>[2]);
      tally.cases += result.cases;
      tally.items += result.items;
      assertNoMismatches(key, result.failures);
    });
  });

  describe('every route × every role × own / other agency / province above / sibling region / other province / no token', () => {
    it.each(Object.keys(ROUTE_RULES).filter((key) => !('grid' in ROUTE_RULES[key])))('%s', async (key) => {
      const result = await runRoute(ctx, key, ROUTE_RULES[key]);
      tally.cases += result.cases;
      assertNoMismatches(key, result.failures);
    });
  });

  /**
   * Who may create, rename, reset the password of, deactivate, or change the role of which
   * user: ADMIN everyone; an ORGANIZER only AGENCY_REP and CHECKIN users within its reach
   * (403 for other roles in reach, 404 outside); the other roles nobody (403).
   */
  describe('user management: caller role × target role × place × action', () => {
    const GRID_ROUTES = ['POST /api/v1/users', 'PATCH /api/v1/users/:id'];
    type Action = 'create' | 'rename' | 'resetPassword' | 'deactivate' | 'changeRole' | 'promote' | 'moveAway';
    const ACTIONS: Action[] = ['create', 'rename', 'resetPassword', 'deactivate', 'changeRole', 'promote', 'moveAway'];
    const MANAGED_BY_ORGANIZER: readonly Role[] = ['AGENCY_REP', 'CHECKIN'];
    const TARGET_PLACES: PlaceKey[] = ['own', 'province', 'sibling', 'foreign'];

    interface Target {
      role: Role;
      /** null: an ADMIN, bound to nothing. */
      place: Place | null;
    }

    function allTargets(): Target[] {
      return [
        { role: 'ADMIN', place: null },
        ...(['ORGANIZER', 'VIEWER', 'CHECKIN', 'AGENCY_REP'] as Role[]).flatMap((role) => TARGET_PLACES.map((key) => ({ role, place: world.places[key] }))),
      ];
    }

    /**
     * A password costs an argon2 hash (a tenth of a second of a core, several on a busy one)
     * before any check runs, so the two actions that carry one skip targets that add no new
     * boundary. ADMIN, which may manage anyone anywhere, tries them on an ADMIN and an ORGANIZER.
     * An ORGANIZER creates each role in the own place, a sibling region and another province,
     * and resets the password of each role in the own place and of a user of another province.
     * Reach itself is the same lookup for every change, tried on every place by the other actions.
     */
    function targetsOf(caller: Caller | null, action: Action): Target[] {
      const targets = allTargets();
      const at = (...keys: PlaceKey[]) => targets.filter((target) => target.place === null || keys.includes(target.place.key));
      const hashes = action === 'create' || action === 'resetPassword';
      if (!caller) return targets.filter((target) => target.role === 'CHECKIN' && target.place?.key === 'own');
      if (hashes && caller.role === 'ADMIN') return at('own').filter((target) => target.role === 'ADMIN' || target.role === 'ORGANIZER');
      if (action === 'create') return at('own', 'sibling', 'foreign');
      if (action === 'resetPassword') return [...at('own'), ...targets.filter((target) => target.role === 'CHECKIN' && target.place?.key === 'foreign')];
      // An ADMIN has no binding to move.
      if (action === 'moveAway') return targets.filter((target) => target.place !== null);
      return targets;
    }

    function binding(role: Role, place: Place): Record<string, string> {
      if (role === 'ADMIN') return {};
      return role === 'AGENCY_REP' ? { agencyId: place.agency.id } : { regionId: place.region.id };
    }

    function request(action: Action, target: Target, marker: string): { method: string; body: Record<string, unknown> } {
      const place = target.place ?? world.places.own;
      switch (action) {
        case 'create':
          return { method: 'POST', body: { email: `${marker}@matrix.test`, fullName: `Pengguna ${marker}`, password: 'new-password-123', role: target.role, ...binding(target.role, place) } };
        case 'rename':
          return { method: 'PATCH', body: { fullName: `Pengguna ${marker}` } };
        case 'resetPassword':
          return { method: 'PATCH', body: { password: `reset-${marker}` } };
        case 'deactivate':
          return { method: 'PATCH', body: { active: false } };
        case 'changeRole': {
          const role: Role = target.role === 'CHECKIN' ? 'AGENCY_REP' : 'CHECKIN';
          return { method: 'PATCH', body: { role, ...binding(role, place) } };
        }
        // Both rename too, so that an allowed call changes the user even where the role or the
        // binding asked for is the one it has (a no-op PATCH writes nothing).
        case 'promote':
          return { method: 'PATCH', body: { role: 'ORGANIZER', regionId: place.region.id, fullName: `Pengguna ${marker}` } };
        case 'moveAway':
          // The body's region or agency is scoped too: another province's, which only ADMIN reaches.
          return { method: 'PATCH', body: { ...binding(target.role, world.places.foreign), fullName: `Pengguna ${marker}` } };
      }
    }

    function expected(caller: Caller | null, action: Action, target: Target): number {
      const ok = action === 'create' ? 201 : 200;
      if (!caller) return 401;
      if (caller.role === 'ADMIN') return ok;
      if (caller.role !== 'ORGANIZER') return 403;
      const inReach = target.place !== null && REACHES.region(caller, placeTenancy(target.place));
      // A create names the role first (403), then the region (404); a change finds the user first.
      if (action === 'create') return !MANAGED_BY_ORGANIZER.includes(target.role) ? 403 : inReach ? ok : 404;
      if (!inReach) return 404;
      if (!MANAGED_BY_ORGANIZER.includes(target.role) || action === 'promote') return 403;
      return action === 'moveAway' ? 404 : ok;
    }

    it('runs the user routes the rules hand to it', () => {
      expect(Object.keys(ROUTE_RULES).filter((key) => 'grid' in ROUTE_RULES[key])).toEqual(GRID_ROUTES);
    });

    it('ADMIN manages every user; an ORGANIZER only AGENCY_REP and CHECKIN users in its reach; nobody else anyone', async () => {
      const plans = [...world.cast, null].flatMap((caller) => ACTIONS.flatMap((action) => targetsOf(caller, action).map((target) => ({ caller, action, target }))));
      const patches = plans.filter((plan) => plan.action !== 'create');
      const userIds = await world.insertUsers(
        patches.map(({ target }) => ({
          role: target.role,
          regionId: target.place?.region.id ?? null,
          agencyId: target.role === 'AGENCY_REP' ? target.place!.agency.id : null,
          name: `Target ${target.role}`,
        })),
      );
      const cases = await inParallel(plans, 16, async (plan) => {
        const marker = world.marker();
        const userId = plan.action === 'create' ? null : userIds[patches.indexOf(plan)];
        const { method, body } = request(plan.action, plan.target, marker);
        const rows = userId ? [{ table: 'users', where: { id: userId } }] : [];
        const where = plan.target.place ? `${plan.target.role} of ${plan.target.place.region.name}${plan.target.place.key === 'own' ? ' (own region)' : ''}` : 'an ADMIN';
        return {
          ...plan,
          marker,
          rows,
          name: `${GRID_ROUTES[plan.action === 'create' ? 0 : 1]} · ${plan.caller?.label ?? 'no token'} · ${plan.action} · ${where}`,
          status: expected(plan.caller, plan.action, plan.target),
          call: { method, url: userId ? `/api/v1/users/${userId}` : '/api/v1/users', token: plan.caller?.token, body },
          before: await snapshot(world.db, rows),
        };
      });
      const answers = await inParallel(cases, 16, (c) => world.send(c.call));
      const failures = await inParallel([...cases.entries()], 4, async ([i, c]) => {
        const problems = [mismatch(c.name, c.status, answers[i])];
        const refused = c.status >= 400;
        if (c.action === 'create') {
          const created = await countMarked(world.db, 'users.email', c.marker);
          if (created !== (refused ? 0 : 1)) problems.push(`${c.name}: ${created} user(s) created, expected ${refused ? 0 : 1}`);
          return problems;
        }
        const after = await snapshot(world.db, c.rows);
        if (refused && after !== c.before) problems.push(`${c.name}: refused, yet the user changed\n    before ${c.before}\n    after  ${after}`);
        if (!refused && after === c.before) problems.push(`${c.name}: answered ${c.status} but the user did not change`);
        return problems;
      });
      tally.cases += cases.length;
      assertNoMismatches('user management', failures.flat());
    }, SLOW);
  });
});
