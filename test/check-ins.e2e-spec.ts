import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { readPdf, asBytes } from './support/documents.js';
import { createAgency, createPerson, pnsNip, type AgencyRef, type PersonRef } from './support/directory-fixtures.js';
import { createEvent, createScheduledEvent, type EventRef, eventBody, fieldsOf } from './support/event-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { confirmInvitation, type RegistrationRef, unansweredInvitation } from './support/registration-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

const HOUR = 3_600_000;

describe('check-in', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let organizerBatu: TestUser;
  let organizerBalikpapan: TestUser;
  let viewerBatu: TestUser;
  let checkinBatu: TestUser;
  let checkinMalang: TestUser;
  let repDindik: TestUser;
  let kesbang: AgencyRef;
  let dindik: AgencyRef;
  let disparta: AgencyRef;
  let malangAgency: AgencyRef;
  let personCounter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ organizerBatu, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
    checkinMalang = await createUser(t, 'CHECKIN', { regionId: r.malang.id });
    kesbang = await createAgency(t, r.batu.id, 'Badan Kesatuan Bangsa dan Politik');
    dindik = await createAgency(t, r.batu.id, 'Dinas Pendidikan');
    disparta = await createAgency(t, r.batu.id, 'Dinas Pariwisata');
    malangAgency = await createAgency(t, r.malang.id, 'Dinas Pendidikan Kabupaten Malang');
    repDindik = await createUser(t, 'AGENCY_REP', { agencyId: dindik.id });
  });
  afterAll(() => t.close());

  const withDatabase = <T>(work: (db: pg.Client) => Promise<T>) => withAdminClient(t.databaseUrl, work);
  const post = (path: string, token: string, body?: object) => t.http().post(`/api/v1${path}`).set('Authorization', token).send(body);
  const get = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token);

  function person(agency: AgencyRef, fullName: string): Promise<PersonRef> {
    personCounter += 1;
    return createPerson(t, agency.id, { fullName, employmentType: 'PNS', nip: pnsNip(personCounter * 7 + 1000), position: 'Kepala Bidang' });
  }

  /** A SCHEDULED event of Kota Batu whose check-in window is open now: it starts in an hour. */
  function openEvent(overrides: Record<string, unknown> = {}): Promise<EventRef> {
    const startsAt = new Date(Date.now() + HOUR);
    return createScheduledEvent(
      t,
      organizerBatu.token,
      eventBody(r.batu.id, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(), ...overrides }),
    );
  }

  /** An event with `count` invited people of Dinas Pendidikan, ready at the door. */
  async function eventWithGuests(count: number, overrides: Record<string, unknown> = {}) {
    const event = await openEvent(overrides);
    const people = await Promise.all(Array.from({ length: count }, (_, i) => person(dindik, `Tamu ${personCounter + i} Undangan`)));
    const { registrations } = await confirmInvitation(t, event, dindik.id, people.map((p, i) => ({ personId: p.id, delegate: i === 1 })));
    return { event, people, registrations };
  }

  const conflictCount = (eventId: string) => withDatabase(async (db) => (await db.query('SELECT count(*)::int AS n FROM check_in_conflicts WHERE event_id = $1', [eventId])).rows[0].n as number);
  const checkInRows = (eventId: string) =>
    withDatabase(async (db) => (await db.query('SELECT person_id, checked_in_at, device_id, client_checkin_id, method FROM check_ins WHERE event_id = $1 ORDER BY person_id', [eventId])).rows);

  describe('one scan at a time', () => {
    it('checks a ticket in once: 201, then 200 with the first record, and the repeat is kept as a conflict', async () => {
      const { event, people, registrations } = await eventWithGuests(2);
      const [ticket] = registrations;
      const first = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: ticket.ticketCode, deviceId: 'batu-pintu-1' }).expect(201);
      expect(first.body).toMatchObject({
        eventId: event.id,
        registrationId: ticket.id,
        personId: people[0].id,
        fullName: people[0].fullName,
        nip: people[0].nip,
        agencyId: dindik.id,
        agencyName: 'Dinas Pendidikan',
        delegate: false,
        walkIn: false,
        ticketCode: ticket.ticketCode,
        method: 'QR',
        identifiedBy: 'TICKET',
        deviceId: 'batu-pintu-1',
        clientCheckinId: null,
        signUrl: null,
      });
      expect(first.body.checkedInAtLocal).toMatch(/\+07:00$/);
      expect(Math.abs(Date.parse(first.body.checkedInAt) - Date.now())).toBeLessThan(60_000);

      // The same person again, from another desk, by NIP typed with spaces.
      const nip = `${people[0].nip!.slice(0, 8)} ${people[0].nip!.slice(8, 14)} ${people[0].nip!.slice(14, 15)} ${people[0].nip!.slice(15)}`;
      const again = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { nip, deviceId: 'batu-meja-vip' }).expect(200);
      expect(again.body).toEqual(first.body);

      const conflicts = await get(`/events/${event.id}/check-ins/conflicts`, organizerBatu.token).expect(200);
      expect(conflicts.body).toMatchObject({ total: 1, items: [{ checkInId: first.body.id, personId: people[0].id, deviceId: 'batu-meja-vip', identifiedBy: 'NIP', method: 'MANUAL', checkIn: { deviceId: 'batu-pintu-1', method: 'QR' } }] });
    });

    it('checks in by personId and by NIP, delegates flagged', async () => {
      const { event, people } = await eventWithGuests(2);
      const byId = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id }).expect(201);
      expect(byId.body).toMatchObject({ personId: people[0].id, identifiedBy: 'PERSON', method: 'MANUAL', delegate: false });
      const byNip = await post(`/events/${event.id}/check-ins`, organizerBatu.token, { nip: people[1].nip, method: 'QR' }).expect(201);
      expect(byNip.body).toMatchObject({ personId: people[1].id, identifiedBy: 'NIP', method: 'QR', delegate: true });
    });

    it('reads a ticket typed back in lower case with a dash, and refuses a ticket of another event', async () => {
      const { event, registrations } = await eventWithGuests(1);
      const other = await eventWithGuests(1);
      const foreign = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: other.registrations[0].ticketCode }).expect(404);
      expect(foreign.body).toMatchObject({ type: expect.stringContaining('ticket-not-found') });
      expect(foreign.headers['content-type']).toContain('application/problem+json');
      await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: 'ZZZZZZZZZZ' }).expect(404);
      const code = registrations[0].ticketCode.toLowerCase();
      await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: `${code.slice(0, 5)}-${code.slice(5)}` }).expect(201);
      expect(await checkInRows(other.event.id)).toEqual([]);
    });

    it('tells the door to register someone without a seat as a walk-in (409 not-registered)', async () => {
      const { event } = await eventWithGuests(1);
      const stranger = await person(kesbang, 'Fajar Nugroho, S.IP.');
      const byId = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: stranger.id }).expect(409);
      expect(byId.body).toMatchObject({ type: expect.stringContaining('not-registered'), personId: stranger.id });
      const byNip = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { nip: stranger.nip }).expect(409);
      expect(byNip.body).toMatchObject({ type: expect.stringContaining('not-registered'), personId: stranger.id });
      const unknownNip = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { nip: pnsNip(999_999) }).expect(409);
      expect(unknownNip.body).toMatchObject({ type: expect.stringContaining('not-registered'), nip: pnsNip(999_999) });
      // A person of another region, or no person at all, is simply not found.
      const malangPerson = await person(malangAgency, 'Orang Malang');
      await post(`/events/${event.id}/check-ins`, organizerBatu.token, { personId: malangPerson.id }).expect(404);
      await post(`/events/${event.id}/check-ins`, organizerBatu.token, { personId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });

    it('asks for exactly one identifier, naming the fields', async () => {
      const { event, people } = await eventWithGuests(1);
      expect(fieldsOf((await post(`/events/${event.id}/check-ins`, checkinBatu.token, {}).expect(400)).body)).toEqual(['ticketCode']);
      const two = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id, nip: people[0].nip }).expect(400);
      expect(fieldsOf(two.body)).toEqual(['nip']);
      expect(fieldsOf((await post(`/events/${event.id}/check-ins`, checkinBatu.token, { nip: '12345' }).expect(400)).body)).toEqual(['nip']);
      expect(fieldsOf((await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id, clientCheckinId: 'has space' }).expect(400)).body)).toEqual([
        'clientCheckinId',
      ]);
      expect(await checkInRows(event.id)).toEqual([]);
    });

    it('records exactly one check-in of 100 parallel scans of one person: one 201, 99 × 200 and 99 conflicts', async () => {
      const { event, registrations } = await eventWithGuests(1);
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[0].ticketCode, deviceId: `hp-${i % 4}` })),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(99);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(await checkInRows(event.id)).toHaveLength(1);
      expect(await conflictCount(event.id)).toBe(99);
    });

    it('recognises the same clientCheckinId sent again as the same scan: 200, and no conflict', async () => {
      const { event, registrations } = await eventWithGuests(2);
      const scan = { ticketCode: registrations[0].ticketCode, deviceId: 'hp-1', clientCheckinId: 'hp-1-0001' };
      const first = await post(`/events/${event.id}/check-ins`, checkinBatu.token, scan).expect(201);
      expect((await post(`/events/${event.id}/check-ins`, checkinBatu.token, scan).expect(200)).body).toEqual(first.body);
      // Reused by mistake for someone else: still that first scan; nothing is recorded for the other person.
      const reused = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ...scan, ticketCode: registrations[1].ticketCode }).expect(200);
      expect(reused.body.id).toBe(first.body.id);
      expect(await checkInRows(event.id)).toHaveLength(1);
      expect(await conflictCount(event.id)).toBe(0);
    });
  });

  describe('walk-ins', () => {
    const walkIn = (fields: Record<string, unknown> = {}) => ({ fullName: 'Mega Lestari, S.Par.', employmentType: 'NON_ASN', position: 'Staf Dinas Pariwisata', agencyId: disparta.id, ...fields });

    it('registers a walk-in as a person of the agency with a seat of the event, and checks them in', async () => {
      const { event } = await eventWithGuests(1);
      const response = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { walkIn: walkIn(), deviceId: 'batu-pintu-1' }).expect(201);
      expect(response.body).toMatchObject({ fullName: 'Mega Lestari, S.Par.', nip: null, position: 'Staf Dinas Pariwisata', agencyId: disparta.id, walkIn: true, delegate: false, identifiedBy: 'WALK_IN', method: 'MANUAL' });
      expect(response.body.ticketCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      const stored = await withDatabase(async (db) => ({
        person: (await db.query('SELECT region_id, agency_id, employment_type FROM people WHERE id = $1', [response.body.personId])).rows[0],
        registration: (await db.query('SELECT invitation_id, agency_id FROM registrations WHERE id = $1', [response.body.registrationId])).rows[0],
        registered: (await db.query('SELECT registered FROM events WHERE id = $1', [event.id])).rows[0].registered,
      }));
      expect(stored).toEqual({
        person: { region_id: r.batu.id, agency_id: disparta.id, employment_type: 'NON_ASN' },
        registration: { invitation_id: null, agency_id: disparta.id },
        registered: 2,
      });
      // Registered again at another desk: the same person and seat, answered as a repeat.
      const again = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { walkIn: walkIn({ fullName: 'mega lestari, s.par.' }) }).expect(200);
      expect(again.body.id).toBe(response.body.id);
      expect(await withDatabase(async (db) => (await db.query('SELECT registered FROM events WHERE id = $1', [event.id])).rows[0].registered)).toBe(2);
    });

    it('matches the person with that NIP, and keeps an invited person on their own seat', async () => {
      const { event, people, registrations } = await eventWithGuests(1);
      const onRoster = await person(kesbang, 'Dewi Anggraini, S.Sos.');
      const matched = await post(`/events/${event.id}/check-ins`, checkinBatu.token, {
        walkIn: walkIn({ fullName: 'Dewi A.', nip: onRoster.nip, employmentType: 'PNS', agencyId: kesbang.id }),
      }).expect(201);
      expect(matched.body).toMatchObject({ personId: onRoster.id, fullName: 'Dewi Anggraini, S.Sos.', walkIn: true });
      const invited = await post(`/events/${event.id}/check-ins`, checkinBatu.token, {
        walkIn: walkIn({ fullName: people[0].fullName, nip: people[0].nip, employmentType: 'PNS', agencyId: dindik.id }),
      }).expect(201);
      expect(invited.body).toMatchObject({ personId: people[0].id, registrationId: registrations[0].id, walkIn: false, identifiedBy: 'WALK_IN' });
      const counts = await withDatabase(async (db) => (await db.query('SELECT registered, (SELECT count(*)::int FROM people WHERE nip = $2) AS holders FROM events WHERE id = $1', [event.id, onRoster.nip])).rows[0]);
      expect(counts).toEqual({ registered: 2, holders: 1 });
    });

    it('registers concurrent walk-ins of one NIP once: one person, one seat, one check-in', async () => {
      const { event } = await eventWithGuests(1);
      const nip = pnsNip(777_001);
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(`/events/${event.id}/check-ins`, checkinBatu.token, { walkIn: walkIn({ fullName: 'Bayu Aji', nip, employmentType: 'PNS' }), deviceId: `hp-${i}` })),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      const stored = await withDatabase(async (db) => (await db.query('SELECT (SELECT count(*)::int FROM people WHERE nip = $2) AS people, registered FROM events WHERE id = $1', [event.id, nip])).rows[0]);
      expect(stored).toEqual({ people: 1, registered: 2 });
    });

    it('refuses a walk-in when the hall is full, writing nothing', async () => {
      const { event } = await eventWithGuests(2, { capacity: 2 });
      const full = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { walkIn: walkIn({ fullName: 'Tidak Kebagian Kursi' }) }).expect(409);
      expect(full.body).toMatchObject({ type: expect.stringContaining('capacity-exceeded'), seatsLeft: 0 });
      expect(await withDatabase(async (db) => (await db.query("SELECT count(*)::int AS n FROM people WHERE full_name = 'Tidak Kebagian Kursi'")).rows[0].n)).toBe(0);
    });

    it('takes the walk-in agency from the event region only, and validates the person', async () => {
      const { event } = await eventWithGuests(1);
      await post(`/events/${event.id}/check-ins`, organizerBatu.token, { walkIn: walkIn({ agencyId: malangAgency.id }) }).expect(404);
      const bad = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { walkIn: walkIn({ employmentType: 'PNS', nip: undefined, position: undefined }) }).expect(400);
      expect([...new Set(fieldsOf(bad.body))].sort()).toEqual(['walkIn.nip', 'walkIn.position']);
    });
  });

  describe('when the door is open (DESIGN §3.5)', () => {
    it('accepts scans from 3 h before the start to 6 h after the end, and refuses the rest with the window', async () => {
      const { event, registrations } = await eventWithGuests(3);
      const startsAt = Date.parse(event.startsAt);
      const endsAt = Date.parse(event.endsAt);
      const scan = (i: number, at: number) => post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[i].ticketCode, checkedInAt: new Date(at).toISOString() });
      const early = await scan(0, startsAt - 3 * HOUR - 60_000).expect(409);
      expect(early.body).toMatchObject({
        type: expect.stringContaining('outside-check-in-window'),
        opensAt: new Date(startsAt - 3 * HOUR).toISOString(),
        closesAt: new Date(endsAt + 6 * HOUR).toISOString(),
      });
      await scan(0, startsAt - 3 * HOUR).expect(201);
      // Ahead of the server clock by more than the 5 minutes of allowed skew: the device's clock is wrong.
      const ahead = await scan(1, Date.now() + 10 * 60_000).expect(400);
      expect(fieldsOf(ahead.body)).toEqual(['checkedInAt']);
      await scan(1, Date.now() + 2 * 60_000).expect(201);
      expect(await checkInRows(event.id)).toHaveLength(2);
    });

    it('refuses check-in after the window and on cancelled or draft events', async () => {
      const past = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { startsAt: '2024-10-29T13:00:00+07:00', endsAt: '2024-10-29T16:00:00+07:00' }));
      const guest = await person(dindik, 'Datang Terlambat');
      const { registrations } = await confirmInvitation(t, past, dindik.id, [{ personId: guest.id }]);
      const late = await post(`/events/${past.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[0].ticketCode }).expect(409);
      expect(late.body.type).toContain('outside-check-in-window');
      // Within the window of a past event: an offline scan synced later is fine.
      await post(`/events/${past.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[0].ticketCode, checkedInAt: '2024-10-29T12:58:00+07:00' }).expect(201);

      const { event, registrations: tickets } = await eventWithGuests(1);
      await post(`/events/${event.id}/cancel`, organizerBatu.token, { reason: 'Ditunda karena cuaca buruk' }).expect(200);
      const cancelled = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: tickets[0].ticketCode }).expect(409);
      expect(cancelled.body).toMatchObject({ type: expect.stringContaining('event-cancelled'), eventStatus: 'CANCELLED' });
      const batch = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items: [{ clientCheckinId: 'x-1', checkedInAt: new Date().toISOString(), deviceId: 'hp', ticketCode: tickets[0].ticketCode }] }).expect(409);
      expect(batch.body.type).toContain('event-cancelled');

      const startsAt = new Date(Date.now() + HOUR);
      const draft = await createEvent(t, organizerBatu.token, eventBody(r.batu.id, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString() }));
      const refused = await post(`/events/${draft.id}/check-ins`, organizerBatu.token, { personId: guest.id }).expect(409);
      expect(refused.body.type).toContain('event-draft');
      // Door staff do not see drafts at all.
      await post(`/events/${draft.id}/check-ins`, checkinBatu.token, { personId: guest.id }).expect(404);
    });
  });

  describe('offline batches', () => {
    const scanAt = (minutesAfterStart: number, event: EventRef) => new Date(Date.parse(event.startsAt) + minutesAfterStart * 60_000 - 2 * HOUR).toISOString();

    it('answers each item created, duplicate or rejected with its reason, and a replay changes nothing', async () => {
      const { event, people, registrations } = await eventWithGuests(3);
      const other = await eventWithGuests(1);
      const stranger = await person(kesbang, 'Belum Terdaftar');
      await post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[2].ticketCode, deviceId: 'meja' }).expect(201);
      const items = [
        { clientCheckinId: 'hp2-1', checkedInAt: scanAt(0, event), deviceId: 'hp-2', ticketCode: registrations[0].ticketCode },
        { clientCheckinId: 'hp2-2', checkedInAt: scanAt(1, event), deviceId: 'hp-2', personId: people[1].id },
        { clientCheckinId: 'hp2-3', checkedInAt: scanAt(2, event), deviceId: 'hp-2', nip: people[2].nip },
        { clientCheckinId: 'hp2-4', checkedInAt: scanAt(3, event), deviceId: 'hp-2', ticketCode: other.registrations[0].ticketCode },
        { clientCheckinId: 'hp2-5', checkedInAt: scanAt(4, event), deviceId: 'hp-2', personId: stranger.id },
        { clientCheckinId: 'hp2-6', checkedInAt: scanAt(5, event), deviceId: 'hp-2', personId: '00000000-0000-4000-8000-000000000000' },
        { clientCheckinId: 'hp2-7', checkedInAt: new Date(Date.parse(event.startsAt) - 4 * HOUR).toISOString(), deviceId: 'hp-2', ticketCode: registrations[0].ticketCode },
        { clientCheckinId: 'hp2-8', checkedInAt: new Date(Date.now() + HOUR).toISOString(), deviceId: 'hp-2', ticketCode: registrations[0].ticketCode },
        { clientCheckinId: 'hp2-9', checkedInAt: scanAt(6, event), deviceId: 'hp-2', ticketCode: registrations[0].ticketCode },
      ];
      const first = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items }).expect(200);
      expect(first.body.results.map((result: { status: string; reason?: string }) => [result.status, result.reason])).toEqual([
        ['created', undefined],
        ['created', undefined],
        ['duplicate', undefined],
        ['rejected', 'ticket-not-found'],
        ['rejected', 'not-registered'],
        ['rejected', 'person-not-found'],
        ['rejected', 'outside-check-in-window'],
        ['rejected', 'checked-in-at-in-future'],
        ['duplicate', undefined],
      ]);
      expect(first.body.results[0]).toMatchObject({ clientCheckinId: 'hp2-1', checkIn: { personId: people[0].id, method: 'OFFLINE_SYNC', identifiedBy: 'TICKET', deviceId: 'hp-2', clientCheckinId: 'hp2-1' } });
      // Scanned offline before the desk's online scan: the earlier offline scan now stands.
      expect(first.body.results[2].checkIn).toMatchObject({ personId: people[2].id, deviceId: 'hp-2', clientCheckinId: 'hp2-3', identifiedBy: 'NIP' });
      expect(first.body.results[8].checkIn).toMatchObject({ clientCheckinId: 'hp2-1' });
      const rows = await checkInRows(event.id);
      const conflicts = await conflictCount(event.id);
      expect(rows).toHaveLength(3);
      expect(conflicts).toBe(2);

      const replay = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items }).expect(200);
      expect(replay.body.results.map((result: { status: string }) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'duplicate']);
      expect(await checkInRows(event.id)).toEqual(rows);
      expect(await conflictCount(event.id)).toBe(conflicts);
    });

    it('keeps the earliest scan of two devices, whichever batch arrives first', async () => {
      for (const order of [['early', 'late'], ['late', 'early']]) {
        const { event, people, registrations } = await eventWithGuests(1);
        const batches: Record<string, object> = {
          early: { items: [{ clientCheckinId: 'pintu-2-0117', checkedInAt: scanAt(31, event), deviceId: 'batu-pintu-2', ticketCode: registrations[0].ticketCode }] },
          late: { items: [{ clientCheckinId: 'pintu-1-0042', checkedInAt: scanAt(40, event), deviceId: 'batu-pintu-1', personId: people[0].id }] },
        };
        const answers = [];
        for (const which of order) answers.push((await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, batches[which]).expect(200)).body.results[0]);
        expect(answers.map((answer) => answer.status)).toEqual(['created', 'duplicate']);
        expect(await checkInRows(event.id)).toEqual([
          { person_id: people[0].id, checked_in_at: new Date(scanAt(31, event)), device_id: 'batu-pintu-2', client_checkin_id: 'pintu-2-0117', method: 'OFFLINE_SYNC' },
        ]);
        expect(answers[1].checkIn).toMatchObject({ deviceId: 'batu-pintu-2', checkedInAt: new Date(scanAt(31, event)).toISOString() });
        const conflicts = await get(`/events/${event.id}/check-ins/conflicts`, organizerBatu.token).expect(200);
        expect(conflicts.body.items).toMatchObject([{ deviceId: 'batu-pintu-1', clientCheckinId: 'pintu-1-0042', scannedAt: new Date(scanAt(40, event)).toISOString() }]);
        // Either batch sent again changes nothing.
        for (const which of order) await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, batches[which]).expect(200);
        expect(await conflictCount(event.id)).toBe(1);
      }
    });

    it('applies 1,000 scans in one batch, and the replay of all of them changes nothing', async () => {
      const event = await openEvent({ capacity: 2000 });
      const guests = await withDatabase(async (db) => {
        const ids = (
          await db.query(
            `INSERT INTO people (region_id, agency_id, full_name, employment_type, position)
             SELECT $1, $2, 'Peserta ' || n, 'NON_ASN', 'Staf' FROM generate_series(1, 1000) n RETURNING id`,
            [r.batu.id, dindik.id],
          )
        ).rows.map((row: { id: string }) => ({ personId: row.id }));
        return ids as Array<{ personId: string }>;
      });
      const { registrations } = await confirmInvitation(t, event, dindik.id, guests);
      const items = registrations.map((registration: RegistrationRef, i: number) => ({ clientCheckinId: `bulk-${i}`, checkedInAt: scanAt(i % 60, event), deviceId: `hp-${i % 3}`, ticketCode: registration.ticketCode }));
      const first = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items }).expect(200);
      expect(first.body.results.every((result: { status: string }) => result.status === 'created')).toBe(true);
      const again = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items }).expect(200);
      expect(again.body.results.every((result: { status: string }) => result.status === 'duplicate')).toBe(true);
      expect(await checkInRows(event.id)).toHaveLength(1000);
      expect(await conflictCount(event.id)).toBe(0);
      const tooMany = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items: [...items, { ...items[0], clientCheckinId: 'one-more' }] }).expect(400);
      expect(fieldsOf(tooMany.body)).toEqual(['items']);
    });

    it('rejects the one item whose write fails and records the others', async () => {
      const { event, people, registrations } = await eventWithGuests(3);
      // A check-in the database refuses for one person, as a broken row would.
      await withDatabase((db) =>
        db.query(`CREATE FUNCTION refuse_one_check_in() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW.person_id = '${people[1].id}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
                  CREATE TRIGGER refuse_one_check_in BEFORE INSERT ON check_ins FOR EACH ROW EXECUTE FUNCTION refuse_one_check_in();`),
      );
      try {
        const items = registrations.map((registration, i) => ({ clientCheckinId: `t-${i}`, checkedInAt: scanAt(i, event), deviceId: 'hp', ticketCode: registration.ticketCode }));
        const response = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items }).expect(200);
        expect(response.body.results.map((result: { status: string; reason?: string }) => [result.status, result.reason])).toEqual([
          ['created', undefined],
          ['rejected', 'not-recorded'],
          ['created', undefined],
        ]);
        expect((await checkInRows(event.id)).map((row: { person_id: string }) => row.person_id).sort()).toEqual([people[0].id, people[2].id].sort());
      } finally {
        await withDatabase((db) => db.query('DROP TRIGGER refuse_one_check_in ON check_ins; DROP FUNCTION refuse_one_check_in();'));
      }
    });

    it('refuses a malformed batch whole, naming the items at fault', async () => {
      const { event, registrations } = await eventWithGuests(1);
      const good = { clientCheckinId: 'ok-1', checkedInAt: scanAt(0, event), deviceId: 'hp', ticketCode: registrations[0].ticketCode };
      const response = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, {
        items: [good, { clientCheckinId: 'bad-2', checkedInAt: '2024-10-29 13:00', deviceId: 'hp', ticketCode: 'X' }, { clientCheckinId: 'bad-3', checkedInAt: scanAt(0, event), deviceId: 'hp' }],
      }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['items.1.checkedInAt']);
      const none = await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items: [good, { clientCheckinId: 'bad-3', checkedInAt: scanAt(0, event), deviceId: 'hp' }] }).expect(400);
      expect(fieldsOf(none.body)).toEqual(['items.1.ticketCode']);
      await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items: [{ ...good, walkIn: {} }] }).expect(400);
      await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, { items: [] }).expect(400);
      expect(await checkInRows(event.id)).toEqual([]);
    });
  });

  describe('door lookup, counts and attendance', () => {
    let event: EventRef;
    let people: PersonRef[];

    beforeAll(async () => {
      event = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { startsAt: '2024-10-29T13:00:00+07:00', endsAt: '2024-10-29T16:00:00+07:00' }));
      people = [
        await person(dindik, 'Dr. Hendra Kurniawan, M.Pd.'),
        await person(dindik, 'Novita Sari, S.Kom.'),
        await person(kesbang, 'Drs. Heru Wahyudi, M.Si.'),
        await person(kesbang, '=HYPERLINK("http://evil.example","klik")'),
      ];
      const dindikInvitation = await confirmInvitation(t, event, dindik.id, [{ personId: people[0].id }, { personId: people[1].id, delegate: true }]);
      const kesbangInvitation = await confirmInvitation(t, event, kesbang.id, [{ personId: people[2].id }, { personId: people[3].id }]);
      const other = await createAgency(t, r.batu.id, 'Satuan Polisi Pamong Praja');
      const silent = await createAgency(t, r.batu.id, 'Dinas Kesehatan');
      await unansweredInvitation(t, event, other.id, { status: 'DECLINED', reason: '@pengamanan kampanye' });
      await unansweredInvitation(t, event, silent.id);
      const at = (time: string) => `2024-10-29T${time}:00+07:00`;
      await post(`/events/${event.id}/check-ins/batch`, checkinBatu.token, {
        items: [
          { clientCheckinId: 'a-1', checkedInAt: at('12:31'), deviceId: 'pintu-1', ticketCode: dindikInvitation.registrations[0].ticketCode },
          { clientCheckinId: 'a-2', checkedInAt: at('12:45'), deviceId: 'pintu-1', ticketCode: dindikInvitation.registrations[1].ticketCode },
          { clientCheckinId: 'a-3', checkedInAt: at('13:05'), deviceId: 'pintu-1', ticketCode: kesbangInvitation.registrations[1].ticketCode },
        ],
      }).expect(200);
      await post(`/events/${event.id}/check-ins`, checkinBatu.token, {
        walkIn: { fullName: 'Sri Wahyuni, S.Par.', employmentType: 'NON_ASN', position: 'Staf', agencyId: disparta.id },
        checkedInAt: at('13:12'),
      }).expect(201);
    });

    it('finds registrations by part of the name or the first digits of the NIP, with the check-in time', async () => {
      const byName = await get(`/events/${event.id}/registrations?q=hendra`, checkinBatu.token).expect(200);
      expect(byName.body).toMatchObject({
        total: 1,
        items: [{ personId: people[0].id, fullName: 'Dr. Hendra Kurniawan, M.Pd.', agencyName: 'Dinas Pendidikan', delegate: false, walkIn: false, checkedInAtLocal: '2024-10-29T12:31:00+07:00' }],
      });
      expect(byName.body.items[0].ticketCode).toMatch(/^[0-9A-Z]{10}$/);
      const byNip = await get(`/events/${event.id}/registrations?q=${people[2].nip}`, checkinBatu.token).expect(200);
      expect(byNip.body.items.map((item: { personId: string }) => item.personId)).toEqual([people[2].id]);
      expect(byNip.body.items[0]).toMatchObject({ checkedInAt: null, checkInId: null });
      const prefix = people[2].nip!.slice(0, 14);
      const byPrefix = await get(`/events/${event.id}/registrations?q=${prefix}`, checkinBatu.token).expect(200);
      expect(byPrefix.body.items.map((item: { personId: string }) => item.personId)).toContain(people[2].id);
      expect(byPrefix.body.items.every((item: { nip: string }) => item.nip.startsWith(prefix))).toBe(true);
      const all = await get(`/events/${event.id}/registrations?limit=2`, checkinBatu.token).expect(200);
      expect(all.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
      expect((await get(`/events/${event.id}/registrations?q=wahyuni`, checkinBatu.token).expect(200)).body.items[0]).toMatchObject({ walkIn: true, invitationId: null });
      expect((await get(`/events/${event.id}/registrations?q=100%25`, checkinBatu.token).expect(200)).body.total).toBe(0);
    });

    it('counts registered, checked in and walk-ins, by agency', async () => {
      const counts = await get(`/events/${event.id}/counts`, viewerBatu.token).expect(200);
      expect(counts.body).toEqual({
        eventId: event.id,
        capacity: 500,
        registered: 5,
        checkedIn: 4,
        walkIns: 1,
        delegates: 1,
        conflicts: 0,
        byAgency: [
          { agencyId: kesbang.id, name: 'Badan Kesatuan Bangsa dan Politik', registered: 2, checkedIn: 1, walkIns: 0, delegates: 0 },
          { agencyId: disparta.id, name: 'Dinas Pariwisata', registered: 1, checkedIn: 1, walkIns: 1, delegates: 0 },
          { agencyId: dindik.id, name: 'Dinas Pendidikan', registered: 2, checkedIn: 2, walkIns: 0, delegates: 1 },
        ],
      });
    });

    it('gives the attendance sheet as JSON: grouped by agency, numbered, local times, absent agencies last', async () => {
      const sheet = await get(`/events/${event.id}/attendance`, checkinBatu.token).expect(200);
      expect(sheet.body.event).toMatchObject({ id: event.id, regionName: 'Kota Batu', schedule: 'Selasa, 29 Oktober 2024, 13.00–16.00 WIB' });
      expect(sheet.body.totals).toEqual({ present: 4, invited: 3, delegates: 1, walkIns: 1, agencies: 3, absentAgencies: 2 });
      expect(
        sheet.body.agencies.map((group: { agencyName: string; rows: Array<{ no: number; fullName: string; time: string; remark: string }> }) => [
          group.agencyName,
          group.rows.map((row) => [row.no, row.fullName, row.time, row.remark]),
        ]),
      ).toEqual([
        ['Badan Kesatuan Bangsa dan Politik', [[1, '=HYPERLINK("http://evil.example","klik")', '13.05 WIB', 'hadir']]],
        ['Dinas Pariwisata', [[2, 'Sri Wahyuni, S.Par.', '13.12 WIB', 'tanpa undangan']]],
        [
          'Dinas Pendidikan',
          [
            [3, 'Dr. Hendra Kurniawan, M.Pd.', '12.31 WIB', 'hadir'],
            [4, 'Novita Sari, S.Kom.', '12.45 WIB', 'diwakilkan'],
          ],
        ],
      ]);
      expect(sheet.body.absentAgencies).toMatchObject([
        { agencyName: 'Dinas Kesehatan', invitationStatus: 'PENDING', remark: 'tidak hadir (undangan belum dijawab)' },
        { agencyName: 'Satuan Polisi Pamong Praja', invitationStatus: 'DECLINED', remark: 'tidak hadir (berhalangan: @pengamanan kampanye)' },
      ]);
    });

    it('gives the attendance sheet as a CSV with a BOM, Indonesian headers and formula-safe cells', async () => {
      const response = await get(`/events/${event.id}/attendance?format=csv`, checkinBatu.token).buffer(true).parse(asBytes);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="daftar-hadir-2024-10-29-sosialisasi-netralitas-asn-dan-anti-radikalisme.csv"');
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(bytes, { bom: true }) as string[][];
      expect(rows[0]).toEqual(['No', 'Nama', 'NIP', 'Jabatan', 'Instansi', 'Waktu hadir', 'Keterangan']);
      expect(rows.slice(1)).toEqual([
        ['1', `'=HYPERLINK("http://evil.example","klik")`, people[3].nip, 'Kepala Bidang', 'Badan Kesatuan Bangsa dan Politik', '13.05 WIB', 'hadir'],
        ['2', 'Sri Wahyuni, S.Par.', '', 'Staf', 'Dinas Pariwisata', '13.12 WIB', 'tanpa undangan'],
        ['3', 'Dr. Hendra Kurniawan, M.Pd.', people[0].nip, 'Kepala Bidang', 'Dinas Pendidikan', '12.31 WIB', 'hadir'],
        ['4', 'Novita Sari, S.Kom.', people[1].nip, 'Kepala Bidang', 'Dinas Pendidikan', '12.45 WIB', 'diwakilkan'],
        ['', '', '', '', 'Dinas Kesehatan', '', 'tidak hadir (undangan belum dijawab)'],
        ['', '', '', '', 'Satuan Polisi Pamong Praja', '', 'tidak hadir (berhalangan: @pengamanan kampanye)'],
      ]);
    });

    it('prints the sheet as a PDF: without an office the region heads it, absent agencies last; other formats are a 400', async () => {
      const response = await get(`/events/${event.id}/attendance?format=pdf`, checkinBatu.token).buffer(true).parse(asBytes);
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="daftar-hadir-2024-10-29-sosialisasi-netralitas-asn-dan-anti-radikalisme.pdf"');
      const text = (await readPdf(response.body as Buffer)).text.replace(/\s+/g, ' ');
      expect(text.startsWith('PEMERINTAH KOTA BATU DAFTAR HADIR')).toBe(true);
      // Printed as written: a PDF runs no formulas.
      expect(text).toMatch(/1 =HYPERLINK\("http:\/\/ ?evil\.example","klik"\)/);
      expect(text).toContain('Sri Wahyuni, S.Par. - Staf Dinas Pariwisata 13.12 WIB tanpa undangan');
      expect(text).toMatch(/1 Dinas Kesehatan tidak hadir \(undangan belum dijawab\) 2 Satuan Polisi Pamong Praja tidak hadir/);
      expect(fieldsOf((await get(`/events/${event.id}/attendance?format=xlsx`, organizerBatu.token).expect(400)).body)).toEqual(['format']);
    });
  });

  describe('roles and tenancy', () => {
    it('lets CHECKIN staff do door check-in and read attendance of their region, and nothing else', async () => {
      const { event, people } = await eventWithGuests(1);
      const id = event.id;
      await post(`/events/${id}/check-ins`, checkinBatu.token, { personId: people[0].id }).expect(201);
      for (const path of [`/events/${id}/registrations`, `/events/${id}/counts`, `/events/${id}/attendance`, `/events/${id}/attendance?format=csv`]) await get(path, checkinBatu.token).expect(200);
      await get(`/events/${id}/check-ins/conflicts`, checkinBatu.token).expect(403);
      await post('/people', checkinBatu.token, { agencyId: dindik.id, fullName: 'Orang Baru', employmentType: 'NON_ASN' }).expect(403);
      await post('/agencies', checkinBatu.token, { name: 'Dinas Baru', category: 'OPD' }).expect(403);
      await post(`/events/${id}/cancel`, checkinBatu.token, { reason: 'coba-coba' }).expect(403);
      await t.http().patch(`/api/v1/events/${id}`).set('Authorization', checkinBatu.token).send({ capacity: 1 }).expect(403);
      await get('/audit-log', checkinBatu.token).expect(403);
      await get('/users', checkinBatu.token).expect(403);
    });

    it('refuses check-in to viewers and agency reps (403), and hides other regions (404)', async () => {
      const { event, people } = await eventWithGuests(1);
      await post(`/events/${event.id}/check-ins`, viewerBatu.token, { personId: people[0].id }).expect(403);
      await post(`/events/${event.id}/check-ins`, repDindik.token, { personId: people[0].id }).expect(403);
      await get(`/events/${event.id}/registrations`, viewerBatu.token).expect(403);
      await get(`/events/${event.id}/attendance`, repDindik.token).expect(403);
      for (const token of [checkinMalang.token, organizerBalikpapan.token]) {
        await post(`/events/${event.id}/check-ins`, token, { personId: people[0].id }).expect(404);
        await post(`/events/${event.id}/check-ins/batch`, token, { items: [{ clientCheckinId: 'x', checkedInAt: new Date().toISOString(), deviceId: 'x', personId: people[0].id }] }).expect(404);
        await get(`/events/${event.id}/registrations`, token).expect(404);
        await get(`/events/${event.id}/counts`, token).expect(404);
        await get(`/events/${event.id}/attendance`, token).expect(404);
      }
      await get(`/events/${event.id}/check-ins/conflicts`, organizerBalikpapan.token).expect(404);
      expect(await checkInRows(event.id)).toEqual([]);
      await t.http().post(`/api/v1/events/${event.id}/check-ins`).send({ personId: people[0].id }).expect(401);
    });
  });
});
