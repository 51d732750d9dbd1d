import type pg from 'pg';
import { createAgency } from './support/directory-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createElection, createEvent, createJayapura, createScheduledEvent, type EventRef, eventBody, fieldsOf } from './support/event-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

type User = TestUser;

describe('events', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let jayapura: Awaited<ReturnType<typeof createJayapura>>['jayapura'];
  let organizerBatu: User;
  let organizerJatim: User;
  let organizerBalikpapan: User;
  let organizerJayapura: User;
  let viewerBatu: User;
  let checkinBatu: User;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ jayapura } = await createJayapura(t));
    ({ organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
    organizerJayapura = await createUser(t, 'ORGANIZER', { regionId: jayapura.id });
  });
  afterAll(() => t.close());

  const withDatabase = <T>(work: (db: pg.Client) => Promise<T>) => withAdminClient(t.databaseUrl, work);
  const post = (path: string, token: string, body?: object) => t.http().post(`/api/v1${path}`).set('Authorization', token).send(body);
  const get = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token);
  const patch = (path: string, token: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', token).send(body);

  describe('creating and reading', () => {
    it('creates a DRAFT with every field, in the region of a city organizer when regionId is omitted', async () => {
      const { regionId: _omitted, ...body } = eventBody(r.batu.id);
      const response = await post('/events', organizerBatu.token, body).expect(201);
      expect(response.body).toMatchObject({
        regionId: r.batu.id,
        timezone: 'Asia/Jakarta',
        title: 'Sosialisasi Netralitas ASN dan Anti Radikalisme',
        type: 'SOSIALISASI',
        topics: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'],
        electionId: null,
        organizer: 'Bakesbangpol Kota Batu',
        venueName: 'GOR Gajah Mada',
        venueAddress: 'Jl. Gajah Mada, Kecamatan Batu, Kota Batu',
        startsAt: '2024-10-29T06:00:00.000Z',
        endsAt: '2024-10-29T09:00:00.000Z',
        startsAtLocal: '2024-10-29T13:00:00+07:00',
        endsAtLocal: '2024-10-29T16:00:00+07:00',
        capacity: 500,
        letterNumber: '000.1.2/1234/35.79.401/2024',
        status: 'DRAFT',
        cancelledAt: null,
        cancellationReason: null,
        speakers: [],
      });
      expect(Object.keys(response.body)).not.toContain('revision');
      const read = await get(`/events/${response.body.id}`, organizerBatu.token).expect(200);
      expect(read.body).toEqual(response.body);
    });

    it('asks a province organizer which region the event is for', async () => {
      const { regionId: _omitted, ...body } = eventBody(r.batu.id);
      const response = await post('/events', organizerJatim.token, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(['regionId']);
      await post('/events', organizerJatim.token, eventBody(r.malang.id)).expect(201);
    });

    it('renders local times in the region zone: WIB, WITA and WIT', async () => {
      // Balikpapan, 20 October 2023 (seed 003), given in WITA.
      const balikpapan = await createEvent(t, organizerBalikpapan.token, eventBody(r.balikpapan.id, { startsAt: '2023-10-20T09:00:00+08:00', endsAt: '2023-10-20T12:00:00+08:00' }));
      expect(balikpapan).toMatchObject({
        timezone: 'Asia/Makassar',
        startsAt: '2023-10-20T01:00:00.000Z',
        startsAtLocal: '2023-10-20T09:00:00+08:00',
        endsAtLocal: '2023-10-20T12:00:00+08:00',
      });
      // Jayapura, given in UTC: 01:00Z is 10:00 WIT.
      const wit = await createEvent(t, organizerJayapura.token, eventBody(jayapura.id, { startsAt: '2024-10-29T01:00:00Z', endsAt: '2024-10-29T04:30:00Z' }));
      expect(wit).toMatchObject({ timezone: 'Asia/Jayapura', startsAtLocal: '2024-10-29T10:00:00+09:00', endsAtLocal: '2024-10-29T13:30:00+09:00' });
      // Batu, given with a WITA offset by someone travelling: shown back in WIB.
      const batu = await createEvent(t, organizerBatu.token, eventBody(r.batu.id, { startsAt: '2024-10-29T14:00:00+08:00', endsAt: '2024-10-29T17:00:00+08:00' }));
      expect(batu).toMatchObject({ timezone: 'Asia/Jakarta', startsAtLocal: '2024-10-29T13:00:00+07:00', endsAtLocal: '2024-10-29T16:00:00+07:00' });
    });

    it('links an election and filters by it', async () => {
      const election = await createElection(t, { name: 'Pilkada Kota Batu 2024', type: 'PILWALI' });
      const linked = await createEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Rakor Netralitas Pilwali', type: 'RAKOR', electionId: election.id }));
      expect(linked.electionId).toBe(election.id);
      const list = await get(`/events?electionId=${election.id}`, organizerBatu.token).expect(200);
      expect(list.body.items.map((e: EventRef) => e.id)).toEqual([linked.id]);
    });

    it.each([
      [{ startsAt: '2024-10-29T13:00:00' }, 'startsAt'],
      [{ startsAt: '29/10/2024 13:00' }, 'startsAt'],
      [{ startsAt: '2024-02-30T13:00:00+07:00', endsAt: '2024-03-01T13:00:00+07:00' }, 'startsAt'],
      [{ endsAt: '2024-10-29T12:00:00+07:00' }, 'endsAt'],
      [{ endsAt: '2024-10-29T13:00:00+07:00' }, 'endsAt'],
      // 14:00 WITA is 13:00 WIB: ending at the instant the event starts.
      [{ endsAt: '2024-10-29T14:00:00+08:00' }, 'endsAt'],
      [{ endsAt: 1730181600000 }, 'endsAt'],
      [{ type: 'SEMINAR' }, 'type'],
      [{ topics: ['netralitas asn'] }, 'topics'],
      [{ topics: 'NETRALITAS_ASN' }, 'topics'],
      [{ topics: ['NETRALITAS_ASN', 'NETRALITAS_ASN'] }, 'topics'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 12.5 }, 'capacity'],
      [{ capacity: '500' }, 'capacity'],
      [{ title: '' }, 'title'],
      [{ venueName: undefined }, 'venueName'],
      [{ electionId: 'pilkada-2024' }, 'electionId'],
      [{ electionId: '6f1c3a52-8a4e-4c1e-9d57-0d1f0f6f2b11' }, 'electionId'],
      [{ budget: 25_000_000 }, 'budget'],
      [{ status: 'SCHEDULED' }, 'status'],
    ])('refuses %j with a 400 naming %s', async (change, field) => {
      const response = await post('/events', organizerBatu.token, eventBody(r.batu.id, change)).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(response.body)).toContain(field);
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js:\d+/);
    });
  });

  describe('the status machine', () => {
    const reason = { reason: 'Bertepatan dengan jadwal debat publik KPU' };
    const act = (event: EventRef, action: string, token = organizerBatu.token) => post(`/events/${event.id}/${action}`, token, action === 'cancel' ? reason : undefined);

    async function eventIn(status: 'DRAFT' | 'SCHEDULED' | 'COMPLETED' | 'CANCELLED'): Promise<EventRef> {
      const event = await createEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: `Apel Ikrar Netralitas (${status})`, type: 'APEL_IKRAR' }));
      if (status === 'SCHEDULED' || status === 'COMPLETED') await act(event, 'publish').expect(200);
      if (status === 'COMPLETED') await act(event, 'complete').expect(200);
      if (status === 'CANCELLED') await act(event, 'cancel').expect(200);
      return event;
    }

    it('publishes a DRAFT and completes a SCHEDULED event', async () => {
      const event = await eventIn('DRAFT');
      const published = await act(event, 'publish').expect(200);
      expect(published.body).toMatchObject({ id: event.id, status: 'SCHEDULED', title: event.title });
      const completed = await act(event, 'complete').expect(200);
      expect(completed.body.status).toBe('COMPLETED');
    });

    it.each(['DRAFT', 'SCHEDULED'] as const)('cancels a %s event, keeping everything and recording why', async (status) => {
      const event = await eventIn(status);
      const before = (await get(`/events/${event.id}`, organizerBatu.token).expect(200)).body;
      const response = await act(event, 'cancel').expect(200);
      expect(response.body).toMatchObject({ ...before, status: 'CANCELLED', cancelledAt: expect.any(String), cancellationReason: reason.reason, updatedAt: expect.any(String) });
      expect(Date.now() - Date.parse(response.body.cancelledAt)).toBeLessThan(60_000);
      const audit = await get(`/audit-log?entity=event&entityId=${event.id}`, organizerBatu.token).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'cancel', changes: { status: 'CANCELLED', reason: reason.reason } });
    });

    it.each([
      ['DRAFT', 'complete'],
      ['SCHEDULED', 'publish'],
      ['COMPLETED', 'publish'],
      ['COMPLETED', 'complete'],
      ['COMPLETED', 'cancel'],
      ['CANCELLED', 'publish'],
      ['CANCELLED', 'complete'],
      ['CANCELLED', 'cancel'],
    ] as const)('refuses to %s → %s with a 409 that says why', async (status, action) => {
      const event = await eventIn(status);
      const response = await act(event, action).expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toMatch(/\/invalid-transition$/);
      expect(response.body.status).toBe(409);
      expect(response.body.eventStatus).toBe(status);
      expect(response.body.detail).toContain(`is ${status}`);
      expect((await get(`/events/${event.id}`, organizerBatu.token)).body.status).toBe(status);
    });

    it('needs a reason to cancel', async () => {
      const event = await eventIn('SCHEDULED');
      for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(501) }]) {
        const response = await post(`/events/${event.id}/cancel`, organizerBatu.token, body).expect(400);
        expect(new Set(fieldsOf(response.body))).toEqual(new Set(['reason']));
      }
      const unknown = await post(`/events/${event.id}/cancel`, organizerBatu.token, { ...reason, notifyAgencies: true }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['notifyAgencies']);
    });

    it('lets exactly one of many concurrent publish requests through', async () => {
      const event = await eventIn('DRAFT');
      const responses = await Promise.all(Array.from({ length: 12 }, () => act(event, 'publish')));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, ...Array(11).fill(409)]);
      const audit = await get(`/audit-log?entity=event&entityId=${event.id}`, organizerBatu.token).expect(200);
      expect(audit.body.items.filter((entry: { action: string }) => entry.action === 'publish')).toHaveLength(1);
    });

    it('lets exactly one of a concurrent cancel and complete through', async () => {
      const event = await eventIn('SCHEDULED');
      const [cancel, complete] = await Promise.all([act(event, 'cancel'), act(event, 'complete')]);
      expect([cancel.status, complete.status].sort()).toEqual([200, 409]);
      const final = (await get(`/events/${event.id}`, organizerBatu.token)).body;
      expect(final.status).toBe(cancel.status === 200 ? 'CANCELLED' : 'COMPLETED');
    });

    it.each(['DRAFT', 'SCHEDULED'] as const)('edits a %s event', async (status) => {
      const event = await eventIn(status);
      const response = await patch(`/events/${event.id}`, organizerBatu.token, {
        venueName: 'Balai Kota Among Tani',
        venueAddress: null,
        capacity: 300,
        topics: ['NETRALITAS_ASN'],
        startsAt: '2024-10-29T08:00:00+07:00',
      }).expect(200);
      expect(response.body).toMatchObject({ status, venueName: 'Balai Kota Among Tani', venueAddress: null, capacity: 300, topics: ['NETRALITAS_ASN'], startsAtLocal: '2024-10-29T08:00:00+07:00', endsAtLocal: '2024-10-29T16:00:00+07:00', title: event.title });
    });

    it.each(['COMPLETED', 'CANCELLED'] as const)('refuses to edit a %s event with 409', async (status) => {
      const event = await eventIn(status);
      const response = await patch(`/events/${event.id}`, organizerBatu.token, { title: 'Renamed afterwards' }).expect(409);
      expect(response.body.detail).toContain(status);
      expect((await get(`/events/${event.id}`, organizerBatu.token)).body.title).toBe(event.title);
    });

    it('keeps the capacity at or above the registrations already made, in the service and in the database', async () => {
      const event = await eventIn('SCHEDULED');
      // Forty seats taken (as confirmations and walk-ins take them).
      await withDatabase((db) => db.query('UPDATE events SET registered = 40 WHERE id = $1', [event.id]));
      const refused = await patch(`/events/${event.id}`, organizerBatu.token, { capacity: 39 }).expect(409);
      expect(refused.body).toMatchObject({ type: expect.stringContaining('capacity-below-registrations'), registered: 40, errors: [{ field: 'capacity' }] });
      const lowered = await patch(`/events/${event.id}`, organizerBatu.token, { capacity: 40 }).expect(200);
      expect(lowered.body).toMatchObject({ capacity: 40, registered: 40 });
      await expect(withDatabase((db) => db.query('UPDATE events SET registered = 41 WHERE id = $1', [event.id]))).rejects.toThrow(/ck_events_registered_within_capacity/);
    });

    it.each([
      [{ endsAt: '2024-10-29T12:00:00+07:00' }, 'endsAt'],
      [{ startsAt: '2024-10-29T17:00:00+07:00' }, 'startsAt'],
      [{ startsAt: '2024-10-29T17:00:00+07:00', endsAt: '2024-10-29T16:00:00+07:00' }, 'endsAt'],
      [{ startsAt: 'besok pagi' }, 'startsAt'],
      [{ title: null }, 'title'],
      [{ capacity: null }, 'capacity'],
      [{ regionId: '6f1c3a52-8a4e-4c1e-9d57-0d1f0f6f2b11' }, 'regionId'],
      [{ status: 'COMPLETED' }, 'status'],
      [{ electionId: '6f1c3a52-8a4e-4c1e-9d57-0d1f0f6f2b11' }, 'electionId'],
    ])('refuses the change %j with a 400 naming %s', async (change, field) => {
      const event = await eventIn('DRAFT');
      const response = await patch(`/events/${event.id}`, organizerBatu.token, change).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
    });
  });

  describe('tenancy and roles', () => {
    let draft: EventRef;
    let scheduled: EventRef;

    beforeAll(async () => {
      draft = await createEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Bimtek Pengawasan Partisipatif (draft)', type: 'BIMTEK', topics: ['PENGAWASAN_PARTISIPATIF'] }));
      scheduled = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Sosialisasi Netralitas ASN Kecamatan Bumiaji' }));
    });

    it("answers 404 to another region's organizer for every operation", async () => {
      const other = organizerBalikpapan.token;
      for (const event of [draft, scheduled]) {
        await get(`/events/${event.id}`, other).expect(404);
        await patch(`/events/${event.id}`, other, { title: 'Taken over' }).expect(404);
        await post(`/events/${event.id}/publish`, other).expect(404);
        await post(`/events/${event.id}/complete`, other).expect(404);
        await post(`/events/${event.id}/cancel`, other, { reason: 'Bukan acara kami' }).expect(404);
        await t.http().put(`/api/v1/events/${event.id}/speakers`).set('Authorization', other).send({ speakers: [] }).expect(404);
      }
      const list = await get('/events', other).expect(200);
      expect(list.body.items.map((e: EventRef) => e.id)).not.toEqual(expect.arrayContaining([draft.id]));
      expect(list.body.items.every((e: EventRef) => e.regionId === r.balikpapan.id)).toBe(true);
      await get(`/events?regionId=${r.batu.id}`, other).expect(404);
      await post('/events', other, eventBody(r.batu.id)).expect(404);
      expect((await get(`/events/${scheduled.id}`, organizerBatu.token)).body.title).toBe(scheduled.title);
    });

    it('lets a province organizer manage the events of its cities', async () => {
      await get(`/events/${draft.id}`, organizerJatim.token).expect(200);
      const list = await get(`/events?regionId=${r.batu.id}`, organizerJatim.token).expect(200);
      expect(list.body.items.map((e: EventRef) => e.id)).toEqual(expect.arrayContaining([draft.id, scheduled.id]));
    });

    it('lets VIEWER and CHECKIN read published events, not drafts, and write nothing', async () => {
      for (const reader of [viewerBatu, checkinBatu]) {
        const read = await get(`/events/${scheduled.id}`, reader.token).expect(200);
        expect(read.body).toMatchObject({ id: scheduled.id, status: 'SCHEDULED', startsAtLocal: '2024-10-29T13:00:00+07:00' });
        await get(`/events/${draft.id}`, reader.token).expect(404);
        const list = await get('/events', reader.token).expect(200);
        const ids = list.body.items.map((e: EventRef) => e.id);
        expect(ids).toContain(scheduled.id);
        expect(ids).not.toContain(draft.id);
        expect(list.body.items.every((e: EventRef) => e.status !== 'DRAFT')).toBe(true);

        await post('/events', reader.token, eventBody(r.batu.id)).expect(403);
        await patch(`/events/${scheduled.id}`, reader.token, { title: 'X' }).expect(403);
        await post(`/events/${draft.id}/publish`, reader.token).expect(403);
        await post(`/events/${scheduled.id}/cancel`, reader.token, { reason: 'Tidak jadi' }).expect(403);
        await t.http().put(`/api/v1/events/${scheduled.id}/speakers`).set('Authorization', reader.token).send({ speakers: [] }).expect(403);
      }
    });

    it("lets an AGENCY_REP read its region's published events and nothing else", async () => {
      const dinas = await createAgency(t, r.batu.id, 'Dinas Pendidikan Kota Batu');
      const rep = await createUser(t, 'AGENCY_REP', { agencyId: dinas.id });
      await get(`/events/${scheduled.id}`, rep.token).expect(200);
      await get(`/events/${draft.id}`, rep.token).expect(404);
      const list = await get('/events', rep.token).expect(200);
      expect(list.body.items.map((e: EventRef) => e.id)).toContain(scheduled.id);
      expect(list.body.items.every((e: EventRef) => e.regionId === r.batu.id && e.status !== 'DRAFT')).toBe(true);
      await get(`/events?regionId=${r.balikpapan.id}`, rep.token).expect(404);
      await post('/events', rep.token, eventBody(r.batu.id)).expect(403);
      await post(`/events/${scheduled.id}/cancel`, rep.token, { reason: 'Tidak bisa hadir' }).expect(403);
    });

    it('requires a token', async () => {
      await t.http().get(`/api/v1/events/${scheduled.id}`).expect(401);
      await t.http().get('/api/v1/events').expect(401);
    });
  });

  describe('the list', () => {
    let region: { id: string };
    let organizer: User;
    const day = (d: number, hour: number) => `2024-11-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`;

    beforeAll(async () => {
      // A region of its own, so that other tests' events do not count.
      region = (await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send({ code: '91.03', name: 'Kabupaten Jayapura', level: 'REGENCY', timezone: 'Asia/Jayapura' }).expect(201)).body;
      organizer = await createUser(t, 'ORGANIZER', { regionId: region.id });
      const create = (title: string, from: string, to: string) => createEvent(t, organizer.token, eventBody(region.id, { title, startsAt: from, endsAt: to }));
      const a = await create('Rakor A', day(4, 9), day(4, 12));
      await create('Sosialisasi B', day(5, 9), day(6, 12));
      await create('Bimtek C', day(7, 9), day(7, 12));
      await post(`/events/${a.id}/publish`, organizer.token).expect(200);
    });

    const titles = (body: { items: EventRef[] }) => body.items.map((e) => e.title);

    it('pages in start order with the list envelope', async () => {
      const first = await get('/events?limit=2', organizer.token).expect(200);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(titles(first.body)).toEqual(['Rakor A', 'Sosialisasi B']);
      const second = await get('/events?limit=2&offset=2', organizer.token).expect(200);
      expect(titles(second.body)).toEqual(['Bimtek C']);
      await get('/events?limit=201', organizer.token).expect(400);
    });

    it('selects the events that overlap [from, to)', async () => {
      // B runs 5 Nov 09:00 – 6 Nov 12:00 WIT: it overlaps the 6th although it started on the 5th.
      const sixth = await get(`/events?from=${encodeURIComponent(day(6, 0))}&to=${encodeURIComponent(day(7, 0))}`, organizer.token).expect(200);
      expect(titles(sixth.body)).toEqual(['Sosialisasi B']);
      // The bounds are half-open: an event ending exactly at `from` is over.
      const after = await get(`/events?from=${encodeURIComponent(day(4, 12))}`, organizer.token).expect(200);
      expect(titles(after.body)).toEqual(['Sosialisasi B', 'Bimtek C']);
      const before = await get(`/events?to=${encodeURIComponent(day(5, 9))}`, organizer.token).expect(200);
      expect(titles(before.body)).toEqual(['Rakor A']);
      // A date alone is 00:00 UTC, which is 09:00 WIT.
      const byDate = await get('/events?from=2024-11-07', organizer.token).expect(200);
      expect(titles(byDate.body)).toEqual(['Bimtek C']);
    });

    it('filters by status, type and title', async () => {
      expect(titles((await get('/events?status=SCHEDULED', organizer.token).expect(200)).body)).toEqual(['Rakor A']);
      expect(titles((await get('/events?status=DRAFT&q=bimtek', organizer.token).expect(200)).body)).toEqual(['Bimtek C']);
      expect(titles((await get('/events?q=50%25', organizer.token).expect(200)).body)).toEqual([]);
    });

    it.each([
      ['from=2024-11-06T00:00:00', 'from'],
      ['to=kemarin', 'to'],
      ['status=ONGOING', 'status'],
      ['regionId=batu', 'regionId'],
      ['electionId=1', 'electionId'],
      ['sort=title', 'sort'],
    ])('refuses ?%s with a 400 naming %s', async (query, field) => {
      const response = await get(`/events?${query}`, organizer.token).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
    });
  });
});
