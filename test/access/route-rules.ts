import { CAST_PASSWORD, MATRIX_PDF } from '../support/access-fixtures.js';
import type { Answer, CaseContext, Role, RouteRule, RowRef, Scope, Tenancy, World } from '../support/access-matrix.js';

/**
 * The access rule of every route the app answers. The matrix (access-matrix.e2e-spec.ts) fails
 * for a route that has no entry here, and runs each entry for every role of the cast against
 * objects in every place (own, other agency of the same region, the province above, a sibling
 * region, another province) and without a token.
 *
 * An entry says:
 * - `roles`: who may call the route at all (everyone else gets 403, no token 401), or `'public'`;
 * - `scope`: how the ids the request names are scoped — `region`, `agency` (an AGENCY_REP: its
 *   own agency only), `draftEvent`, or `everyone` (reference data, own account, public);
 * - the request, built from the case's place `x.place` (its region, agency, person, speaker,
 *   event, draft, user), a `fresh` object created for the case, and a unique `x.marker`;
 * - for a write, what it writes: `fresh` (that row must stay as it was when the call is refused,
 *   and change when allowed), `rows`, or `creates: 'table.column'` (the marker must appear in
 *   exactly one row when allowed and in none when refused);
 * - for a list, `list`: the filters and searches whose every item must be within the caller's reach.
 * A route with several ways of naming ids (path, query, body) has several `probes`.
 */

const EVERYONE: readonly Role[] = ['ADMIN', 'ORGANIZER', 'VIEWER', 'CHECKIN', 'AGENCY_REP'];
const WRITERS: readonly Role[] = ['ADMIN', 'ORGANIZER'];
const ADMIN: readonly Role[] = ['ADMIN'];
const INVITATION_READERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP'];
const INVITATION_ANSWERERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'AGENCY_REP'];
/** Door check-in and attendance: organizers and the door staff of the region. */
const DOOR: readonly Role[] = ['ADMIN', 'ORGANIZER', 'CHECKIN'];
/** Pledges are signed at the venue (a tablet at the door too) and by an agency for its own people. */
const PLEDGE_SIGNERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP'];
const PLEDGE_READERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP'];

const allPlaces = (world: World) => Object.values(world.places);
/** A list item: where it belongs, and the scope that decides who may see it. */
const item = (scope: Scope, tenancy: Tenancy) => ({ scope, ...tenancy });
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** The events of an iCalendar feed, by their `UID:<id>@netralitas`. */
function calendarItems(answer: Answer): Array<Record<string, unknown>> {
  return [...answer.body.matchAll(/^UID:([0-9a-f-]{36})@/gm)].map((m) => ({ id: m[1] }));
}

/** The reads of an event's door: the scheduled event of the place, and its draft (organizers only). */
const eventProbes = () => [
  { name: 'scheduled', scope: 'region' as const, path: (x: CaseContext) => x.place.event.id },
  { name: 'draft', scope: 'draftEvent' as const, path: (x: CaseContext) => x.place.draft.id },
];

/** One offline scan of the place's person, marked with the case's marker. */
const batchOf = (x: CaseContext) => ({ items: [{ clientCheckinId: x.marker, checkedInAt: new Date().toISOString(), deviceId: x.marker, personId: x.place.person.id }] });

export const ROUTE_RULES: Record<string, RouteRule> = {
  // --- platform -------------------------------------------------------------------------------
  'GET /api/v1/health': { roles: 'public', scope: 'everyone' },
  'GET /api/v1/health/ready': { roles: 'public', scope: 'everyone' },
  'POST /api/v1/auth/login': {
    roles: 'public',
    scope: 'everyone',
    ok: 200,
    changesNothing: true,
    body: (x) => ({ email: x.world.cast[3].email, password: CAST_PASSWORD }),
  },
  'GET /api/v1/auth/me': { roles: EVERYONE, scope: 'everyone' },
  'GET /api/docs': { roles: 'public', scope: 'everyone' },
  'GET /api/docs/': { roles: 'public', scope: 'everyone' },
  'GET /api/docs/*': { roles: 'public', scope: 'everyone', path: () => ({ '*': 'swagger-ui.css' }) },
  // @nestjs/swagger registers it to answer 404, so the static files never serve the UI's license.
  'GET /api/docs/LICENSE': { roles: 'public', scope: 'everyone', ok: 404 },
  'GET /api/docs/index.html': { roles: 'public', scope: 'everyone' },
  'GET /api/docs/swagger-ui-init.js': { roles: 'public', scope: 'everyone' },
  'GET /api/docs/docs/swagger-ui-init.js': { roles: 'public', scope: 'everyone' },
  'GET /api/docs-json': { roles: 'public', scope: 'everyone' },
  'GET /api/docs-yaml': { roles: 'public', scope: 'everyone' },
  // The stylesheet and scripts of the pages for people.
  'GET /api/v1/assets/:name': { roles: 'public', scope: 'everyone', path: () => ({ name: 'pages.css' }) },

  'GET /api/v1/audit-log': {
    roles: WRITERS,
    scope: 'everyone',
    list: {
      variants: [() => ({}), () => ({ query: { entity: 'agency' } }), () => ({ query: { entity: 'event' } }), (w) => ({ query: { entityId: w.places.foreign.agency.id } })],
      item: (entry) => item('region', { regionId: str(entry.regionId) }),
      seeded: (p) => [p.agency.id, p.event.id, p.draft.id, p.person.id, p.speaker.id],
      key: (entry) => str(entry.entityId),
    },
  },

  // --- regions --------------------------------------------------------------------------------
  'GET /api/v1/regions': {
    roles: EVERYONE,
    scope: 'everyone',
    list: {
      variants: [() => ({}), () => ({ query: { q: 'Kota' } }), () => ({ query: { level: 'CITY' } }), (w) => ({ query: { parentId: w.places.province.region.id } })],
      item: (region) => item('region', { regionId: str(region.id) }),
      seeded: (p) => [p.region.id],
    },
  },
  'POST /api/v1/regions': {
    roles: ADMIN,
    scope: 'everyone',
    creates: 'regions.name',
    body: (x) => ({ code: `35.${String(10 + (Number(x.marker.slice(2)) % 60)).padStart(2, '0')}`, name: `Kabupaten ${x.marker}`, level: 'REGENCY', timezone: 'Asia/Jakarta' }),
  },
  'GET /api/v1/regions/:id': { roles: EVERYONE, scope: 'region', path: (x) => x.place.region.id },
  // Every role reads the office of a region it reaches (its documents and pages print it).
  'GET /api/v1/regions/:id/office': { roles: EVERYONE, scope: 'region', path: (x) => x.place.region.id },
  'PUT /api/v1/regions/:id/office': {
    roles: WRITERS,
    scope: 'region',
    path: (x) => x.place.region.id,
    body: (x) => ({
      government: 'PEMERINTAH KOTA MATRIX',
      name: `BADAN KESATUAN BANGSA DAN POLITIK ${x.marker}`,
      address: 'Jalan Matrix 1',
      city: 'Matrix',
      signatory: { name: 'Kepala Matrix', position: 'Kepala Badan' },
    }),
    rows: (x) => [{ table: 'region_offices', where: { region_id: x.place.region.id } }],
  },
  'PATCH /api/v1/regions/:id': {
    roles: ADMIN,
    scope: 'region',
    path: (x) => x.place.region.id,
    // The place's own region: an allowed call rewrites the same name, a refused one must not even touch the row.
    body: (x) => ({ name: x.place.region.name }),
    rows: (x) => [{ table: 'regions', where: { id: x.place.region.id } }],
  },
  'GET /api/v1/regions/:id/events.ics': {
    roles: EVERYONE,
    scope: 'region',
    path: (x) => x.place.region.id,
    list: {
      // The feed of Kota Batu, which every role reaches; other regions' feeds are 404s (the probe above).
      variants: [(w) => ({ path: w.places.own.region.id })],
      items: calendarItems,
      item: (event, w) => {
        const place = allPlaces(w).find((p) => p.event.id === event.id || p.draft.id === event.id);
        if (!place) throw new Error(`the feed holds event ${String(event.id)}, which the fixtures did not create`);
        return item(place.draft.id === event.id ? 'draftEvent' : 'region', { regionId: place.region.id });
      },
      seeded: (p) => (p.key === 'own' || p.key === 'otherAgency' ? [p.event.id, p.draft.id] : []),
    },
  },

  // --- users (the role × target-role rules are in the matrix's user-management block) ---------
  'GET /api/v1/users': {
    roles: WRITERS,
    scope: 'region',
    query: (x) => ({ regionId: x.place.region.id }),
    list: {
      variants: [() => ({ query: { q: 'Matrix' } }), () => ({}), () => ({ query: { role: 'CHECKIN' } }), (w) => ({ query: { regionId: w.places.own.region.id } })],
      item: (user) => item('region', { regionId: str(user.regionId) }),
      seeded: (p) => [p.user.id],
    },
  },
  // Who may create and change which user depends on the target's role too: the matrix's
  // user-management grid runs these two (caller role × target role × place × action).
  'POST /api/v1/users': { roles: WRITERS, grid: 'user management' },
  'GET /api/v1/users/:id': { roles: WRITERS, scope: 'region', path: (x) => x.place.user.id },
  'PATCH /api/v1/users/:id': { roles: WRITERS, grid: 'user management' },

  // --- agencies -------------------------------------------------------------------------------
  'GET /api/v1/agencies': {
    roles: EVERYONE,
    scope: 'region',
    query: (x) => ({ regionId: x.place.region.id }),
    list: {
      variants: [() => ({ query: { q: 'Matrix' } }), () => ({}), () => ({ query: { category: 'OPD' } }), (w) => ({ query: { regionId: w.places.own.region.id, q: 'dinas' } })],
      item: (agency) => item('agency', { regionId: str(agency.regionId), agencyId: str(agency.id) }),
      seeded: (p) => [p.agency.id],
    },
  },
  'POST /api/v1/agencies': {
    roles: WRITERS,
    scope: 'region',
    creates: 'agencies.name',
    body: (x) => ({ regionId: x.place.region.id, name: `Dinas ${x.marker}`, category: 'OPD' }),
  },
  'POST /api/v1/agencies/import': {
    roles: WRITERS,
    scope: 'region',
    ok: 200,
    creates: 'agencies.name',
    query: (x) => ({ regionId: x.place.region.id }),
    csv: (x) => `name,category\nDinas ${x.marker},OPD\n`,
  },
  'GET /api/v1/agencies/:id': { roles: EVERYONE, scope: 'agency', path: (x) => x.place.agency.id },
  'PATCH /api/v1/agencies/:id': { roles: WRITERS, scope: 'agency', fresh: 'agency', body: (x) => ({ headTitle: `Kepala ${x.marker}` }) },

  // --- people ---------------------------------------------------------------------------------
  'GET /api/v1/people': {
    roles: ['ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP'],
    probes: [
      { name: 'regionId filter', scope: 'region', query: (x) => ({ regionId: x.place.region.id }) },
      { name: 'agencyId filter', scope: 'agency', query: (x) => ({ agencyId: x.place.agency.id }) },
    ],
    list: {
      variants: [
        () => ({ query: { q: 'Matrix' } }),
        () => ({}),
        () => ({ query: { q: '1960' } }),
        () => ({ query: { employmentType: 'PNS' } }),
        (w) => ({ query: { regionId: w.places.own.region.id } }),
        (w) => ({ query: { agencyId: w.places.own.agency.id, q: 'orang' } }),
      ],
      item: (person) => item('agency', { regionId: str(person.regionId), agencyId: str(person.agencyId) }),
      seeded: (p) => [p.person.id],
    },
  },
  'POST /api/v1/people': {
    roles: ['ADMIN', 'ORGANIZER', 'AGENCY_REP'],
    scope: 'agency',
    creates: 'people.full_name',
    body: (x) => ({ agencyId: x.place.agency.id, fullName: `Orang ${x.marker}`, employmentType: 'NON_ASN' }),
  },
  'POST /api/v1/people/import': {
    roles: WRITERS,
    scope: 'region',
    ok: 200,
    creates: 'people.full_name',
    query: (x) => ({ regionId: x.place.region.id }),
    csv: (x) => `fullName,employmentType,agency\nOrang ${x.marker},NON_ASN,${x.place.agency.name}\n`,
  },
  'GET /api/v1/people/:id': { roles: ['ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP'], scope: 'agency', path: (x) => x.place.person.id },
  'PATCH /api/v1/people/:id': {
    roles: ['ADMIN', 'ORGANIZER', 'AGENCY_REP'],
    probes: [
      { name: 'the person', scope: 'agency', fresh: 'person', body: (x) => ({ position: `Staf ${x.marker}` }) },
      // The body's agencyId is scoped too: an own person moved to the place's agency (with a new
      // position, so that an allowed call changes the row even where the agency is its own).
      { name: 'moved to the agency', scope: 'agency', fresh: { kind: 'person', place: 'own' }, body: (x) => ({ agencyId: x.place.agency.id, position: `Staf ${x.marker}` }) },
    ],
  },

  // --- elections (national reference data) ----------------------------------------------------
  'GET /api/v1/elections': {
    roles: EVERYONE,
    scope: 'everyone',
    list: { variants: [() => ({}), () => ({ query: { q: 'Matrix' } })], item: () => item('everyone', { regionId: null }), seeded: () => [] },
  },
  'POST /api/v1/elections': {
    roles: ADMIN,
    scope: 'everyone',
    creates: 'elections.name',
    body: (x) => ({ name: `Pilkada ${x.marker}`, type: 'PILWALI', votingDate: '2024-11-27' }),
  },
  'GET /api/v1/elections/:id': { roles: EVERYONE, scope: 'everyone', path: (x) => x.world.election.id },

  // --- speakers -------------------------------------------------------------------------------
  'GET /api/v1/speakers': {
    roles: ['ADMIN', 'ORGANIZER', 'VIEWER'],
    scope: 'region',
    query: (x) => ({ regionId: x.place.region.id }),
    list: {
      variants: [() => ({ query: { q: 'Matrix' } }), () => ({}), (w) => ({ query: { regionId: w.places.own.region.id, q: 'narasumber' } })],
      item: (speaker) => item('region', { regionId: str(speaker.regionId) }),
      seeded: (p) => [p.speaker.id],
    },
  },
  'POST /api/v1/speakers': {
    roles: WRITERS,
    scope: 'region',
    creates: 'speakers.full_name',
    body: (x) => ({ regionId: x.place.region.id, fullName: `Narasumber ${x.marker}` }),
  },
  'GET /api/v1/speakers/:id': { roles: ['ADMIN', 'ORGANIZER', 'VIEWER'], scope: 'region', path: (x) => x.place.speaker.id },
  'PATCH /api/v1/speakers/:id': { roles: WRITERS, scope: 'region', fresh: 'speaker', body: (x) => ({ title: `Ketua ${x.marker}` }) },

  // --- events ---------------------------------------------------------------------------------
  'GET /api/v1/events': {
    roles: EVERYONE,
    scope: 'region',
    query: (x) => ({ regionId: x.place.region.id }),
    list: {
      variants: [
        () => ({ query: { q: 'Matrix' } }),
        () => ({}),
        () => ({ query: { status: 'DRAFT' } }),
        () => ({ query: { status: 'SCHEDULED', type: 'SOSIALISASI' } }),
        () => ({ query: { from: '2025-01-01', to: '2026-01-01' } }),
        (w) => ({ query: { regionId: w.places.own.region.id } }),
      ],
      item: (event) => item(event.status === 'DRAFT' ? 'draftEvent' : 'region', { regionId: str(event.regionId) }),
      seeded: (p) => [p.event.id, p.draft.id],
    },
  },
  'POST /api/v1/events': {
    roles: WRITERS,
    scope: 'region',
    creates: 'events.title',
    body: (x) => ({
      regionId: x.place.region.id,
      title: `Sosialisasi ${x.marker}`,
      type: 'SOSIALISASI',
      venueName: 'GOR Gajah Mada',
      startsAt: '2024-10-29T13:00:00+07:00',
      endsAt: '2024-10-29T16:00:00+07:00',
      capacity: 500,
    }),
  },
  'GET /api/v1/events/:id': {
    roles: EVERYONE,
    probes: [
      { name: 'scheduled', scope: 'region', path: (x) => x.place.event.id },
      { name: 'draft', scope: 'draftEvent', path: (x) => x.place.draft.id },
    ],
  },
  'GET /api/v1/events/:id.ics': {
    roles: EVERYONE,
    probes: [
      { name: 'scheduled', scope: 'region', path: (x) => x.place.event.id },
      { name: 'draft', scope: 'draftEvent', path: (x) => x.place.draft.id },
    ],
  },
  'PATCH /api/v1/events/:id': { roles: WRITERS, scope: 'region', fresh: 'event', body: (x) => ({ letterNumber: `000.1/${x.marker}` }) },
  'POST /api/v1/events/:id/publish': { roles: WRITERS, scope: 'region', fresh: 'draftEvent', ok: 200 },
  'POST /api/v1/events/:id/complete': { roles: WRITERS, scope: 'region', fresh: 'event', ok: 200 },
  'POST /api/v1/events/:id/cancel': { roles: WRITERS, scope: 'region', fresh: 'event', ok: 200, body: (x) => ({ reason: `Ditunda ${x.marker}` }) },
  'PUT /api/v1/events/:id/speakers': {
    roles: WRITERS,
    scope: 'region',
    fresh: 'event',
    body: (x) => ({
      speakers: [{ speakerId: x.place.speaker.id, topic: `Netralitas ${x.marker}`, startsAt: x.fresh.startsAt, endsAt: x.fresh.endsAt, order: 1 }],
    }),
    rows: (x): RowRef[] => [
      { table: 'events', where: { id: x.fresh.id } },
      { table: 'event_speakers', where: { event_id: x.fresh.id } },
    ],
  },

  // --- invitations (VIEWER follows up read-only; CHECKIN has no business here) -----------------
  // Agencies named in the body must be of the event's region: any other id is a 400 naming it,
  // whether it exists elsewhere or not (the invitations tests cover it).
  'POST /api/v1/events/:id/invitations': {
    roles: WRITERS,
    scope: 'region',
    fresh: 'event',
    body: (x) => ({ agencyIds: [x.place.agency.id], seats: 2 }),
    rows: (x) => [{ table: 'invitations', where: { event_id: x.fresh.id } }],
  },
  'GET /api/v1/events/:id/invitations': {
    roles: INVITATION_READERS,
    scope: 'region',
    path: (x) => x.place.event.id,
    list: {
      // The own event holds the invitations of both agencies of Kota Batu.
      variants: [(w) => ({ path: w.places.own.event.id }), (w) => ({ path: w.places.own.event.id, query: { status: 'PENDING', q: 'Matrix' } })],
      item: (invitation) => item('agency', { regionId: str(invitation.regionId), agencyId: str(invitation.agencyId) }),
      seeded: (p) => (p.key === 'own' || p.key === 'otherAgency' ? [p.invitation.id] : []),
    },
  },
  'GET /api/v1/invitations/:id': { roles: INVITATION_READERS, scope: 'agency', path: (x) => x.place.invitation.id },
  'POST /api/v1/invitations/:id/respond': {
    roles: INVITATION_ANSWERERS,
    scope: 'agency',
    fresh: 'invitation',
    ok: 200,
    body: (x) => ({ status: 'DECLINED', reason: `Berhalangan ${x.marker}` }),
  },
  'PUT /api/v1/invitations/:id/assignment-letter': {
    roles: INVITATION_ANSWERERS,
    scope: 'agency',
    fresh: 'invitation',
    file: () => ({ contentType: 'application/pdf', bytes: MATRIX_PDF }),
  },
  'GET /api/v1/invitations/:id/assignment-letter': { roles: INVITATION_ANSWERERS, scope: 'agency', path: (x) => x.place.invitation.id },
  // The letter prints the RSVP link, a secret: the readers who see links (a VIEWER follows up without them: 403).
  'GET /api/v1/invitations/:id/letter.pdf': { roles: INVITATION_ANSWERERS, scope: 'agency', path: (x) => x.place.invitation.id },
  // Every letter of the event, for the organizers who send them. The other agency of Kota Batu is invited to the own place's event.
  'GET /api/v1/events/:id/invitations/letters.pdf': {
    roles: WRITERS,
    scope: 'region',
    path: (x) => (x.place.key === 'otherAgency' ? x.world.places.own.event.id : x.place.event.id),
  },
  // The link's token is the credential: whoever holds it, with a token of any role or none.
  'GET /api/v1/rsvp/:token': { roles: 'public', scope: 'everyone', path: (x) => x.place.invitation.token },
  'POST /api/v1/rsvp/:token': {
    roles: 'public',
    scope: 'everyone',
    fresh: 'invitation',
    path: (x) => String(x.fresh.token),
    ok: 200,
    body: (x) => ({ status: 'DECLINED', reason: `Berhalangan ${x.marker}` }),
  },
  'POST /api/v1/rsvp/:token/assignment-letter': {
    roles: 'public',
    scope: 'everyone',
    fresh: 'invitation',
    path: (x) => String(x.fresh.token),
    ok: 200,
    file: () => ({ contentType: 'application/pdf', bytes: MATRIX_PDF }),
  },
  // The short link printed on letters, at the root: a redirect to the RSVP page, whoever follows it.
  'GET /r/:token': { roles: 'public', scope: 'everyone', ok: 302, path: (x) => x.place.invitation.token },

  // --- coverage report page ---------------------------------------------------------------------
  // The page reads its own session cookie, never a bearer token (README, Coverage), so for the
  // matrix, which sends bearer tokens, every caller is a visitor without a session: the page
  // answers its sign-in form, the downloads 401. Who sees what once signed in (VIEWER its region,
  // AGENCY_REP its agency, CHECKIN refused, the lists of regions) is test/coverage-page.e2e-spec.ts's.
  'GET /api/v1/reports/coverage/view': {
    roles: 'public',
    probes: [
      { name: 'report', scope: 'everyone', query: (x) => ({ regionId: x.place.region.id }) },
      { name: 'regions', scope: 'everyone', query: (x) => ({ parentId: x.place.region.id }) },
    ],
  },
  'GET /api/v1/reports/coverage/view/download': { roles: 'public', scope: 'everyone', ok: 401, query: (x) => ({ regionId: x.place.region.id, format: 'csv' }) },
  'POST /api/v1/reports/coverage/view/session': {
    roles: 'public',
    scope: 'everyone',
    ok: 303,
    changesNothing: true,
    body: (x) => ({ email: x.world.cast.find((member) => member.role === 'VIEWER')?.email, password: CAST_PASSWORD }),
  },
  'POST /api/v1/reports/coverage/view/sign-out': { roles: 'public', scope: 'everyone', ok: 303, changesNothing: true },

  // --- door check-in ----------------------------------------------------------------------------
  // The matrix's events are a month ahead, so the door is not open yet: an allowed scan answers
  // 409 outside-check-in-window (a DRAFT: event-draft) and must write nothing, which is what the
  // marker in check_ins.device_id checks. Check-ins that succeed are test/check-ins.e2e-spec.ts's.
  'POST /api/v1/events/:id/check-ins': {
    roles: DOOR,
    probes: [
      { name: 'scheduled', scope: 'region', ok: 409, creates: 'check_ins.device_id', path: (x) => x.place.event.id, body: (x) => ({ personId: x.place.person.id, deviceId: x.marker }) },
      { name: 'draft', scope: 'draftEvent', ok: 409, creates: 'check_ins.device_id', path: (x) => x.place.draft.id, body: (x) => ({ personId: x.place.person.id, deviceId: x.marker }) },
      {
        name: 'walk-in',
        scope: 'region',
        ok: 409,
        creates: 'people.full_name',
        path: (x) => x.place.event.id,
        body: (x) => ({ walkIn: { fullName: `Orang ${x.marker}`, employmentType: 'NON_ASN', position: 'Staf', agencyId: x.place.agency.id } }),
      },
    ],
  },
  'POST /api/v1/events/:id/check-ins/batch': {
    roles: DOOR,
    probes: [
      // Allowed: 200, the item rejected as outside the window.
      { name: 'scheduled', scope: 'region', ok: 200, path: (x) => x.place.event.id, body: (x) => batchOf(x), rows: (x) => [{ table: 'check_ins', where: { device_id: x.marker } }] },
      { name: 'draft', scope: 'draftEvent', ok: 409, path: (x) => x.place.draft.id, body: (x) => batchOf(x), rows: (x) => [{ table: 'check_ins', where: { device_id: x.marker } }] },
    ],
  },
  'GET /api/v1/events/:id/check-ins/conflicts': {
    roles: WRITERS,
    probes: [
      { name: 'scheduled', scope: 'region', path: (x) => x.place.event.id },
      { name: 'draft', scope: 'draftEvent', path: (x) => x.place.draft.id },
    ],
  },
  'GET /api/v1/events/:id/registrations': { roles: DOOR, probes: eventProbes() },
  'GET /api/v1/events/:id/counts': { roles: [...DOOR, 'VIEWER'], probes: eventProbes() },
  'GET /api/v1/events/:id/attendance': {
    roles: DOOR,
    probes: [
      ...eventProbes(),
      { name: 'csv', scope: 'region', path: (x) => x.place.event.id, query: () => ({ format: 'csv' }) },
      { name: 'pdf', scope: 'region', path: (x) => x.place.event.id, query: () => ({ format: 'pdf' }) },
    ],
  },
  // The door app and its service worker: public shells holding no data; staff sign in from the page.
  'GET /api/v1/door': { roles: 'public', scope: 'everyone' },
  'GET /api/v1/door/sw.js': { roles: 'public', scope: 'everyone' },

  // --- pledges -------------------------------------------------------------------------------------
  'GET /api/v1/pledge-templates': {
    roles: EVERYONE,
    scope: 'everyone',
    list: { variants: [() => ({}), () => ({ query: { active: true } })], item: () => item('everyone', { regionId: null }), seeded: () => [] },
  },
  'GET /api/v1/pledge-templates/:id': { roles: EVERYONE, scope: 'everyone', path: (x) => x.world.pledgeTemplate.id },
  'POST /api/v1/pledge-templates': {
    roles: ADMIN,
    scope: 'everyone',
    // Retired from the start: the world's template stays the current one.
    body: (x) => ({ title: `Matrix Pakta ${x.marker}`, clauses: ['Klausul matrix.'], legalBasis: 'SKB 2022', active: false }),
    creates: 'pledge_templates.title',
  },
  // The matrix's people are not checked in at its events: an allowed signing at the event answers
  // 409 not-checked-in, after the person, the template and the event were found within reach, and
  // writes nothing. Signings that succeed are test/pledges.e2e-spec.ts's.
  'POST /api/v1/pledges': {
    roles: PLEDGE_SIGNERS,
    scope: 'agency',
    ok: 409,
    body: (x) => ({
      eventId: x.place.event.id,
      templateId: x.world.pledgeTemplate.id,
      personId: x.place.person.id,
      capacity: 'SELF',
      signatureName: String(x.place.person.fullName),
      consent: true,
    }),
    rows: (x) => [{ table: 'pledges', where: { person_id: x.place.person.id } }],
  },
  'GET /api/v1/pledges': {
    roles: PLEDGE_READERS,
    scope: 'everyone',
    list: {
      variants: [() => ({}), (w) => ({ query: { agencyId: w.places.foreign.agency.id } }), (w) => ({ query: { eventId: w.places.own.event.id } })],
      item: (pledge) => item('agency', { regionId: str(pledge.regionId), agencyId: str(pledge.agencyId) }),
      seeded: (place) => [place.pledge.id],
    },
  },
  'GET /api/v1/pledges/:id': { roles: PLEDGE_READERS, scope: 'agency', path: (x) => x.place.pledge.id },
  'GET /api/v1/pledges/:id.pdf': { roles: PLEDGE_READERS, scope: 'agency', path: (x) => x.place.pledge.id },
  'GET /api/v1/regions/:id/pledge-chain/verify': { roles: ['ADMIN', 'ORGANIZER', 'VIEWER'], scope: 'region', path: (x) => x.place.region.id },
  // The code and the link's token are the credentials: whoever holds them, with a token of any role or none.
  'GET /api/v1/verify/:code': { roles: 'public', scope: 'everyone', path: (x) => x.place.pledge.verificationCode },
  'GET /api/v1/sign/:token': { roles: 'public', scope: 'everyone', path: (x) => x.world.signToken },
  // The link as a QR code for the door's screen: the token is the credential, as for the link itself.
  'GET /api/v1/sign/:token/qr.svg': { roles: 'public', scope: 'everyone', path: (x) => x.world.signToken },
  // The signer's own certificate, behind the link they signed through.
  'GET /api/v1/sign/:token/certificate.pdf': { roles: 'public', scope: 'everyone', path: (x) => x.world.signedSignToken },
  // A name that is not the person's: 400, nothing signed (the link stays unused for the GET above).
  'POST /api/v1/sign/:token': {
    roles: 'public',
    scope: 'everyone',
    ok: 400,
    path: (x) => x.world.signToken,
    body: (x) => ({ signatureName: `Bukan ${x.marker}`, consent: true }),
    creates: 'pledges.signature_name',
  },

  // --- cascades and coverage reports ----------------------------------------------------------
  'POST /api/v1/agencies/:id/cascades': {
    roles: INVITATION_ANSWERERS,
    scope: 'agency',
    creates: 'cascades.notes',
    path: (x) => x.place.agency.id,
    body: (x) => ({ heldOn: '2024-11-04', reached: { pns: 0, pppk: 0, nonAsn: 0 }, notes: `Apel pagi ${x.marker}` }),
  },
  'GET /api/v1/agencies/:id/cascades': { roles: INVITATION_ANSWERERS, scope: 'agency', path: (x) => x.place.agency.id },
  'PUT /api/v1/cascades/:id/evidence': {
    roles: INVITATION_ANSWERERS,
    scope: 'agency',
    fresh: 'cascade',
    file: () => ({ contentType: 'application/pdf', bytes: MATRIX_PDF }),
  },
  'GET /api/v1/cascades/:id/evidence': { roles: INVITATION_ANSWERERS, scope: 'agency', path: (x) => x.place.cascade.id },
  // An AGENCY_REP reads its region's report restricted to its own agency's row.
  'GET /api/v1/reports/coverage': {
    roles: INVITATION_READERS,
    probes: [
      { name: 'json', scope: 'region', query: (x) => ({ regionId: x.place.region.id }) },
      { name: 'xlsx', scope: 'region', query: (x) => ({ regionId: x.place.region.id, format: 'xlsx' }) },
      { name: 'pdf', scope: 'region', query: (x) => ({ regionId: x.place.region.id, format: 'pdf' }) },
    ],
  },
  'GET /api/v1/reports/coverage/regions': { roles: ['ADMIN', 'ORGANIZER', 'VIEWER'], scope: 'region', query: (x) => ({ parentId: x.place.region.id }) },
};
