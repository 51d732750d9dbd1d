import type pg from 'pg';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { PledgesService } from '../src/pledges/pledges.service.js';
import { createAgency, createPerson, pnsNip, type AgencyRef, type PersonRef } from './support/directory-fixtures.js';
import { createScheduledEvent, type EventRef, eventBody, fieldsOf } from './support/event-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { confirmInvitation } from './support/registration-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

const HOUR = 3_600_000;
const CLAUSES = [
  'Menjaga dan menegakkan prinsip netralitas ASN dalam melaksanakan fungsi pelayanan publik, baik sebelum, selama, maupun sesudah pemilihan.',
  'Menghindari konflik kepentingan, tidak melakukan praktik intimidasi dan ancaman, serta tidak memihak kepada pasangan calon tertentu.',
  'Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks).',
  'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
];
const LEGAL_BASIS = 'SKB MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu Tahun 2022';

function pngDataUrl(width = 160, height = 60): string {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data[i + 3] = (i / 4) % width === (i / 4 / width) % width ? 255 : 0;
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
}

describe('pledges', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let organizerBatu: TestUser;
  let organizerBalikpapan: TestUser;
  let viewerBatu: TestUser;
  let checkinBatu: TestUser;
  let repDindik: TestUser;
  let repDisparta: TestUser;
  let dindik: AgencyRef;
  let disparta: AgencyRef;
  let templateId: string;
  let personCounter = 0;

  beforeAll(async () => {
    t = await createTestApp({ VERIFY_RATE_LIMIT: '100000', PUBLIC_URL: 'https://netralitas.batukota.go.id' });
    r = await createRegions(t);
    ({ organizerBatu, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
    dindik = await createAgency(t, r.batu.id, 'Dinas Pendidikan', { headTitle: 'Kepala Dinas' });
    disparta = await createAgency(t, r.batu.id, 'Dinas Pariwisata', { headTitle: 'Kepala Dinas' });
    repDindik = await createUser(t, 'AGENCY_REP', { agencyId: dindik.id });
    repDisparta = await createUser(t, 'AGENCY_REP', { agencyId: disparta.id });
    const template = await post('/pledge-templates', t.adminToken, { title: 'Pakta Integritas Netralitas ASN', clauses: CLAUSES, legalBasis: LEGAL_BASIS }).expect(201);
    templateId = template.body.id;
  });
  afterAll(() => t.close());

  const withDatabase = <T>(work: (db: pg.Client) => Promise<T>) => withAdminClient(t.databaseUrl, work);
  const post = (path: string, token: string, body?: object) => t.http().post(`/api/v1${path}`).set('Authorization', token).send(body);
  const get = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token);
  const pledgeCount = () => withDatabase(async (db) => (await db.query('SELECT count(*)::int AS n FROM pledges')).rows[0].n as number);

  function person(agency: AgencyRef, fullName: string, position = 'Kepala Bidang'): Promise<PersonRef> {
    personCounter += 1;
    return createPerson(t, agency.id, { fullName, employmentType: 'PNS', nip: pnsNip(personCounter * 13 + 5000), position, phone: '081234567890', email: `p${personCounter}@batukota.go.id` });
  }

  /** A SCHEDULED event whose check-in is open now (it starts in an hour), in Batu unless told. */
  function openEvent(regionId = r.batu.id, token = organizerBatu.token): Promise<EventRef> {
    const startsAt = new Date(Date.now() + HOUR);
    return createScheduledEvent(t, token, eventBody(regionId, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString() }));
  }

  async function checkIn(event: EventRef, who: PersonRef, token = checkinBatu.token) {
    return post(`/events/${event.id}/check-ins`, token, { personId: who.id }).expect(201);
  }

  /** An open event with these people of Dinas Pendidikan invited (the second a delegate), all checked in. */
  async function eventWithAttendees(names: string[], options: { checkIn?: boolean } = {}) {
    const event = await openEvent();
    const people = await Promise.all(names.map((name) => person(dindik, name)));
    const { registrations } = await confirmInvitation(t, event, dindik.id, people.map((p, i) => ({ personId: p.id, delegate: i === 1 })));
    const checkIns = options.checkIn === false ? [] : await Promise.all(people.map((p) => checkIn(event, p)));
    return { event, people, registrations, checkIns };
  }

  const signTokens = (checkInId: string) =>
    withDatabase(async (db) => (await db.query('SELECT token FROM sign_tokens WHERE check_in_id = $1', [checkInId])).rows.map((row: { token: string }) => row.token));

  /** Deactivates every template for the time of `work` (then the suite's template is the current one again). */
  async function withoutActiveTemplate(work: () => Promise<void>): Promise<void> {
    const dataSource = t.app.get(DataSource);
    await dataSource.query('UPDATE pledge_templates SET active = false WHERE active');
    try {
      await work();
    } finally {
      await dataSource.query('UPDATE pledge_templates SET active = true WHERE id = $1', [templateId]);
    }
  }

  const signBody = (event: EventRef | null, who: PersonRef, overrides: Record<string, unknown> = {}) => ({
    ...(event ? { eventId: event.id } : {}),
    templateId,
    personId: who.id,
    capacity: 'SELF',
    signatureName: who.fullName,
    consent: true,
    ...overrides,
  });

  describe('templates', () => {
    it('writes versions: the same title is the next version and retires the previous one; the text is fixed in the database', async () => {
      const title = `Ikrar Netralitas ${Date.now()}`;
      const first = await post('/pledge-templates', t.adminToken, { title, clauses: ['Klausul pertama.'], legalBasis: LEGAL_BASIS }).expect(201);
      expect(first.body).toMatchObject({ title, version: 1, clauses: ['Klausul pertama.'], legalBasis: LEGAL_BASIS, active: true });
      expect(first.body.textHash).toMatch(/^[0-9a-f]{64}$/);
      const second = await post('/pledge-templates', t.adminToken, { title, clauses: ['Klausul pertama.', 'Klausul kedua.'], legalBasis: LEGAL_BASIS, active: false }).expect(201);
      expect(second.body).toMatchObject({ version: 2, active: false });
      expect(second.body.textHash).not.toBe(first.body.textHash);

      const third = await post('/pledge-templates', t.adminToken, { title, clauses: ['Klausul ketiga.'], legalBasis: LEGAL_BASIS }).expect(201);
      expect(third.body.version).toBe(3);
      expect((await get(`/pledge-templates/${first.body.id}`, viewerBatu.token).expect(200)).body.active).toBe(false);
      const listed = await get(`/pledge-templates?q=${encodeURIComponent(title)}`, checkinBatu.token).expect(200);
      expect(listed.body.items.map((item: { version: number }) => item.version)).toEqual([3, 2, 1]);

      await post('/pledge-templates', organizerBatu.token, { title, clauses: ['x'.repeat(10)], legalBasis: LEGAL_BASIS }).expect(403);
      const bad = await post('/pledge-templates', t.adminToken, { title, clauses: [], legalBasis: '' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['clauses', 'legalBasis']));
      await withDatabase(async (db) => {
        await expect(db.query('UPDATE pledge_templates SET clauses = \'["lain"]\' WHERE id = $1', [first.body.id])).rejects.toThrow(/never changes/);
        await expect(db.query('DELETE FROM pledge_templates WHERE id = $1', [first.body.id])).rejects.toThrow(/never changes/);
      });
      // Back to the suite's template as the current one.
      const current = await post('/pledge-templates', t.adminToken, { title: 'Pakta Integritas Netralitas ASN', clauses: CLAUSES, legalBasis: LEGAL_BASIS }).expect(201);
      templateId = current.body.id;
    });
  });

  describe('signing', () => {
    it('signs a SELF pledge of a checked-in person, with a drawn signature, chained in the region and audited', async () => {
      const { event, people, checkIns } = await eventWithAttendees(['Dr. Hendra Wijaya, M.Pd.']);
      const [hendra] = people;
      const signature = pngDataUrl();
      const signed = await post('/pledges', checkinBatu.token, signBody(event, hendra, { signatureName: 'dr. hendra  wijaya', signatureImage: signature })).expect(201);
      expect(signed.body).toMatchObject({
        regionId: r.batu.id,
        eventId: event.id,
        templateId,
        personId: hendra.id,
        agencyId: dindik.id,
        agencyName: 'Dinas Pendidikan',
        signer: { fullName: 'Dr. Hendra Wijaya, M.Pd.', nip: hendra.nip, position: 'Kepala Bidang' },
        capacity: 'SELF',
        checkInId: checkIns[0].body.id,
        signatureName: 'dr. hendra  wijaya',
      });
      expect(signed.body.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(signed.body.verifyUrl).toBe(`https://netralitas.batukota.go.id/api/v1/verify/${signed.body.verificationCode}`);
      expect(signed.body.certificateUrl).toBe(`https://netralitas.batukota.go.id/api/v1/pledges/${signed.body.id}.pdf`);
      expect(signed.body.signedAtLocal).toMatch(/\+07:00$/);
      expect(signed.body.hash).toMatch(/^[0-9a-f]{64}$/);
      const stored = await withDatabase(async (db) => (await db.query('SELECT sha256, length(png) AS bytes FROM signature_images WHERE sha256 = $1', [signed.body.signatureImageSha256])).rows);
      expect(stored).toEqual([{ sha256: signed.body.signatureImageSha256, bytes: Buffer.from(signature.split(',')[1], 'base64').length }]);

      const chain = await get(`/regions/${r.batu.id}/pledge-chain/verify`, organizerBatu.token).expect(200);
      expect(chain.body).toEqual({ valid: true, count: signed.body.chainSeq });
      expect((await get(`/pledges/${signed.body.id}`, viewerBatu.token).expect(200)).body).toEqual(signed.body);
      const audit = await get('/audit-log?entity=pledge', t.adminToken).expect(200);
      expect(audit.body.items.find((entry: { entityId: string }) => entry.entityId === signed.body.id)).toMatchObject({ action: 'sign', actorEmail: checkinBatu.email });
    });

    it('refuses a name that is not the person’s, no consent, a bad signature image, and someone not checked in — writing nothing', async () => {
      const { event, people } = await eventWithAttendees(['Drs. H. Ahmad Fauzi, M.Si.', 'Siti Rahayu, S.E.']);
      const { event: other, people: absent } = await eventWithAttendees(['Bambang Sutrisno, S.T.'], { checkIn: false });
      const before = await pledgeCount();

      const mismatch = await post('/pledges', organizerBatu.token, signBody(event, people[0], { signatureName: 'Ahmad Fauzan' })).expect(400);
      expect(fieldsOf(mismatch.body)).toEqual(['signatureName']);
      expect(mismatch.headers['content-type']).toContain('application/problem+json');
      const noConsent = await post('/pledges', organizerBatu.token, signBody(event, people[0], { consent: false })).expect(400);
      expect(fieldsOf(noConsent.body)).toEqual(['consent']);
      const missingConsent = await post('/pledges', organizerBatu.token, { ...signBody(event, people[0]), consent: undefined }).expect(400);
      expect(fieldsOf(missingConsent.body)).toEqual(['consent']);
      const badImage = await post('/pledges', organizerBatu.token, signBody(event, people[0], { signatureImage: 'data:image/png;base64,R0lGODlhAQABAAAAACw=' })).expect(400);
      expect(fieldsOf(badImage.body)).toEqual(['signatureImage']);
      const notCheckedIn = await post('/pledges', organizerBatu.token, signBody(other, absent[0])).expect(409);
      expect(notCheckedIn.body.type).toMatch(/not-checked-in$/);
      // Someone checked in at another event is not checked in at this one.
      await post('/pledges', organizerBatu.token, signBody(other, people[1])).expect(409);
      const unknownField = await post('/pledges', organizerBatu.token, { ...signBody(event, people[0]), chainSeq: 1 }).expect(400);
      expect(fieldsOf(unknownField.body)).toEqual(['chainSeq']);
      expect(await pledgeCount()).toBe(before);
    });

    it('answers a second pledge of the person under the template at the event with 409 naming the first', async () => {
      const { event, people } = await eventWithAttendees(['Rina Wulandari, S.Kom.']);
      const first = await post('/pledges', organizerBatu.token, signBody(event, people[0])).expect(201);
      const again = await post('/pledges', checkinBatu.token, signBody(event, people[0])).expect(409);
      expect(again.body).toMatchObject({ pledgeId: first.body.id, verificationCode: first.body.verificationCode });
      expect(again.body.type).toMatch(/pledge-exists$/);
      // Outside any event, one pledge too.
      await post('/pledges', organizerBatu.token, signBody(null, people[0])).expect(201);
      await post('/pledges', organizerBatu.token, signBody(null, people[0])).expect(409);
    });

    it('lets the agency’s head or its delegate sign on its behalf, and refuses anyone else', async () => {
      const { event, people, checkIns } = await eventWithAttendees(['Yuli Astuti', 'Joko Prasetyo']);
      const [staff, delegate] = people;
      const head = await person(dindik, 'Dr. Suwarno, M.Pd.', 'Kepala Dinas Pendidikan');
      await confirmInvitation(t, event, disparta.id, []);
      await withDatabase((db) => db.query("INSERT INTO registrations (region_id, event_id, person_id, agency_id, delegate, ticket_code) VALUES ($1, $2, $3, $4, false, 'HEADWALKIN1')", [r.batu.id, event.id, head.id, dindik.id]));
      await checkIn(event, head);

      const refused = await post('/pledges', organizerBatu.token, signBody(event, staff, { capacity: 'ON_BEHALF_OF_AGENCY' })).expect(409);
      expect(refused.body.type).toMatch(/not-agency-head$/);
      const byDelegate = await post('/pledges', organizerBatu.token, signBody(event, delegate, { capacity: 'ON_BEHALF_OF_AGENCY' })).expect(201);
      expect(byDelegate.body).toMatchObject({ capacity: 'ON_BEHALF_OF_AGENCY', checkInId: checkIns[1].body.id });
      await post('/pledges', organizerBatu.token, signBody(event, head, { capacity: 'ON_BEHALF_OF_AGENCY', signatureName: 'suwarno' })).expect(201);
      // A delegate only at the event they were named for.
      await post('/pledges', organizerBatu.token, signBody(null, delegate, { capacity: 'ON_BEHALF_OF_AGENCY' })).expect(409);
    });

    it('lets an AGENCY_REP sign for its own people only, and keeps other regions out (404)', async () => {
      const { event, people } = await eventWithAttendees(['Agus Salim']);
      await post('/pledges', repDisparta.token, signBody(event, people[0])).expect(404);
      await post('/pledges', organizerBalikpapan.token, signBody(event, people[0])).expect(404);
      await post('/pledges', viewerBatu.token, signBody(event, people[0])).expect(403);
      const own = await post('/pledges', repDindik.token, signBody(event, people[0])).expect(201);
      await get(`/pledges/${own.body.id}`, repDisparta.token).expect(404);
      await get(`/pledges/${own.body.id}`, organizerBalikpapan.token).expect(404);
      const listed = await get(`/pledges?eventId=${event.id}`, repDindik.token).expect(200);
      expect(listed.body).toMatchObject({ total: 1, items: [{ id: own.body.id }] });
      expect((await get(`/pledges?eventId=${event.id}`, repDisparta.token).expect(200)).body.total).toBe(0);
      expect((await get(`/pledges?agencyId=${dindik.id}&limit=200`, organizerBatu.token).expect(200)).body.items.every((p: { agencyId: string }) => p.agencyId === dindik.id)).toBe(true);
      await get(`/regions/${r.batu.id}/pledge-chain/verify`, organizerBalikpapan.token).expect(404);
      await get(`/regions/${r.batu.id}/pledge-chain/verify`, checkinBatu.token).expect(403);
    });
  });

  describe('the chain', () => {
    it('keeps one unforked chain under 200 concurrent signings in one region', async () => {
      const event = await openEvent(r.malang.id, t.adminToken);
      const agency = await createAgency(t, r.malang.id, 'Dinas Kesehatan Kabupaten Malang');
      const people = (await withDatabase(async (db) =>
        (
          await db.query(
            `INSERT INTO people (region_id, agency_id, full_name, employment_type, position)
             SELECT $1, $2, 'Peserta ' || n, 'NON_ASN', 'Staf' FROM generate_series(1, 200) AS n RETURNING id, full_name`,
            [r.malang.id, agency.id],
          )
        ).rows,
      )) as Array<{ id: string; full_name: string }>;
      await confirmInvitation(t, event, agency.id, people.map((p) => ({ personId: p.id })));
      const batch = await post(`/events/${event.id}/check-ins/batch`, t.adminToken, {
        items: people.map((p, i) => ({ clientCheckinId: `malang-${i}`, checkedInAt: new Date().toISOString(), deviceId: 'malang-1', personId: p.id })),
      }).expect(200);
      expect(batch.body.results.every((result: { status: string; checkIn: { signUrl: string | null } }) => result.status === 'created' && /\/api\/v1\/sign\/[A-Za-z0-9_-]{43}$/.test(result.checkIn.signUrl ?? ''))).toBe(true);

      const responses = await Promise.all(
        people.map((p) => post('/pledges', t.adminToken, { eventId: event.id, templateId, personId: p.id, capacity: 'SELF', signatureName: p.full_name, consent: true })),
      );
      const failed = responses.filter((response) => response.status !== 201);
      expect({ failed: failed.length, first: failed[0]?.body }).toEqual({ failed: 0, first: undefined });
      expect(new Set(responses.map((response) => response.body.chainSeq)).size).toBe(200);
      const chain = await get(`/regions/${r.malang.id}/pledge-chain/verify`, t.adminToken).expect(200);
      expect(chain.body).toEqual({ valid: true, count: 200 });
      const links = await withDatabase(async (db) => (await db.query('SELECT chain_seq, hash, prev_hash FROM pledges WHERE region_id = $1 ORDER BY chain_seq', [r.malang.id])).rows);
      expect(links.map((link) => link.chain_seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      links.slice(1).forEach((link, i) => expect(link.prev_hash).toBe(links[i].hash));
    });

    it('refuses UPDATE, DELETE and TRUNCATE of pledges in the database', async () => {
      await withDatabase(async (db) => {
        await expect(db.query("UPDATE pledges SET signature_name = 'X'")).rejects.toThrow();
        await expect(db.query('DELETE FROM pledges')).rejects.toThrow();
        await expect(db.query('TRUNCATE pledges CASCADE')).rejects.toThrow();
        await expect(db.query('DELETE FROM signature_images')).rejects.toThrow();
      });
      expect(await pledgeCount()).toBeGreaterThan(0);
    });

    it('finds a row altered behind the API’s back: chain verify names it and /verify says invalid', async () => {
      const event = await openEvent(r.balikpapan.id, organizerBalikpapan.token);
      const agency = await createAgency(t, r.balikpapan.id, 'Dinas Perhubungan Kota Balikpapan');
      const people = await Promise.all(['Andi Makassau', 'Baso Amir', 'Cici Lestari'].map((name, i) => createPerson(t, agency.id, { fullName: name, employmentType: 'PNS', nip: pnsNip(90_000 + i) })));
      await confirmInvitation(t, event, agency.id, people.map((p) => ({ personId: p.id })));
      const pledges: Array<{ id: string; verificationCode: string }> = [];
      for (const p of people) {
        await checkIn(event, p, organizerBalikpapan.token);
        pledges.push((await post('/pledges', organizerBalikpapan.token, signBody(event, p)).expect(201)).body);
      }
      expect((await get(`/regions/${r.balikpapan.id}/pledge-chain/verify`, organizerBalikpapan.token).expect(200)).body).toEqual({ valid: true, count: 3 });
      expect((await t.http().get(`/api/v1/verify/${pledges[1].verificationCode}`).expect(200)).body.valid).toBe(true);

      await withDatabase(async (db) => {
        await db.query('BEGIN');
        await db.query('ALTER TABLE pledges DISABLE TRIGGER pledges_append_only');
        await db.query("UPDATE pledges SET signature_name = 'Orang Lain' WHERE id = $1", [pledges[1].id]);
        await db.query('ALTER TABLE pledges ENABLE TRIGGER pledges_append_only');
        await db.query('COMMIT');
      });
      expect((await get(`/regions/${r.balikpapan.id}/pledge-chain/verify`, organizerBalikpapan.token).expect(200)).body).toEqual({ valid: false, count: 3, firstBrokenId: pledges[1].id });
      expect((await t.http().get(`/api/v1/verify/${pledges[1].verificationCode}`).expect(200)).body.valid).toBe(false);
      expect((await t.http().get(`/api/v1/verify/${pledges[2].verificationCode}`).expect(200)).body.valid).toBe(true);
    });
  });

  describe('public verification', () => {
    it('shows the pledge with a masked NIP and no other personal data, to anyone, by the code typed any way', async () => {
      const { event, people } = await eventWithAttendees(['Dr. Hendra Saputra, M.Pd.']);
      const signed = await post('/pledges', organizerBatu.token, signBody(event, people[0], { signatureImage: pngDataUrl() })).expect(201);
      const code: string = signed.body.verificationCode;
      const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
      const verified = await t.http().get(`/api/v1/verify/${typed}`).set('Accept', 'application/json').expect(200);
      const nip = people[0].nip!;
      expect(verified.body).toEqual({
        verificationCode: code,
        valid: true,
        signedAt: signed.body.signedAt,
        signedAtLocal: signed.body.signedAtLocal,
        timezone: 'Asia/Jakarta',
        regionName: 'Kota Batu',
        capacity: 'SELF',
        agencyName: 'Dinas Pendidikan',
        signer: { fullName: 'Dr. Hendra Saputra, M.Pd.', nipMasked: `${nip.slice(0, 6)}••••••••${nip.slice(14)}` },
        event: { title: event.title, startsAtLocal: expect.stringMatching(/\+07:00$/) },
        template: { title: 'Pakta Integritas Netralitas ASN', version: expect.any(Number), clauses: CLAUSES, legalBasis: LEGAL_BASIS },
        hash: signed.body.hash,
      });
      const text = JSON.stringify(verified.body);
      for (const secret of [nip, '081234567890', '@batukota.go.id', people[0].id, signed.body.signatureImageSha256, 'Kepala Bidang']) expect(text).not.toContain(secret);
      await t.http().get('/api/v1/verify/ZZZZZZZZZZ').expect(404);
      await t.http().get('/api/v1/verify/not*a*code').expect(404);
    });

    it('limits lookups per address: 429 problem+json with Retry-After', async () => {
      const limited = await createTestApp({ VERIFY_RATE_LIMIT: '3' });
      try {
        for (let i = 0; i < 3; i += 1) await limited.http().get('/api/v1/verify/ZZZZZZZZZZ').expect(404);
        const refused = await limited.http().get('/api/v1/verify/ZZZZZZZZZZ').expect(429);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.body).toMatchObject({ status: 429, type: expect.stringMatching(/too-many-requests$/) });
        // Other routes are not limited.
        await limited.http().get('/api/v1/health').expect(200);
      } finally {
        await limited.close();
      }
    });
  });

  describe('signing by link', () => {
    it('offers signUrl on check-in, signs once by the link, then offers no link', async () => {
      const { event, people } = await eventWithAttendees(['Dewi Kartika, S.Pd.'], { checkIn: false });
      const checkedIn = await checkIn(event, people[0]);
      const signUrl: string = checkedIn.body.signUrl;
      expect(signUrl).toMatch(/^https:\/\/netralitas\.batukota\.go\.id\/api\/v1\/sign\/[A-Za-z0-9_-]{43}$/);
      const path = new URL(signUrl).pathname;
      // The repeat scan offers the same link.
      expect((await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id }).expect(200)).body.signUrl).toBe(signUrl);

      const view = await t.http().get(path).set('Accept', 'application/json').expect(200);
      expect(view.body).toMatchObject({ fullName: 'Dewi Kartika, S.Pd.', agencyName: 'Dinas Pendidikan', event: { id: event.id, title: event.title }, template: { clauses: CLAUSES }, pledge: null });

      const wrongName = await t.http().post(path).send({ signatureName: 'Dewi Kartini', consent: true }).expect(400);
      expect(fieldsOf(wrongName.body)).toEqual(['signatureName']);
      const drawn = pngDataUrl(200, 80);
      const signed = await t.http().post(path).send({ signatureName: 'dewi kartika', signatureImage: drawn, consent: true }).expect(201);
      expect(signed.body).toMatchObject({ verificationCode: expect.stringMatching(/^[0-9A-Z]{10}$/) });
      expect(signed.body.certificateUrl).toBe(`${signUrl}/certificate.pdf`);
      expect(signed.body.verifyUrl).toBe(`https://netralitas.batukota.go.id/api/v1/verify/${signed.body.verificationCode}`);
      const again = await t.http().post(path).send({ signatureName: 'Dewi Kartika', consent: true }).expect(409);
      expect(again.body).toMatchObject({ pledgeId: signed.body.id, verificationCode: signed.body.verificationCode });

      const pledge = await get(`/pledges/${signed.body.id}`, organizerBatu.token).expect(200);
      expect(pledge.body).toMatchObject({ capacity: 'SELF', eventId: event.id, personId: people[0].id, checkInId: checkedIn.body.id });
      expect((await t.http().get(`/api/v1/verify/${signed.body.verificationCode}`).expect(200)).body.valid).toBe(true);
      expect((await t.http().get(path).expect(200)).body.pledge).toMatchObject({ id: signed.body.id });
      // What the certificate prints, for whoever holds the code (the signer's certificateUrl).
      const certificate = await t.app.get(PledgesService).findCertificateByCode(signed.body.id, signed.body.verificationCode.toLowerCase());
      expect(certificate).toMatchObject({
        view: { signer: { fullName: 'Dewi Kartika, S.Pd.' }, agencyName: 'Dinas Pendidikan', timezone: 'Asia/Jakarta' },
        template: { clauses: CLAUSES, legalBasis: LEGAL_BASIS },
        event: { id: event.id, title: event.title },
        region: { id: r.batu.id, name: 'Kota Batu' },
        verifyUrl: signed.body.verifyUrl,
      });
      expect(certificate.signaturePng).toEqual(Buffer.from(drawn.split(',')[1], 'base64'));
      await expect(t.app.get(PledgesService).findCertificateByCode(signed.body.id, 'ZZZZZZZZZZ')).rejects.toThrow(/was not found/);
      // Signed: the door offers no link any more.
      expect((await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id }).expect(200)).body.signUrl).toBeNull();
    });

    it('answers 404 for an unknown link and 410 once the check-in window has closed', async () => {
      await t.http().get('/api/v1/sign/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
      await t.http().post('/api/v1/sign/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').send({ signatureName: 'X', consent: true }).expect(404);
      await t.http().get('/api/v1/sign/short').expect(404);
      const { checkIns } = await eventWithAttendees(['Eko Purnomo']);
      const path = new URL(checkIns[0].body.signUrl as string).pathname;
      await withDatabase((db) => db.query("UPDATE sign_tokens SET expires_at = now() - interval '1 minute' WHERE check_in_id = $1", [checkIns[0].body.id]));
      const expired = await t.http().post(path).send({ signatureName: 'Eko Purnomo', consent: true }).expect(410);
      expect(expired.body.type).toMatch(/sign-link-expired$/);
      await t.http().get(path).expect(410);
    });

    it('gives no signUrl when no template is active', async () => {
      const { event, people } = await eventWithAttendees(['Fajar Nugroho'], { checkIn: false });
      await withoutActiveTemplate(async () => {
        const checkedIn = await checkIn(event, people[0]);
        expect(checkedIn.body.signUrl).toBeNull();
        expect(await signTokens(checkedIn.body.id)).toEqual([]);
      });
    });

    it('gives no signUrl once the check-in window has closed, to a first scan or a repeat, though a link was offered before', async () => {
      // A past event: scans made during its window are synced now, after the window closed.
      const past = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { startsAt: '2024-10-29T13:00:00+07:00', endsAt: '2024-10-29T16:00:00+07:00' }));
      const late = await person(dindik, 'Lukman Hakim');
      const { registrations } = await confirmInvitation(t, past, dindik.id, [{ personId: late.id }]);
      const scan = (checkedInAt: string) => post(`/events/${past.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[0].ticketCode, checkedInAt });
      const first = await scan('2024-10-29T12:58:00+07:00').expect(201);
      expect(first.body.signUrl).toBeNull();
      expect((await scan('2024-10-29T13:30:00+07:00').expect(200)).body.signUrl).toBeNull();
      expect(await signTokens(first.body.id)).toEqual([]);

      // Offered while the window was open, then the event moved into the past: the token stays, the offer does not.
      const { event, people, checkIns } = await eventWithAttendees(['Nur Aini, S.Sos.']);
      expect(checkIns[0].body.signUrl).toMatch(/\/sign\/[A-Za-z0-9_-]{43}$/);
      await withDatabase((db) => db.query("UPDATE events SET starts_at = '2024-10-29T06:00:00Z', ends_at = '2024-10-29T09:00:00Z' WHERE id = $1", [event.id]));
      const repeat = await post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id, checkedInAt: '2024-10-29T06:30:00Z' }).expect(200);
      expect(repeat.body.signUrl).toBeNull();
      expect(await signTokens(checkIns[0].body.id)).toHaveLength(1);
    });

    it('gives 20 parallel scans of one ticket one token: the first scan makes it, every answer carries it', async () => {
      const { event, registrations } = await eventWithAttendees(['Hadi Susanto, S.T.'], { checkIn: false });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(`/events/${event.id}/check-ins`, checkinBatu.token, { ticketCode: registrations[0].ticketCode, deviceId: `hp-${i % 4}` })),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([...Array<number>(19).fill(200), 201]);
      const links = new Set(responses.map((response) => response.body.signUrl));
      expect(links.size).toBe(1);
      const [link] = links;
      expect(link).toMatch(/^https:\/\/netralitas\.batukota\.go\.id\/api\/v1\/sign\/[A-Za-z0-9_-]{43}$/);
      expect(await signTokens(responses[0].body.id)).toEqual([link.split('/').pop()]);
    });

    it('gives repeats that race another answer making the link that answer’s token', async () => {
      const { event, people } = await eventWithAttendees(['Sri Mulyani, S.Pd.'], { checkIn: false });
      let checkInId = '';
      await withoutActiveTemplate(async () => {
        checkInId = (await checkIn(event, people[0])).body.id;
      });
      // The template is active again, and another answer is making the check-in's token: not
      // committed yet, so the scans below do not see it, and their own inserts wait on its key.
      const token = `R${'a'.repeat(42)}`;
      const responses = await withDatabase(async (db) => {
        await db.query('BEGIN');
        await db.query("INSERT INTO sign_tokens (region_id, check_in_id, token, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')", [r.batu.id, checkInId, token]);
        const scans = Promise.all(Array.from({ length: 10 }, () => post(`/events/${event.id}/check-ins`, checkinBatu.token, { personId: people[0].id })));
        await withDatabase(async (watcher) => {
          const deadline = Date.now() + 20_000;
          for (;;) {
            const { n } = (await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0];
            if (n === 10) break;
            if (Date.now() > deadline) throw new Error(`${n} of 10 scans wait on the token`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        });
        await db.query('COMMIT');
        return scans;
      });
      expect(responses.map((response) => response.status)).toEqual(Array<number>(10).fill(200));
      expect(new Set(responses.map((response) => response.body.signUrl))).toEqual(new Set([`https://netralitas.batukota.go.id/api/v1/sign/${token}`]));
      expect(await signTokens(checkInId)).toEqual([token]);
    });
  });
});
