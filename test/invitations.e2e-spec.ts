import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type AgencyRef, auditEntries, createAgency, createPerson, pnsNip } from './support/directory-fixtures.js';
import { type EventRef, createEvent, createScheduledEvent, eventBody, fieldsOf } from './support/event-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';
import { asBytes } from './support/documents.js';

/** A Tuesday, WIB: "Selasa, 29 Oktober 2030", 13.00–16.00. Far enough ahead to stay open. */
const FUTURE = { startsAt: '2030-10-29T13:00:00+07:00', endsAt: '2030-10-29T16:00:00+07:00' };

interface Invited {
  invitationId: string;
  agencyId: string;
  agencyName: string;
}

describe('invitations', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let disdik: AgencyRef;
  let dinkes: AgencyRef;
  let kesbang: AgencyRef;
  let sman1: AgencyRef;
  let sman2: AgencyRef;
  let balikpapanOpd: AgencyRef;
  let repDisdik: TestUser;
  let repDinkes: TestUser;

  // Uploads land here (DATA_DIR/files), so the test can see exactly what is kept on disk.
  const dataDir = mkdtempSync(join(tmpdir(), 'netralitas-invitations-'));

  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: dataDir });
    r = await createRegions(t);
    cast = await createCast(t, r);
    disdik = await createAgency(t, r.batu.id, 'Dinas Pendidikan Kota Batu', { headTitle: 'Kepala Dinas Pendidikan' });
    dinkes = await createAgency(t, r.batu.id, 'Dinas Kesehatan Kota Batu', { headTitle: 'Kepala Dinas Kesehatan' });
    kesbang = await createAgency(t, r.batu.id, 'Badan Kesatuan Bangsa dan Politik Kota Batu', { headTitle: null });
    sman1 = await createAgency(t, r.batu.id, 'SMA Negeri 1 Batu', { category: 'SCHOOL', headTitle: 'Kepala Sekolah' });
    sman2 = await createAgency(t, r.batu.id, 'SMA Negeri 2 Batu', { category: 'SCHOOL', headTitle: 'Kepala Sekolah' });
    balikpapanOpd = await createAgency(t, r.balikpapan.id, 'Dinas Komunikasi dan Informatika Kota Balikpapan', { headTitle: 'Kepala Dinas' });
    repDisdik = await createUser(t, 'AGENCY_REP', { agencyId: disdik.id });
    repDinkes = await createUser(t, 'AGENCY_REP', { agencyId: dinkes.id });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const withDatabase = <T>(work: (db: pg.Client) => Promise<T>) => withAdminClient(t.databaseUrl, work);
  const count = (sql: string, params: unknown[] = []) => withDatabase(async (db) => (await db.query(sql, params)).rows[0].n as number);
  const post = (path: string, token: string | null, body?: object) => {
    const request = t.http().post(`/api/v1${path}`);
    return (token ? request.set('Authorization', token) : request).send(body);
  };
  const get = (path: string, token: string | null) => {
    const request = t.http().get(`/api/v1${path}`).set('Accept', 'application/json');
    return token ? request.set('Authorization', token) : request;
  };
  const scheduled = (overrides: Record<string, unknown> = {}) => createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, { ...FUTURE, ...overrides }));
  const invite = (eventId: string, body: object, token = cast.organizerBatu.token) => post(`/events/${eventId}/invitations`, token, body);
  async function inviteOne(eventId: string, agency: AgencyRef, seats = 3): Promise<string> {
    const response = await invite(eventId, { agencyIds: [agency.id], seats });
    return ((response.body.created as Invited[])[0] ?? (response.body.alreadyInvited as Invited[])[0]).invitationId;
  }
  const tokenOf = (invitationId: string) => withDatabase(async (db) => (await db.query('SELECT token FROM invitations WHERE id = $1', [invitationId])).rows[0].token as string);
  const registered = (eventId: string) => count('SELECT registered AS n FROM events WHERE id = $1', [eventId]);

  describe('bulk invitations', () => {
    it('invites every agency of a category of the event region, addressed by their head title; inviting again changes nothing', async () => {
      const event = await scheduled();
      const first = await invite(event.id, { category: 'SCHOOL', seats: 5 }).expect(201);
      expect(first.body.created.map((i: Invited) => i.agencyName)).toEqual(['SMA Negeri 1 Batu', 'SMA Negeri 2 Batu']);
      expect(first.body.alreadyInvited).toEqual([]);
      const list = await get(`/events/${event.id}/invitations`, cast.organizerBatu.token).expect(200);
      expect(list.body.items.map((i: { agencyName: string; addresseeTitle: string; seats: number; status: string }) => [i.agencyName, i.addresseeTitle, i.seats, i.status])).toEqual([
        ['SMA Negeri 1 Batu', 'Kepala Sekolah', 5, 'PENDING'],
        ['SMA Negeri 2 Batu', 'Kepala Sekolah', 5, 'PENDING'],
      ]);

      const again = await invite(event.id, { category: 'SCHOOL', seats: 9, addresseeTitle: 'Kepala SMA' }).expect(200);
      expect(again.body.created).toEqual([]);
      expect(again.body.alreadyInvited.map((i: Invited) => i.invitationId)).toEqual(first.body.created.map((i: Invited) => i.invitationId));
      const rows = await withDatabase(async (db) => (await db.query('SELECT seats, addressee_title, token FROM invitations WHERE event_id = $1', [event.id])).rows);
      expect(rows.map((row) => [row.seats, row.addressee_title])).toEqual([
        [5, 'Kepala Sekolah'],
        [5, 'Kepala Sekolah'],
      ]);
      // Link secrets drawn in SQL: base64url, distinct.
      expect(rows.every((row) => /^[A-Za-z0-9_-]{43}$/.test(row.token))).toBe(true);
      expect(new Set(rows.map((row) => row.token)).size).toBe(2);
    });

    it('invites agencies by id, saying which were new and which invited already; agencies of another region are refused, nothing written', async () => {
      const event = await scheduled();
      await invite(event.id, { agencyIds: [disdik.id], seats: 3 }).expect(201);
      const both = await invite(event.id, { agencyIds: [dinkes.id, disdik.id, kesbang.id], seats: 2, addresseeTitle: 'Kepala Perangkat Daerah' }).expect(201);
      expect(both.body.created.map((i: Invited) => i.agencyId).sort()).toEqual([dinkes.id, kesbang.id].sort());
      expect(both.body.alreadyInvited.map((i: Invited) => i.agencyId)).toEqual([disdik.id]);

      const foreign = await invite(event.id, { agencyIds: [sman1.id, balikpapanOpd.id], seats: 2 }).expect(400);
      expect(fieldsOf(foreign.body)).toEqual(['agencyIds']);
      expect(foreign.body.detail).toContain(balikpapanOpd.id);
      expect(await count('SELECT count(*)::int AS n FROM invitations WHERE event_id = $1', [event.id])).toBe(3);

      // Without a head title the letter addresses the agency's leadership.
      const kesbangInvitation = await get(`/invitations/${both.body.created.find((i: Invited) => i.agencyId === kesbang.id).invitationId}`, cast.organizerBatu.token).expect(200);
      expect(kesbangInvitation.body.addresseeTitle).toBe('Kepala Perangkat Daerah');
      const defaulted = await scheduled();
      const byDefault = await invite(defaulted.id, { agencyIds: [kesbang.id], seats: 2 }).expect(201);
      const detail = await get(`/invitations/${byDefault.body.created[0].invitationId}`, cast.organizerBatu.token).expect(200);
      expect(detail.body.addresseeTitle).toBe('Pimpinan Badan Kesatuan Bangsa dan Politik Kota Batu');
    });

    it.each([
      [{ seats: 2 }, 'agencyIds'],
      [{ category: 'OPD', agencyIds: ['5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c'], seats: 2 }, 'category'],
      [{ category: 'PARTAI', seats: 2 }, 'category'],
      [{ category: 'OPD', seats: 0 }, 'seats'],
      [{ category: 'OPD' }, 'seats'],
      [{ agencyIds: [], seats: 1 }, 'agencyIds'],
      [{ agencyIds: ['not-a-uuid'], seats: 1 }, 'agencyIds'],
      [{ category: 'OPD', seats: 1, token: 'mine' }, 'token'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const event = await scheduled();
      const response = await invite(event.id, body).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await count('SELECT count(*)::int AS n FROM invitations WHERE event_id = $1', [event.id])).toBe(0);
    });

    it('takes no invitations on a DRAFT, CANCELLED or COMPLETED event (409 with the status)', async () => {
      const draft = await createEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, FUTURE));
      const cancelled = await scheduled();
      await post(`/events/${cancelled.id}/cancel`, cast.organizerBatu.token, { reason: 'Ditunda karena debat publik' }).expect(200);
      const completed = await scheduled();
      await post(`/events/${completed.id}/complete`, cast.organizerBatu.token).expect(200);
      for (const [event, status] of [[draft, 'DRAFT'], [cancelled, 'CANCELLED'], [completed, 'COMPLETED']] as const) {
        const response = await invite(event.id, { category: 'OPD', seats: 2 }).expect(409);
        expect(response.body).toMatchObject({ type: 'https://netralitas.id/problems/event-not-scheduled', eventStatus: status });
      }
      expect(await count('SELECT count(*)::int AS n FROM invitations WHERE event_id = ANY($1)', [[draft.id, cancelled.id, completed.id]])).toBe(0);
    });

    it('is for organizers of the event region: other roles 403, other regions 404', async () => {
      const event = await scheduled();
      await invite(event.id, { category: 'OPD', seats: 2 }, cast.viewerBatu.token).expect(403);
      await invite(event.id, { category: 'OPD', seats: 2 }, cast.checkinBatu.token).expect(403);
      await invite(event.id, { category: 'OPD', seats: 2 }, repDisdik.token).expect(403);
      await invite(event.id, { category: 'OPD', seats: 2 }, cast.organizerBalikpapan.token).expect(404);
      await invite(event.id, { category: 'OPD', seats: 2 }, cast.organizerJatim.token).expect(201);
      await t.http().post(`/api/v1/events/${event.id}/invitations`).send({ category: 'OPD', seats: 2 }).expect(401);
    });
  });

  describe('listing and follow-up', () => {
    let event: EventRef;
    let disdikInvitation: string;
    let dinkesInvitation: string;

    beforeAll(async () => {
      event = await scheduled();
      disdikInvitation = await inviteOne(event.id, disdik);
      dinkesInvitation = await inviteOne(event.id, dinkes);
      await inviteOne(event.id, sman1);
      await post(`/invitations/${dinkesInvitation}/respond`, repDinkes.token, { status: 'DECLINED', reason: 'Bersamaan dengan pelayanan kesehatan terjadwal' }).expect(200);
    });

    it('lists an event’s invitations with counts by status, whatever the filter', async () => {
      const all = await get(`/events/${event.id}/invitations`, cast.organizerBatu.token).expect(200);
      expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0, counts: { PENDING: 2, CONFIRMED: 0, DECLINED: 1 } });
      const pending = await get(`/events/${event.id}/invitations?status=PENDING`, cast.organizerBatu.token).expect(200);
      expect(pending.body.items.map((i: { agencyName: string }) => i.agencyName)).toEqual(['Dinas Pendidikan Kota Batu', 'SMA Negeri 1 Batu']);
      expect(pending.body).toMatchObject({ total: 2, counts: { PENDING: 2, CONFIRMED: 0, DECLINED: 1 } });
      const declined = all.body.items.find((i: { id: string }) => i.id === dinkesInvitation);
      expect(declined).toMatchObject({ status: 'DECLINED', reason: 'Bersamaan dengan pelayanan kesehatan terjadwal', attendeeCount: 0 });
      expect(declined.respondedAt).toEqual(expect.any(String));
      expect(declined.rsvpUrl).toBe(`http://localhost:3000/api/v1/rsvp/${await tokenOf(dinkesInvitation)}`);
      await get(`/events/${event.id}/invitations?status=MAYBE`, cast.organizerBatu.token).expect(400);
    });

    it('shows an AGENCY_REP its own invitation only, with its links', async () => {
      const own = await get(`/events/${event.id}/invitations`, repDisdik.token).expect(200);
      expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([disdikInvitation]);
      expect(own.body.counts).toEqual({ PENDING: 1, CONFIRMED: 0, DECLINED: 0 });
      expect(own.body.items[0].rsvpUrl).toMatch(/\/api\/v1\/rsvp\/[A-Za-z0-9_-]{43}$/);
      await get(`/invitations/${disdikInvitation}`, repDisdik.token).expect(200);
      // Another agency's invitation does not exist for it.
      const other = await get(`/invitations/${dinkesInvitation}`, repDisdik.token).expect(404);
      expect(other.body.detail).toBe(`Invitation ${dinkesInvitation} was not found`);
    });

    it('lets VIEWER follow up read-only, without RSVP links; CHECKIN has no access; other regions see nothing', async () => {
      const viewed = await get(`/events/${event.id}/invitations`, cast.viewerBatu.token).expect(200);
      expect(viewed.body.total).toBe(3);
      expect(viewed.body.items.every((i: { rsvpUrl: string | null; whatsappUrl: string | null }) => i.rsvpUrl === null && i.whatsappUrl === null)).toBe(true);
      await get(`/invitations/${disdikInvitation}`, cast.viewerBatu.token).expect(200);
      await post(`/invitations/${disdikInvitation}/respond`, cast.viewerBatu.token, { status: 'DECLINED' }).expect(403);
      await get(`/events/${event.id}/invitations`, cast.checkinBatu.token).expect(403);
      await get(`/invitations/${disdikInvitation}`, cast.checkinBatu.token).expect(403);
      await get(`/events/${event.id}/invitations`, cast.organizerBalikpapan.token).expect(404);
      await get(`/invitations/${disdikInvitation}`, cast.organizerBalikpapan.token).expect(404);
      await get(`/invitations/${disdikInvitation}`, cast.organizerJatim.token).expect(200);
    });

    it('carries a WhatsApp message in Bahasa Indonesia with the day, time and zone of the region, the venue and the RSVP link', async () => {
      const invitation = await get(`/invitations/${disdikInvitation}`, cast.organizerBatu.token).expect(200);
      const url = new URL(invitation.body.whatsappUrl);
      expect(`${url.origin}${url.pathname}`).toBe('https://wa.me/');
      const text = url.searchParams.get('text')!;
      expect(text).toContain('Yth. Kepala Dinas Pendidikan\nDinas Pendidikan Kota Batu');
      expect(text).toContain('*Sosialisasi Netralitas ASN dan Anti Radikalisme*');
      expect(text).toContain('Hari/tanggal: Selasa, 29 Oktober 2030');
      expect(text).toContain('Pukul: 13.00–16.00 WIB');
      expect(text).toContain('Tempat: GOR Gajah Mada, Jl. Gajah Mada, Kecamatan Batu, Kota Batu');
      expect(text).toContain('Jumlah peserta: 3 orang');
      expect(text).toContain(invitation.body.rsvpUrl);

      // Balikpapan writes its times in WITA: 09.00 +08:00 is not 08.00 WIB.
      const repBalikpapan = await createUser(t, 'AGENCY_REP', { agencyId: balikpapanOpd.id });
      const balikpapan = await createScheduledEvent(
        t,
        cast.organizerBalikpapan.token,
        eventBody(r.balikpapan.id, { venueName: 'Ballroom Hotel Maxone', venueAddress: null, startsAt: '2030-03-12T09:00:00+08:00', endsAt: '2030-03-12T11:30:00+08:00' }),
      );
      const invitationId = (await invite(balikpapan.id, { agencyIds: [balikpapanOpd.id], seats: 2 }, cast.organizerBalikpapan.token).expect(201)).body.created[0].invitationId;
      const seen = await get(`/invitations/${invitationId}`, repBalikpapan.token).expect(200);
      const message = new URL(seen.body.whatsappUrl).searchParams.get('text')!;
      expect(message).toContain('Hari/tanggal: Selasa, 12 Maret 2030');
      expect(message).toContain('Pukul: 09.00–11.30 WITA');
      expect(message).toContain('Tempat: Ballroom Hotel Maxone\n');
    });
  });

  describe('answering', () => {
    it('confirms with the head and a new delegate: registrations with ticket codes, seats taken, the person added to the agency, audited', async () => {
      const event = await scheduled();
      const head = await createPerson(t, disdik.id, { fullName: 'Dr. Hendra Kurniawan, M.Pd.', nip: pnsNip(101), employmentType: 'PNS', position: 'Kepala Dinas' });
      const invitationId = await inviteOne(event.id, disdik, 3);
      const response = await post(`/invitations/${invitationId}/respond`, repDisdik.token, {
        status: 'CONFIRMED',
        attendees: [{ personId: head.id }, { fullName: '  Siti Maisaroh, S.Pd. ', nip: pnsNip(102).replace(/^(\d{8})(\d{6})/, '$1 $2 '), employmentType: 'PNS', position: 'Kepala Bidang SMP', delegate: true }],
      }).expect(200);
      expect(response.body).toMatchObject({ status: 'CONFIRMED', attendeeCount: 2, seats: 3 });
      expect(response.body.attendees.map((a: { person: { fullName: string }; delegate: boolean }) => [a.person.fullName, a.delegate])).toEqual([
        ['Dr. Hendra Kurniawan, M.Pd.', false],
        ['Siti Maisaroh, S.Pd.', true],
      ]);
      for (const attendee of response.body.attendees) expect(attendee.ticketCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(await registered(event.id)).toBe(2);
      const delegate = await withDatabase(async (db) => (await db.query('SELECT agency_id, nip, position FROM people WHERE full_name = $1', ['Siti Maisaroh, S.Pd.'])).rows);
      expect(delegate).toEqual([{ agency_id: disdik.id, nip: pnsNip(102), position: 'Kepala Bidang SMP' }]);

      // The same answer again adds nobody (the new person is found by NIP) and changes nothing.
      const repeated = await post(`/invitations/${invitationId}/respond`, repDisdik.token, {
        status: 'CONFIRMED',
        attendees: [{ personId: head.id }, { fullName: 'Siti Maisaroh, S.Pd.', nip: pnsNip(102), employmentType: 'PNS', position: 'Kepala Bidang SMP', delegate: true }],
      }).expect(200);
      expect(repeated.body.attendees.map((a: { ticketCode: string }) => a.ticketCode)).toEqual(response.body.attendees.map((a: { ticketCode: string }) => a.ticketCode));
      expect(await count('SELECT count(*)::int AS n FROM people WHERE full_name = $1', ['Siti Maisaroh, S.Pd.'])).toBe(1);
      expect(await registered(event.id)).toBe(2);
      const answers = (await auditEntries(t, 'invitation')).filter((entry) => entry.entityId === invitationId && entry.action === 'respond');
      expect(answers).toHaveLength(1);
      expect(answers[0].changes).toMatchObject({ status: { from: 'PENDING', to: 'CONFIRMED' }, added: [{ personId: head.id, delegate: false }, { delegate: true }] });
    });

    it('swaps a delegate on a full event: the seat given back is taken by the new delegate; one more is refused with the seats left', async () => {
      const event = await scheduled({ capacity: 2 });
      const kapolres = await createAgency(t, r.batu.id, `Polres Batu ${event.id.slice(0, 6)}`, { category: 'VERTICAL', headTitle: 'Kapolres' });
      const [wakapolres, kasat, kabag] = await Promise.all(
        ['Kompol Dwi Cahyono, S.H., M.H.', 'AKP Hendra Gunawan', 'Kompol Bambang Irawan'].map((fullName) => createPerson(t, kapolres.id, { fullName, employmentType: 'EXTERNAL', position: 'Perwira Polres' })),
      );
      const invitationId = await inviteOne(event.id, kapolres, 3);
      const respond = (personIds: string[]) => post(`/invitations/${invitationId}/respond`, cast.organizerBatu.token, { status: 'CONFIRMED', attendees: personIds.map((personId) => ({ personId, delegate: true })) });
      await respond([wakapolres.id, kasat.id]).expect(200);
      expect(await registered(event.id)).toBe(2);

      // "Kapolres diwakilkan": Kasat cannot come after all, Kabag goes in his place.
      const swapped = await respond([wakapolres.id, kabag.id]).expect(200);
      expect(swapped.body.attendees.map((a: { person: { id: string } }) => a.person.id).sort()).toEqual([wakapolres.id, kabag.id].sort());
      expect(await registered(event.id)).toBe(2);
      expect(await count('SELECT count(*)::int AS n FROM registrations WHERE invitation_id = $1 AND person_id = $2', [invitationId, kasat.id])).toBe(0);

      const full = await respond([wakapolres.id, kabag.id, kasat.id]).expect(409);
      expect(full.body).toMatchObject({ type: 'https://netralitas.id/problems/capacity-exceeded', seatsLeft: 0 });
      expect(await count('SELECT attendees AS n FROM invitations WHERE id = $1', [invitationId])).toBe(2);

      const audit = (await auditEntries(t, 'invitation')).filter((entry) => entry.entityId === invitationId);
      expect(audit[0].changes).toMatchObject({ added: [{ personId: kabag.id, delegate: true }], removed: [{ personId: kasat.id, delegate: true }] });
      expect(audit[0].changes).not.toHaveProperty('status');
    });

    it('refuses more attendees than the invitation’s seats (409, nothing changed)', async () => {
      const event = await scheduled();
      const invitationId = await inviteOne(event.id, dinkes, 1);
      const response = await post(`/invitations/${invitationId}/respond`, repDinkes.token, {
        status: 'CONFIRMED',
        attendees: [
          { fullName: 'dr. Ratna Puspitasari, M.Kes.', employmentType: 'NON_ASN', position: 'Kepala Dinas' },
          { fullName: 'Eko Wahyudi, A.Md.Kep.', employmentType: 'NON_ASN', position: 'Perawat' },
        ],
      }).expect(409);
      expect(response.body).toMatchObject({ type: 'https://netralitas.id/problems/seats-exceeded', seats: 1 });
      expect(await registered(event.id)).toBe(0);
      expect(await count("SELECT count(*)::int AS n FROM people WHERE full_name = 'Eko Wahyudi, A.Md.Kep.'")).toBe(0);
      expect(await count("SELECT count(*)::int AS n FROM invitations WHERE id = $1 AND status = 'PENDING'", [invitationId])).toBe(1);
    });

    it('declines after confirming: the seats go back to the event', async () => {
      const event = await scheduled();
      const invitationId = await inviteOne(event.id, sman2, 2);
      await post(`/invitations/${invitationId}/respond`, cast.organizerBatu.token, {
        status: 'CONFIRMED',
        attendees: [{ fullName: 'Drs. Suwarno, M.Pd.', nip: pnsNip(201), employmentType: 'PNS', position: 'Kepala Sekolah' }],
      }).expect(200);
      expect(await registered(event.id)).toBe(1);
      const declined = await post(`/invitations/${invitationId}/respond`, cast.organizerBatu.token, { status: 'DECLINED', reason: 'Ujian sekolah' }).expect(200);
      expect(declined.body).toMatchObject({ status: 'DECLINED', attendeeCount: 0, attendees: [], reason: 'Ujian sekolah' });
      expect(await registered(event.id)).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM registrations WHERE invitation_id = $1', [invitationId])).toBe(0);
    });

    it.each([
      [{ status: 'CONFIRMED' }, 'attendees'],
      [{ status: 'CONFIRMED', attendees: [] }, 'attendees'],
      [{ status: 'DECLINED', attendees: [{ fullName: 'Budi', employmentType: 'NON_ASN', position: 'Staf' }] }, 'attendees'],
      [{ status: 'PENDING' }, 'status'],
      [{ status: 'CONFIRMED', attendees: [{ fullName: 'Budi Santoso', employmentType: 'PNS', position: 'Staf' }] }, 'attendees.0.nip'],
      [{ status: 'CONFIRMED', attendees: [{ fullName: 'Budi Santoso', nip: '198503122010131003', employmentType: 'PNS', position: 'Staf' }] }, 'attendees.0.nip'],
      [{ status: 'CONFIRMED', attendees: [{ fullName: 'Budi Santoso', employmentType: 'NON_ASN' }] }, 'attendees.0.position'],
      [{ status: 'CONFIRMED', attendees: [{ personId: '5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c', fullName: 'Budi' }] }, 'attendees.0.fullName'],
      [{ status: 'CONFIRMED', attendees: [{ personId: '5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c' }] }, 'attendees.0.personId'],
      [{ status: 'CONFIRMED', attendees: ['Budi'] }, 'attendees.0'],
      [{ status: 'CONFIRMED', attendees: [{ fullName: 'Budi Santoso', employmentType: 'NON_ASN', position: 'Staf', phone: '0812' }] }, 'attendees.0.phone'],
      // Hostile shapes: 400s naming the field, never a 500.
      [{ status: 'CONFIRMED', attendees: { personId: '5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c' } }, 'attendees'],
      [{ status: 'CONFIRMED', attendees: [null] }, 'attendees.0'],
      [{ status: 'CONFIRMED', attendees: [[{ personId: '5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c' }]] }, 'attendees'],
      [{ status: 'CONFIRMED', attendees: [{ personId: 42 }] }, 'attendees.0.personId'],
      [{ status: 'CONFIRMED', attendees: [{ fullName: { $ne: null }, nip: 198503122010011003, employmentType: 'PNS', position: ['Staf'] }] }, 'attendees.0.nip'],
      [{ status: 'CONFIRMED', attendees: [{ personId: '5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c', delegate: 'yes' }] }, 'attendees.0.delegate'],
      [{ status: 'DECLINED', reason: 'x'.repeat(501) }, 'reason'],
    ])('refuses %j with a 400 naming %s, nothing written', async (body, field) => {
      const event = await scheduled();
      const invitationId = await inviteOne(event.id, disdik, 2);
      const response = await post(`/invitations/${invitationId}/respond`, repDisdik.token, body).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await registered(event.id)).toBe(0);
    });

    it('refuses one person named twice, and someone of another agency', async () => {
      const event = await scheduled();
      const invitationId = await inviteOne(event.id, disdik, 3);
      const teacher = await createPerson(t, disdik.id, { fullName: 'Anisa Rahmawati, S.Pd.', nip: pnsNip(301), employmentType: 'PNS' });
      const nurse = await createPerson(t, dinkes.id, { fullName: 'Eko Prasetyo', employmentType: 'NON_ASN' });
      const twice = await post(`/invitations/${invitationId}/respond`, repDisdik.token, {
        status: 'CONFIRMED',
        attendees: [{ personId: teacher.id }, { fullName: 'Anisa R.', nip: pnsNip(301), employmentType: 'PNS', position: 'Guru' }],
      }).expect(400);
      expect(twice.body.errors).toEqual([{ field: 'attendees.1', message: 'names the same person as attendees.0' }]);
      const foreign = await post(`/invitations/${invitationId}/respond`, repDisdik.token, { status: 'CONFIRMED', attendees: [{ personId: nurse.id }] }).expect(400);
      expect(foreign.body.errors).toEqual([{ field: 'attendees.0.personId', message: 'is not a person of Dinas Pendidikan Kota Batu' }]);
      // A new attendee whose NIP belongs to someone of another agency: the rep is not told who.
      const dinkesStaff = await createPerson(t, dinkes.id, { fullName: 'Yuliana Fitri', nip: pnsNip(302), employmentType: 'PNS' });
      const taken = await post(`/invitations/${invitationId}/respond`, repDisdik.token, {
        status: 'CONFIRMED',
        attendees: [{ fullName: 'Yuliana', nip: pnsNip(302), employmentType: 'PNS', position: 'Guru' }],
      }).expect(409);
      expect(taken.body.type).toBe('https://netralitas.id/problems/duplicate-nip');
      expect(JSON.stringify(taken.body)).not.toContain(dinkesStaff.id);
      expect(await registered(event.id)).toBe(0);
    });

    it('refuses someone who already holds a seat at the event through another invitation', async () => {
      const event = await scheduled();
      const person = await createPerson(t, disdik.id, { fullName: 'Bayu Aji Pamungkas', employmentType: 'NON_ASN' });
      const first = await inviteOne(event.id, disdik, 2);
      await post(`/invitations/${first}/respond`, cast.organizerBatu.token, { status: 'CONFIRMED', attendees: [{ personId: person.id }] }).expect(200);
      // Moved to the school since, and named again by it.
      await t.http().patch(`/api/v1/people/${person.id}`).set('Authorization', cast.organizerBatu.token).send({ agencyId: sman1.id }).expect(200);
      const second = await inviteOne(event.id, sman1, 2);
      const response = await post(`/invitations/${second}/respond`, cast.organizerBatu.token, { status: 'CONFIRMED', attendees: [{ personId: person.id }] }).expect(409);
      expect(response.body).toMatchObject({ type: 'https://netralitas.id/problems/already-registered', personIds: [person.id] });
      expect(await registered(event.id)).toBe(1);
    });

    it('keeps an attendee who has checked in: removing them is a 409', async () => {
      const event = await scheduled();
      const invitationId = await inviteOne(event.id, disdik, 2);
      const [a, b] = await Promise.all(['Ahmad Fauzi, S.T.', 'Wahyu Setiawan'].map((fullName) => createPerson(t, disdik.id, { fullName, employmentType: 'NON_ASN' })));
      await post(`/invitations/${invitationId}/respond`, repDisdik.token, { status: 'CONFIRMED', attendees: [{ personId: a.id }, { personId: b.id }] }).expect(200);
      await withDatabase((db) =>
        db.query(
          `INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by)
           SELECT region_id, event_id, person_id, agency_id, id, now(), 'QR', 'TICKET' FROM registrations WHERE invitation_id = $1 AND person_id = $2`,
          [invitationId, a.id],
        ),
      );
      const removed = await post(`/invitations/${invitationId}/respond`, repDisdik.token, { status: 'CONFIRMED', attendees: [{ personId: b.id }] }).expect(409);
      expect(removed.body).toMatchObject({ type: 'https://netralitas.id/problems/attendee-checked-in', personIds: [a.id] });
      await post(`/invitations/${invitationId}/respond`, repDisdik.token, { status: 'DECLINED' }).expect(409);
      const kept = await post(`/invitations/${invitationId}/respond`, repDisdik.token, { status: 'CONFIRMED', attendees: [{ personId: a.id }] }).expect(200);
      expect(kept.body.attendees).toEqual([expect.objectContaining({ checkedIn: true, person: expect.objectContaining({ id: a.id }) })]);
      expect(await registered(event.id)).toBe(1);
    });

    it('lets a rep answer its own agency’s invitation only (another agency’s: 404)', async () => {
      const event = await scheduled();
      const dinkesInvitation = await inviteOne(event.id, dinkes, 2);
      const response = await post(`/invitations/${dinkesInvitation}/respond`, repDisdik.token, { status: 'DECLINED' }).expect(404);
      expect(response.body.detail).toBe(`Invitation ${dinkesInvitation} was not found`);
      await post(`/invitations/${dinkesInvitation}/respond`, cast.organizerBalikpapan.token, { status: 'DECLINED' }).expect(404);
      expect(await count("SELECT count(*)::int AS n FROM invitations WHERE id = $1 AND status = 'PENDING'", [dinkesInvitation])).toBe(1);
    });

    it('closes answers once the event starts, or when it is cancelled (409)', async () => {
      const started = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id)); // 29 October 2024: past
      const startedInvitation = await inviteOne(started.id, disdik, 2);
      const late = await post(`/invitations/${startedInvitation}/respond`, repDisdik.token, { status: 'DECLINED' }).expect(409);
      expect(late.body).toMatchObject({ type: 'https://netralitas.id/problems/answers-closed', startsAt: '2024-10-29T06:00:00.000Z' });

      const event = await scheduled();
      const invitationId = await inviteOne(event.id, disdik, 2);
      await post(`/events/${event.id}/cancel`, cast.organizerBatu.token, { reason: 'Ditunda oleh Pj. Wali Kota' }).expect(200);
      const cancelled = await post(`/invitations/${invitationId}/respond`, repDisdik.token, { status: 'DECLINED' }).expect(409);
      expect(cancelled.body).toMatchObject({ type: 'https://netralitas.id/problems/event-not-scheduled', eventStatus: 'CANCELLED' });
    });
  });

  describe('RSVP by link', () => {
    let event: EventRef;
    let invitationId: string;
    let token: string;

    beforeAll(async () => {
      event = await scheduled();
      invitationId = await inviteOne(event.id, dinkes, 2);
      token = await tokenOf(invitationId);
      await createPerson(t, dinkes.id, { fullName: 'dr. Ratna Puspitasari, M.Kes.', nip: pnsNip(401), employmentType: 'PNS', position: 'Kepala Dinas' });
    });

    it('shows the invitation and the agency’s people to whoever holds the link, without an account', async () => {
      const view = await get(`/rsvp/${token}`, null).expect(200);
      expect(view.headers['content-type']).toMatch(/application\/json/);
      expect(view.body).toMatchObject({ id: invitationId, agencyName: 'Dinas Kesehatan Kota Batu', status: 'PENDING', open: true, attendees: [] });
      expect(view.body.event).toMatchObject({ id: event.id, startsAtLocal: '2030-10-29T13:00:00+07:00', timezone: 'Asia/Jakarta' });
      expect(view.body.roster).toContainEqual(expect.objectContaining({ fullName: 'dr. Ratna Puspitasari, M.Kes.', position: 'Kepala Dinas' }));
      expect(view.body.roster[0]).not.toHaveProperty('nip');
      const narrowed = await get(`/rsvp/${token}?q=ratna`, null).expect(200);
      expect(narrowed.body.roster.map((p: { fullName: string }) => p.fullName)).toEqual(['dr. Ratna Puspitasari, M.Kes.']);
    });

    it('answers with the same body as respond, audited as coming through the link', async () => {
      const head = (await get(`/rsvp/${token}?q=ratna`, null)).body.roster[0];
      const answered = await post(`/rsvp/${token}`, null, {
        status: 'CONFIRMED',
        attendees: [{ personId: head.id }, { fullName: 'Eko Wahyudi, A.Md.Kep.', nip: '199203152022211004', employmentType: 'PPPK', position: 'Perawat Ahli Pertama', delegate: true }],
      }).expect(200);
      expect(answered.body).toMatchObject({ status: 'CONFIRMED', attendeeCount: 2, open: true });
      expect(answered.body.attendees.every((a: { ticketCode: string }) => /^[0-9A-Z]{10}$/.test(a.ticketCode))).toBe(true);
      expect(await registered(event.id)).toBe(2);
      const entry = (await auditEntries(t, 'invitation')).find((e) => e.entityId === invitationId && e.action === 'respond')!;
      expect(entry.changes).toMatchObject({ via: 'rsvp-link' });
      expect(entry.actorEmail).toBeNull();
    });

    it('answers 404 to an unknown or malformed token', async () => {
      const unknown = 'A'.repeat(43);
      const response = await get(`/rsvp/${unknown}`, null).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.detail).not.toContain(unknown);
      await post(`/rsvp/${unknown}`, null, { status: 'DECLINED' }).expect(404);
      await get('/rsvp/short', null).expect(404);
      await get(`/rsvp/${'x'.repeat(90)}`, null).expect(404);
      await post(`/rsvp/${token}`, null, { status: 'MAYBE' }).expect(400);
    });

    it('refuses answers once the event has started (409), and says so', async () => {
      const started = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, { startsAt: '2024-11-05T09:00:00+07:00', endsAt: '2024-11-05T12:00:00+07:00' }));
      const startedToken = await tokenOf(await inviteOne(started.id, dinkes, 2));
      expect((await get(`/rsvp/${startedToken}`, null).expect(200)).body.open).toBe(false);
      const response = await post(`/rsvp/${startedToken}`, null, { status: 'DECLINED' }).expect(409);
      expect(response.body.type).toBe('https://netralitas.id/problems/answers-closed');
    });
  });

  describe('seats under concurrency', () => {
    it('200 parallel confirmations racing for 100 places: exactly 100 registered, the rest 409 with no seats left', async () => {
      const event = await scheduled({ capacity: 100 });
      // 200 agencies with one person each, written directly: the race is what is under test.
      const people = await withDatabase(async (db) => {
        const agencies = await db.query(
          `INSERT INTO agencies (region_id, name, category, head_title)
           SELECT $1, 'Kelurahan Uji ' || n, 'DESA', 'Kepala Desa' FROM generate_series(1, 200) AS n RETURNING id`,
          [r.batu.id],
        );
        const rows = await db.query(
          `INSERT INTO people (region_id, agency_id, full_name, employment_type)
           SELECT $1, a.id, 'Kepala Desa ' || a.id, 'NON_ASN' FROM unnest($2::uuid[]) AS a(id) RETURNING id, agency_id`,
          [r.batu.id, agencies.rows.map((row) => row.id)],
        );
        return new Map(rows.rows.map((row) => [row.agency_id as string, row.id as string]));
      });
      const invited = await invite(event.id, { category: 'DESA', seats: 1 }).expect(201);
      expect(invited.body.created).toHaveLength(200);

      const responses = await Promise.all(
        (invited.body.created as Invited[]).map((invitation) =>
          post(`/invitations/${invitation.invitationId}/respond`, cast.organizerBatu.token, { status: 'CONFIRMED', attendees: [{ personId: people.get(invitation.agencyId) }] }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(100);
      expect(statuses.filter((status) => status === 409)).toHaveLength(100);
      for (const loser of responses.filter((response) => response.status === 409)) {
        expect(loser.body).toMatchObject({ type: 'https://netralitas.id/problems/capacity-exceeded', seatsLeft: 0 });
      }
      // The database agrees: 100 seats, 100 registrations, 100 confirmed invitations of one attendee.
      const state = await withDatabase(async (db) =>
        (
          await db.query(
            `SELECT e.registered, e.capacity,
                    (SELECT count(*)::int FROM registrations g WHERE g.event_id = e.id) AS registrations,
                    (SELECT count(*)::int FROM invitations i WHERE i.event_id = e.id AND i.status = 'CONFIRMED') AS confirmed,
                    (SELECT sum(attendees)::int FROM invitations i WHERE i.event_id = e.id) AS attendees
               FROM events e WHERE e.id = $1`,
            [event.id],
          )
        ).rows[0],
      );
      expect(state).toEqual({ registered: 100, capacity: 100, registrations: 100, confirmed: 100, attendees: 100 });
    });

    it('serialises answers to one invitation: parallel answers never name more people than its seats', async () => {
      const event = await scheduled();
      const invitationId = await inviteOne(event.id, kesbang, 2);
      const staff = await Promise.all(['Dewi Anggraini', 'Fajar Nugroho', 'Heru Wahyudi', 'Yudi Prasetyo'].map((fullName) => createPerson(t, kesbang.id, { fullName, employmentType: 'NON_ASN' })));
      const answers = await Promise.all(
        [[0, 1], [2, 3], [1, 2], [3, 0]].map((pair) => post(`/invitations/${invitationId}/respond`, cast.organizerBatu.token, { status: 'CONFIRMED', attendees: pair.map((i) => ({ personId: staff[i].id })) })),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      const state = await withDatabase(async (db) =>
        (await db.query('SELECT (SELECT count(*)::int FROM registrations WHERE invitation_id = $1) AS registrations, (SELECT registered FROM events WHERE id = $2) AS registered', [invitationId, event.id])).rows[0],
      );
      expect(state).toEqual({ registrations: 2, registered: 2 });
    });
  });

  describe('surat tugas (assignment letter)', () => {
    const MAX = 10 * 1024 * 1024;
    let invitationId: string;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), randomBytes(300_000), Buffer.from('\n%%EOF\n')]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5_000)]);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(50_000)]);
    const storedOnDisk = () =>
      existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;
    const storedRows = () => count('SELECT count(*)::int AS n FROM stored_files');
    const upload = (body: Buffer, contentType: string, token = repDisdik.token) =>
      t.http().put(`/api/v1/invitations/${invitationId}/assignment-letter`).set('Authorization', token).set('Content-Type', contentType).send(body);
    const download = (token = repDisdik.token) =>
      t
        .http()
        .get(`/api/v1/invitations/${invitationId}/assignment-letter`)
        .set('Authorization', token)
        .buffer(true)
        .parse(asBytes);

    beforeAll(async () => {
      const event = await scheduled();
      invitationId = await inviteOne(event.id, disdik, 2);
      // A listening server, so a raw client can stream a body of undeclared length.
      await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    });

    it('keeps a PDF outside the web root under a random name and gives it back byte for byte', async () => {
      const stored = await upload(pdf, 'application/pdf').expect(200);
      expect(stored.body).toEqual({ mediaType: 'application/pdf', byteSize: pdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), originalName: null, uploadedAt: expect.any(String) });
      const back = await download().expect(200);
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(back.headers['content-disposition']).toBe('attachment; filename=surat-tugas-dinas-pendidikan-kota-batu.pdf');
      expect(Buffer.compare(back.body as Buffer, pdf)).toBe(0);
      const key = await withDatabase(async (db) => (await db.query('SELECT storage_key FROM stored_files f JOIN invitations i ON i.assignment_letter_id = f.id WHERE i.id = $1', [invitationId])).rows[0].storage_key);
      expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(readdirSync(join(dataDir, 'files', key.slice(0, 2)))).toContain(key);
      const detail = await get(`/invitations/${invitationId}`, cast.organizerBatu.token).expect(200);
      expect(detail.body.assignmentLetter).toMatchObject({ mediaType: 'application/pdf', byteSize: pdf.length });
      // An organizer reads it too; a VIEWER may not, another agency's rep does not see it.
      await download(cast.organizerBatu.token).expect(200);
      await download(cast.viewerBatu.token).expect(403);
      await download(repDinkes.token).expect(404);
      await upload(pdf, 'application/pdf', repDinkes.token).expect(404);
    });

    it('refuses a renamed executable (400, by its bytes, whatever its name or declared type), and keeps nothing', async () => {
      const [rows, files] = [await storedRows(), storedOnDisk()];
      const raw = await upload(exe, 'application/pdf').expect(400);
      expect(raw.body.errors).toEqual([{ field: 'file', message: 'must be a PDF, PNG or JPEG file' }]);
      const multipart = await t
        .http()
        .put(`/api/v1/invitations/${invitationId}/assignment-letter`)
        .set('Authorization', repDisdik.token)
        .attach('file', exe, { filename: 'surat-tugas.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(fieldsOf(multipart.body)).toEqual(['file']);
      await upload(Buffer.alloc(0), 'application/pdf').expect(400);
      await upload(Buffer.from('surat tugas'), 'text/plain').expect(415);
      expect([await storedRows(), storedOnDisk()]).toEqual([rows, files]);
    });

    it('refuses a file over the limit with 413: from Content-Length before reading, or as it streams', async () => {
      const [rows, files] = [await storedRows(), storedOnDisk()];
      const tooLarge = Buffer.concat([pdf.subarray(0, 16), Buffer.alloc(MAX + 1 - 16)]);
      const declared = await upload(tooLarge, 'application/pdf').expect(413);
      expect(declared.headers['content-type']).toMatch(/problem\+json/);

      // Chunked, no Content-Length: counted as it arrives, refused at the limit.
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
          { port, host: '127.0.0.1', method: 'PUT', path: `/api/v1/invitations/${invitationId}/assignment-letter`, headers: { authorization: repDisdik.token, 'content-type': 'application/pdf' } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, body }));
          },
        );
        // The server may close the connection before all is sent: that is the point.
        request.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
        const chunk = Buffer.alloc(1024 * 1024);
        request.write(pdf.subarray(0, 16));
        for (let i = 0; i < 11; i++) request.write(chunk);
        request.end();
      });
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body)).toMatchObject({ status: 413, type: 'https://netralitas.id/problems/payload-too-large' });
      expect([await storedRows(), storedOnDisk()]).toEqual([rows, files]);
    });

    it('replaces the letter with a new one (a photo as multipart): the old file is gone from disk and database', async () => {
      const before = await storedRows();
      const replaced = await t
        .http()
        .put(`/api/v1/invitations/${invitationId}/assignment-letter`)
        .set('Authorization', cast.organizerBatu.token)
        .attach('file', png, { filename: 'C:\\Users\\pabung\\surat tugas.png', contentType: 'image/png' })
        .expect(200);
      expect(replaced.body).toMatchObject({ mediaType: 'image/png', byteSize: png.length, originalName: 'surat tugas.png' });
      expect(await storedRows()).toBe(before);
      expect(storedOnDisk()).toBe(before);
      const back = await download().expect(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.headers['content-disposition']).toContain('surat tugas.png');
      expect(Buffer.compare(back.body as Buffer, png)).toBe(0);
      const audit = (await auditEntries(t, 'invitation')).filter((entry) => entry.entityId === invitationId && entry.action === 'upload-assignment-letter');
      expect(audit).toHaveLength(2);
    });

    it('parallel replacements: one letter stays, every replaced file is gone from disk and database', async () => {
      await upload(png, 'image/png').expect(200);
      const before = await storedRows();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(Buffer.concat([png, Buffer.from(` ${i}`)]), 'image/png')));
      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
      // Whatever the interleaving, each upload released the file it replaced in its own transaction.
      expect([await storedRows(), storedOnDisk()]).toEqual([before, before]);
      const kept = await withDatabase(async (db) => (await db.query('SELECT f.sha256 FROM stored_files f JOIN invitations i ON i.assignment_letter_id = f.id WHERE i.id = $1', [invitationId])).rows[0].sha256);
      expect(answers.map((answer) => answer.body.sha256)).toContain(kept);
    });

    it('answers 404 when no letter was uploaded', async () => {
      const event = await scheduled();
      const other = await inviteOne(event.id, disdik, 2);
      await get(`/invitations/${other}/assignment-letter`, repDisdik.token).expect(404);
    });
  });
});
