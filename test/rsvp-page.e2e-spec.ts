import type pg from 'pg';
import { PAGE_CSP } from '../src/pages/page-response.js';
import { recordConsole, recordRequests, screenshot, serve, useBrowser } from './support/browser.js';
import { type AgencyRef, createAgency, createPerson, type PersonRef, pnsNip } from './support/directory-fixtures.js';
import { decodeQrCodes } from './support/documents.js';
import { createScheduledEvent, eventBody } from './support/event-fixtures.js';
import { createCast, createRegions } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

/** A Tuesday, WIB: "Selasa, 29 Oktober 2030", 13.00–16.00. Far enough ahead to stay open. */
const FUTURE = { startsAt: '2030-10-29T13:00:00+07:00', endsAt: '2030-10-29T16:00:00+07:00' };
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const SURAT_TUGAS = Buffer.from('%PDF-1.4\n% surat tugas Pabung\n%%EOF\n');

/**
 * The RSVP page in Debian's chromium on a phone-sized screen, as the agency that received the
 * letter uses it: open the link, answer, name attendees, attach the surat tugas. What the page
 * did is checked in the database. Screenshots are kept in test-artifacts/screenshots/.
 */
describe('RSVP page', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let baseUrl: string;
  let kodim: AgencyRef;
  let people: PersonRef[];
  const browser = useBrowser();

  const db = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => withAdminClient(t.databaseUrl, async (client: pg.Client) => (await client.query(sql, params)).rows as T[]);

  /** A fresh invitation of the Kodim to a new event; its RSVP token. */
  async function invitation(seats = 3): Promise<{ id: string; token: string; eventId: string }> {
    const event = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, { ...FUTURE, capacity: 50 }));
    const invited = await t.http().post(`/api/v1/events/${event.id}/invitations`).set('Authorization', cast.organizerBatu.token).send({ agencyIds: [kodim.id], seats }).expect(201);
    const id = invited.body.created[0].invitationId as string;
    const [{ token }] = await db<{ token: string }>('SELECT token FROM invitations WHERE id = $1', [id]);
    return { id, token, eventId: event.id };
  }
  const registrations = (invitationId: string) =>
    db<{ full_name: string; delegate: boolean; ticket_code: string }>(
      'SELECT p.full_name, g.delegate, g.ticket_code FROM registrations g JOIN people p ON p.id = g.person_id WHERE g.invitation_id = $1 ORDER BY p.full_name',
      [invitationId],
    );

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    cast = await createCast(t, r);
    await t
      .http()
      .put(`/api/v1/regions/${r.batu.id}/office`)
      .set('Authorization', t.adminToken)
      .send({ government: 'PEMERINTAH KOTA BATU', name: 'BADAN KESATUAN BANGSA DAN POLITIK', address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu', city: 'Batu', signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Bakesbangpol Kota Batu' } })
      .expect(200);
    kodim = await createAgency(t, r.batu.id, 'Komando Distrik Militer 0818', { category: 'VERTICAL', headTitle: 'Komandan Kodim 0818' });
    people = [
      await createPerson(t, kodim.id, { fullName: 'Letkol Inf. Bayu Prasetyo', employmentType: 'EXTERNAL', position: 'Dandim 0818' }),
      await createPerson(t, kodim.id, { fullName: 'Mayor Arh. Suharto', employmentType: 'EXTERNAL', position: 'Perwira Penghubung (Pabung)' }),
      await createPerson(t, kodim.id, { fullName: 'Siti Rahmawati, S.E.', employmentType: 'PNS', nip: pnsNip(4242), position: 'Pengelola Keuangan' }),
    ];
    baseUrl = await serve(t.app);
  });
  afterAll(() => t.close());

  it('opens from the short link of the letter: the event, its day and time in WIB, venue, seats and the answer, with nothing from another site', async () => {
    const { token } = await invitation();
    const page = browser.page();
    const requests = recordRequests(page);
    const console = recordConsole(page);
    const response = await page.goto(`${baseUrl}/r/${token}`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/api/v1/rsvp/${token}`);
    expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
    await page.waitForLoadState('load');

    expect(await page.textContent('h1')).toBe('Konfirmasi Kehadiran');
    expect(await page.textContent('.site-header')).toContain('PEMERINTAH KOTA BATU');
    expect(await page.textContent('#event-when')).toBe('Selasa, 29 Oktober 2030, 13.00–16.00 WIB');
    expect(await page.textContent('main')).toContain('GOR Gajah Mada, Jl. Gajah Mada, Kecamatan Batu, Kota Batu');
    expect(await page.textContent('main')).toContain('Yth. Komandan Kodim 0818, Komando Distrik Militer 0818');
    expect(await page.textContent('#seats')).toBe('paling banyak 3 orang');
    expect(await page.textContent('#answer-status')).toBe('Belum dijawab');
    expect(await page.$$eval('input[name="attendee"]', (inputs) => inputs.length)).toBe(3);

    expect(requests.leavingLocalhost()).toEqual([]);
    expect(console).toEqual([]);
    await screenshot(page, 'rsvp-page');
  });

  it('searches the agency’s people on the server, by name or by the start of the NIP', async () => {
    const { token } = await invitation();
    const page = browser.page();
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    await page.fill('#field-q', 'suharto');
    await Promise.all([page.waitForNavigation(), page.click('form.search button')]);
    expect(await page.$$eval('.person', (items) => items.map((item) => item.querySelector('label')?.textContent?.trim()))).toEqual(['Mayor Arh. Suharto Perwira Penghubung (Pabung)']);
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}?q=${pnsNip(4242).slice(0, 8)}`);
    expect(await page.$$eval('.person label:first-child', (labels) => labels.map((label) => label.textContent?.trim()))).toEqual(['Siti Rahmawati, S.E. Pengelola Keuangan']);
    // The NIP is searched, never shown.
    expect(await page.content()).not.toContain(pnsNip(4242));
  });

  it('confirms with a filled form: a delegate from the roster and someone new; the page shows each ticket with a QR code of its code', async () => {
    const { id, token } = await invitation();
    const page = browser.page();
    const console = recordConsole(page);
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    await page.check('input[name="status"][value="CONFIRMED"]');
    await page.check(`input[name="attendee"][value="${people[1].id}"]`);
    await page.check(`input[name="delegate"][value="${people[1].id}"]`);
    await page.fill('#field-newFullName', 'Kapten Inf. Joko Susilo');
    await page.selectOption('#field-newEmploymentType', 'EXTERNAL');
    await page.fill('#field-newPosition', 'Danramil 0818/01 Batu');
    await page.fill('#field-reason', 'Dandim bertugas di luar kota');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#answer-form button[type="submit"]')]);
    expect(response?.status()).toBe(200);

    expect(await page.textContent('.notice--ok')).toContain('Jawaban Anda sudah kami terima: hadir.');
    expect(await page.textContent('#answer-status')).toBe('Hadir');
    const rows = await registrations(id);
    expect(rows.map((row) => [row.full_name, row.delegate])).toEqual([
      ['Kapten Inf. Joko Susilo', false],
      ['Mayor Arh. Suharto', true],
    ]);
    expect((await db<{ status: string; reason: string }>('SELECT status, reason FROM invitations WHERE id = $1', [id]))[0]).toEqual({ status: 'CONFIRMED', reason: 'Dandim bertugas di luar kota' });
    // Each ticket's QR, drawn by the server, scans back to its code.
    const tickets = page.locator('.ticket');
    expect(await tickets.count()).toBe(2);
    for (let index = 0; index < 2; index += 1) {
      const code = await tickets.nth(index).getAttribute('data-ticket');
      expect(rows.map((row) => row.ticket_code)).toContain(code);
      expect(decodeQrCodes(await tickets.nth(index).locator('img').screenshot())).toEqual([code]);
    }
    expect(console).toEqual([]);
    await screenshot(page, 'rsvp-confirmed');

    // The same answer again (a reload of the form) changes nothing, and through the API it reads the same.
    const api = await t.http().get(`/api/v1/rsvp/${token}`).set('Accept', 'application/json').expect(200);
    expect(api.body.attendees.map((a: { person: { fullName: string }; delegate: boolean }) => [a.person.fullName, a.delegate])).toEqual([
      ['Kapten Inf. Joko Susilo', false],
      ['Mayor Arh. Suharto', true],
    ]);
  });

  it('declines: the script hides the attendees while "Tidak hadir" is chosen, and the refusal is recorded with its reason', async () => {
    const { id, token } = await invitation();
    const page = browser.page();
    const console = recordConsole(page);
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    // Ticking "wakil" ticks the person too.
    await page.check(`input[name="delegate"][value="${people[1].id}"]`);
    expect(await page.isChecked(`input[name="attendee"][value="${people[1].id}"]`)).toBe(true);
    await page.check('input[name="status"][value="DECLINED"]');
    expect(await page.isVisible('#field-attendee')).toBe(false);
    await page.fill('#field-reason', 'Seluruh personel bertugas pengamanan kampanye');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#answer-form button[type="submit"]')]);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('#answer-status')).toBe('Tidak hadir');
    expect(await registrations(id)).toEqual([]);
    expect((await db<{ status: string; reason: string }>('SELECT status, reason FROM invitations WHERE id = $1', [id]))[0]).toEqual({ status: 'DECLINED', reason: 'Seluruh personel bertugas pengamanan kampanye' });
    expect(console).toEqual([]);
    await screenshot(page, 'rsvp-declined');
  });

  it('shows a bad NIP next to its field in Bahasa Indonesia, keeps what was typed, and writes nothing', async () => {
    const { id, token } = await invitation();
    const before = await db<{ n: number }>('SELECT count(*)::int AS n FROM people');
    const page = browser.page();
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    await page.check('input[name="status"][value="CONFIRMED"]');
    await page.check(`input[name="attendee"][value="${people[0].id}"]`);
    await page.fill('#field-newFullName', 'Dra. Endang Lestari');
    await page.fill('#field-newNip', '19750412 2006');
    await page.selectOption('#field-newEmploymentType', 'PNS');
    await page.fill('#field-newPosition', 'Kepala Subbagian Umum');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#answer-form button[type="submit"]')]);
    expect(response?.status()).toBe(400);

    expect(await page.textContent('#field-newNip-error')).toBe('NIP harus 18 angka; yang tertulis 12 angka.');
    expect(await page.getAttribute('#field-newNip', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#field-newNip')).toBe('19750412 2006');
    expect(await page.inputValue('#field-newFullName')).toBe('Dra. Endang Lestari');
    expect(await page.isChecked(`input[name="attendee"][value="${people[0].id}"]`)).toBe(true);
    expect(await page.textContent('.error-summary')).toContain('NIP peserta baru: NIP harus 18 angka');
    await screenshot(page, 'rsvp-bad-nip');

    expect(await registrations(id)).toEqual([]);
    expect((await db<{ status: string }>('SELECT status FROM invitations WHERE id = $1', [id]))[0].status).toBe('PENDING');
    expect(await db<{ n: number }>('SELECT count(*)::int AS n FROM people')).toEqual(before);
  });

  it('says when more attendees are named than the invitation’s seats (409), writing nothing', async () => {
    const { id, token } = await invitation(1);
    const page = browser.page();
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    await page.check('input[name="status"][value="CONFIRMED"]');
    await page.check(`input[name="attendee"][value="${people[0].id}"]`);
    await page.check(`input[name="attendee"][value="${people[1].id}"]`);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#answer-form button[type="submit"]')]);
    expect(response?.status()).toBe(409);
    expect(await page.textContent('.notice--error')).toBe('Undangan ini untuk paling banyak 1 orang: kurangi jumlah peserta.');
    expect(await registrations(id)).toEqual([]);
  });

  it('attaches the surat tugas through the link, and refuses a file that is not a PDF or an image next to the field', async () => {
    const { id, token } = await invitation();
    const page = browser.page();
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    await page.setInputFiles('#field-file', { name: 'surat-tugas.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
    const [refused] = await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button')]);
    expect(refused?.status()).toBe(400);
    expect(await page.textContent('#field-file-error')).toContain('PDF, PNG atau JPEG');
    expect((await db<{ f: string | null }>('SELECT assignment_letter_id AS f FROM invitations WHERE id = $1', [id]))[0].f).toBeNull();

    await page.setInputFiles('#field-file', { name: 'surat-tugas-pabung.pdf', mimeType: 'application/pdf', buffer: SURAT_TUGAS });
    const [stored] = await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button')]);
    expect(stored?.status()).toBe(200);
    expect(await page.textContent('.notice--ok')).toBe('Surat tugas sudah kami terima.');
    expect(await page.textContent('#assignment-letter')).toContain('surat-tugas-pabung.pdf');
    const download = await t.http().get(`/api/v1/invitations/${id}/assignment-letter`).set('Authorization', cast.organizerBatu.token).buffer(true).expect(200);
    expect(Buffer.from(download.body as Buffer).equals(SURAT_TUGAS)).toBe(true);
    const [audit] = await db<{ actor_id: string | null; changes: { via?: string } }>("SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'upload-assignment-letter'", [id]);
    expect(audit).toMatchObject({ actor_id: null, changes: { via: 'rsvp-link' } });
  });

  it('closes once the event has started: no form on the page, and a posted answer is a 409 page', async () => {
    const { id, token, eventId } = await invitation();
    await db("UPDATE events SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '2 hours' WHERE id = $1", [eventId]);
    const page = browser.page();
    await page.goto(`${baseUrl}/api/v1/rsvp/${token}`);
    expect(await page.textContent('#answers-closed')).toBe('Acara sudah dimulai: jawaban tidak dapat diberikan atau diubah lagi.');
    expect(await page.$$('#answer-form')).toEqual([]);
    await screenshot(page, 'rsvp-closed');

    const posted = await t.http().post(`/api/v1/rsvp/${token}`).set('Accept', BROWSER_ACCEPT).type('form').send({ status: 'DECLINED' }).expect(409);
    expect(posted.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(posted.text).toContain('Acara sudah dimulai');
    expect((await db<{ status: string }>('SELECT status FROM invitations WHERE id = $1', [id]))[0].status).toBe('PENDING');
  });

  it('answers an unknown link with a 404 page, from the short link too', async () => {
    const page = browser.page();
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const response = await page.goto(`${baseUrl}/r/${unknown}`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Tidak ditemukan');
    await screenshot(page, 'rsvp-not-found');
  });

  describe('over HTTP', () => {
    it('keeps JSON for programs on the same paths, and takes the form from programs too', async () => {
      const { token } = await invitation();
      const json = await t.http().get(`/api/v1/rsvp/${token}`).set('Accept', 'application/json').expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.body).toMatchObject({ status: 'PENDING', open: true, attendees: [] });
      const byNip = await t.http().get(`/api/v1/rsvp/${token}?q=${pnsNip(4242).slice(0, 6)}`).expect(200);
      expect(byNip.body.roster.map((p: { fullName: string }) => p.fullName)).toEqual(['Siti Rahmawati, S.E.']);
      const invalid = await t.http().post(`/api/v1/rsvp/${token}`).send({ status: 'MAYBE' }).expect(400);
      expect(invalid.body.errors).toEqual([{ field: 'status', message: 'status must be one of CONFIRMED, DECLINED' }]);
      await t.http().post(`/api/v1/rsvp/${token}`).send({ status: 'DECLINED', extra: 1 }).expect(400);
      const declined = await t.http().post(`/api/v1/rsvp/${token}`).type('form').send({ status: 'DECLINED', reason: 'Berhalangan' }).expect(200);
      expect(declined.body).toMatchObject({ status: 'DECLINED', reason: 'Berhalangan' });
    });

    it('redirects the short link to the page without looking the token up', async () => {
      const response = await t.http().get('/r/AAAAAAAAAAAAAAAAAAAAAAAA').expect(302);
      expect(response.headers.location).toBe('/api/v1/rsvp/AAAAAAAAAAAAAAAAAAAAAAAA');
      await t.http().get('/r/short').expect(404);
      await t.http().get('/api/v1/r/AAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    });
  });
});
