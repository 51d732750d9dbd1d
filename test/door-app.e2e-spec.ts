import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { PAGE_CSP } from '../src/pages/page-response.js';
import { artifactPath } from './support/artifacts.js';
import { decodeQrCodes } from './support/documents.js';
import { writeY4m } from './support/fake-camera.js';
import { recordConsole, recordRequests, screenshot, serve, useBrowser } from './support/browser.js';
import { createAgency, createPerson, pnsNip, type AgencyRef, type PersonRef } from './support/directory-fixtures.js';
import { createScheduledEvent, type EventRef, eventBody } from './support/event-fixtures.js';
import { createRegions, createUser, type TestUser } from './support/fixtures.js';
import { confirmInvitation, type RegistrationRef } from './support/registration-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

const HOUR = 3_600_000;
const PASSWORD = 'correct-horse-battery';

/**
 * The door app (GET /door) in Debian's chromium on a phone-sized screen, as door staff use it:
 * sign in, choose the event, check people in by search and by ticket code, lose the network,
 * keep checking people in from the roster kept on the phone, get the network back, and find
 * everyone on the server with the times the phone recorded. Screenshots in test-artifacts/screenshots/.
 */
describe('door app', () => {
  let t: TestApp;
  let baseUrl: string;
  let checkin: TestUser;
  let dindik: AgencyRef;
  let disparta: AgencyRef;
  let event: EventRef;
  let people: PersonRef[];
  let registrations: RegistrationRef[];
  const browser = useBrowser();

  beforeAll(async () => {
    t = await createTestApp();
    const r = await createRegions(t);
    const organizer = await createUser(t, 'ORGANIZER', { regionId: r.batu.id });
    checkin = await createUser(t, 'CHECKIN', { regionId: r.batu.id });
    dindik = await createAgency(t, r.batu.id, 'Dinas Pendidikan');
    disparta = await createAgency(t, r.batu.id, 'Dinas Pariwisata');
    const names = ['Dr. Hendra Kurniawan, M.Pd.', 'Novita Sari, S.Kom.', 'Bambang Suprapto, S.Pd.', 'Wulan Dari, S.E.', 'Joko Susilo, S.Sos.', 'Sri Rahayu, S.E.', 'Teguh Santoso, S.H.'];
    people = [];
    for (const [i, fullName] of names.entries()) people.push(await createPerson(t, dindik.id, { fullName, employmentType: 'PNS', nip: pnsNip(7100 + i), position: 'Kepala Seksi' }));
    // The door is open: the event starts in an hour.
    const startsAt = new Date(Date.now() + HOUR);
    event = await createScheduledEvent(
      t,
      organizer.token,
      eventBody(r.batu.id, { title: 'Sosialisasi Netralitas ASN Kota Batu', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString() }),
    );
    ({ registrations } = await confirmInvitation(t, event, dindik.id, people.map((p, i) => ({ personId: p.id, delegate: i === 1 || i === 3 }))));
    baseUrl = await serve(t.app);
  });
  afterAll(() => t.close());

  const checkIns = () =>
    withAdminClient(t.databaseUrl, async (db) => (await db.query('SELECT person_id, checked_in_at, device_id, client_checkin_id, method FROM check_ins WHERE event_id = $1', [event.id])).rows);

  async function signInAndChoose(page: Page) {
    const response = await page.goto(`${baseUrl}/api/v1/door`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
    await page.fill('#login-email', checkin.email);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#events li');
    expect(await page.textContent('#events')).toContain('Sosialisasi Netralitas ASN Kota Batu');
    await page.click('#events li button');
    await page.waitForSelector('#view-door:not([hidden])');
    await page.waitForFunction(() => /tersimpan di perangkat: \d+ orang/.test(document.getElementById('roster-status')?.textContent ?? ''));
  }

  async function checkInBySearch(page: Page, query: string) {
    await page.fill('#search', query);
    const button = page.locator('#search-results li', { hasText: query }).locator('button');
    await button.click();
    // The previous scan's result may still be showing: wait for this person's.
    await page.waitForFunction((name) => {
      const result = document.getElementById('result');
      return result !== null && !result.hidden && (result.textContent ?? '').includes(name);
    }, query);
  }

  it('checks people in by search online and offline, and sends the offline scans with their times when the network returns', async () => {
    const page = browser.page();
    const requests = recordRequests(page);
    const console = recordConsole(page);
    await signInAndChoose(page);
    await page.waitForFunction(() => document.getElementById('counts')?.textContent === 'Hadir 0 dari 7 terdaftar');

    // Online: the server answers at once.
    await checkInBySearch(page, 'Hendra');
    expect(await page.getAttribute('#result', 'data-kind')).toBe('ok');
    expect(await page.textContent('#result')).toContain('Dr. Hendra Kurniawan, M.Pd.');
    expect(await page.textContent('#result')).toContain('Dinas Pendidikan');
    await page.waitForFunction(() => document.getElementById('counts')?.textContent === 'Hadir 1 dari 7 terdaftar');

    // Offline: two more from the roster kept on the phone, recorded on the device.
    await page.context().setOffline(true);
    await checkInBySearch(page, 'Novita');
    expect(await page.getAttribute('#result', 'data-kind')).toBe('queued');
    expect(await page.textContent('#result')).toContain('belum terkirim');
    await checkInBySearch(page, 'Bambang');
    expect(await page.textContent('#net')).toContain('Luring');
    const pending = await page.$$eval('#log li[data-status="pending"]', (items) =>
      items.map((item) => ({ id: (item as HTMLElement).dataset.clientCheckinId!, at: (item as HTMLElement).dataset.checkedInAt!, text: item.textContent })),
    );
    expect(pending).toHaveLength(2);
    expect(pending.every((item) => item.text?.includes('belum terkirim'))).toBe(true);
    expect(await page.textContent('#pending')).toBe('2 catatan belum terkirim');
    expect(await checkIns()).toHaveLength(1);

    // A reload without network still opens the app (the service worker kept it), with the queue.
    await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.getRegistration()?.then((registration) => registration?.active)));
    await page.reload();
    await page.waitForSelector('#view-door:not([hidden])');
    await page.waitForFunction(() => document.querySelectorAll('#log li[data-status="pending"]').length === 2);
    await screenshot(page, 'door-app-offline');

    // The hall stays offline a while: a time taken when sending would differ from the phone's by seconds.
    await page.waitForTimeout(3000);

    // Back online: the queue goes through the batch endpoint.
    await page.context().setOffline(false);
    await page.waitForFunction(() => document.querySelectorAll('#log li[data-status="sent"]').length === 3, undefined, { timeout: 30_000 });
    expect(await page.textContent('#pending')).toBe('0 catatan belum terkirim');
    await page.waitForFunction(() => document.getElementById('counts')?.textContent === 'Hadir 3 dari 7 terdaftar');

    const rows = await checkIns();
    expect(rows).toHaveLength(3);
    for (const item of pending) {
      const row = rows.find((r) => r.client_checkin_id === item.id);
      expect(row).toBeDefined();
      expect(row.method).toBe('OFFLINE_SYNC');
      // The time the phone recorded, not the time it was sent.
      expect(Math.abs(new Date(row.checked_in_at).getTime() - new Date(item.at).getTime())).toBeLessThan(1000);
    }
    expect(rows.map((r) => r.person_id).sort()).toEqual([people[0].id, people[1].id, people[2].id].sort());
    expect(new Set(rows.map((r) => r.device_id)).size).toBe(1);
    expect(rows.find((r) => r.person_id === people[0].id).method).toBe('MANUAL');

    await screenshot(page, 'door-app-synced');
    expect(requests.leavingLocalhost()).toEqual([]);
    expect(console.filter((message) => !message.includes('net::ERR_INTERNET_DISCONNECTED') && !message.includes('Failed to load resource'))).toEqual([]);
  });

  it('shows a delegate as diwakilkan, a repeat with when and where the first scan was, and registers a walk-in', async () => {
    const page = browser.page();
    await signInAndChoose(page);

    // Wulan (a delegate) was checked in at the organizers' desk; here, her ticket is typed again.
    await t
      .http()
      .post(`/api/v1/events/${event.id}/check-ins`)
      .set('Authorization', checkin.token)
      .send({ personId: people[3].id, deviceId: 'meja-panitia' })
      .expect(201);
    await page.fill('#ticket-code', registrations[3].ticketCode.toLowerCase());
    await page.click('#ticket-form button[type="submit"]');
    await page.waitForSelector('#result[data-kind="repeat"]');
    const repeat = await page.textContent('#result');
    expect(repeat).toContain('Wulan Dari, S.E.');
    expect(repeat).toMatch(/Sudah tercatat hadir sebelumnya pukul \d\d\.\d\d WIB di perangkat meja-panitia/);
    expect(repeat).toContain('diwakilkan');

    // Joko by his ticket: a first scan.
    await page.fill('#ticket-code', registrations[4].ticketCode);
    await page.click('#ticket-form button[type="submit"]');
    await page.waitForSelector('#result[data-kind="ok"]');
    expect(await page.textContent('#result')).toContain('Joko Susilo, S.Sos.');

    // A walk-in of Dinas Pariwisata.
    await page.click('#walk-in summary');
    await page.fill('#walk-in-name', 'Sri Wahyuni, S.Par.');
    await page.selectOption('#walk-in-type', 'NON_ASN');
    await page.fill('#walk-in-position', 'Staf Pemasaran');
    await page.selectOption('#walk-in-agency', disparta.id);
    await page.click('#walk-in-form button[type="submit"]');
    await page.waitForSelector('#result[data-kind="ok"]:has-text("Sri Wahyuni")');
    expect(await page.textContent('#result')).toContain('tanpa undangan');
    const counts = await t.http().get(`/api/v1/events/${event.id}/counts`).set('Authorization', checkin.token).expect(200);
    expect(counts.body).toMatchObject({ registered: 8, walkIns: 1 });
    await page.waitForFunction((n) => document.getElementById('counts')?.textContent === `Hadir ${n} dari 8 terdaftar`, counts.body.checkedIn);
    await screenshot(page, 'door-app-walk-in');
  });

  it('refuses an account that is not door staff, and a wrong password, in Bahasa Indonesia', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl}/api/v1/door`);
    await page.fill('#login-email', checkin.email);
    await page.fill('#login-password', 'salah-sekali');
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#login-error:not([hidden])');
    expect(await page.textContent('#login-error')).toBe('Email atau kata sandi salah.');
    const viewer = await createUser(t, 'VIEWER', { regionId: String(event.regionId) });
    await page.fill('#login-email', viewer.email);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('login-error')?.textContent === 'Akun ini bukan akun petugas pintu masuk.');
  });
  it('offers the pledge: the signing link of the check-in, to open on the attendee’s own phone', async () => {
    // An active pledge template: from now on check-ins of this event carry a signUrl.
    await t
      .http()
      .post('/api/v1/pledge-templates')
      .set('Authorization', t.adminToken)
      .send({ title: 'Pakta Integritas Netralitas ASN', clauses: ['Menjaga netralitas ASN sebelum, selama dan sesudah pemilihan.'], legalBasis: 'SKB 5 instansi 2022' })
      .expect(201);
    const page = browser.page();
    await signInAndChoose(page);
    await checkInBySearch(page, 'Teguh');
    expect(await page.getAttribute('#result', 'data-kind')).toBe('ok');
    const link = page.locator('#result a');
    expect(await link.textContent()).toBe('Buka tautan penandatanganan ikrar');
    const signUrl = await link.getAttribute('href');
    expect(signUrl).toMatch(/\/api\/v1\/sign\/[A-Za-z0-9_-]+$/);
    // The QR code on the screen is what the attendee's phone scans: it must read back as the link.
    const qr = page.locator('#result img.door__sign-qr');
    await page.waitForFunction(() => ((document.querySelector('#result img.door__sign-qr') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    expect(decodeQrCodes(await qr.screenshot())).toEqual([signUrl]);
    await screenshot(page, 'door-app-sign-link');
  });

  describe('with a camera', () => {
    // Chromium's fake camera shows Sri Rahayu's ticket: the QR as the letter prints it.
    const video = artifactPath('camera', 'door-ticket.y4m');
    beforeAll(async () => {
      writeY4m(await QRCode.toBuffer(registrations[5].ticketCode, { type: 'png', scale: 8, margin: 4, errorCorrectionLevel: 'M' }), video);
    });
    const camera = useBrowser({ args: () => ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });

    it('reads a QR ticket through the camera (jsQR where the browser has no BarcodeDetector) and checks the person in', async () => {
      const page = camera.page();
      await page.context().grantPermissions(['camera'], { origin: baseUrl });
      const requests = recordRequests(page);
      await signInAndChoose(page);
      await page.click('#scan-start');
      await page.waitForSelector('#result[data-kind="ok"]', { timeout: 20_000 });
      expect(await page.textContent('#result')).toContain('Sri Rahayu, S.E.');
      await screenshot(page, 'door-app-camera');
      await page.click('#scan-stop');
      const rows = await checkIns();
      expect(rows.find((row) => row.person_id === people[5].id)).toMatchObject({ method: 'QR' });
      // Decoded on the phone by the app's own copy of jsQR (headless chromium on Linux has no BarcodeDetector).
      expect(requests.urls.some((url) => /\/api\/v1\/assets\/jsqr\.[0-9a-f]{10}\.js$/.test(url))).toBe(true);
      expect(requests.leavingLocalhost()).toEqual([]);
    });
  });
});
