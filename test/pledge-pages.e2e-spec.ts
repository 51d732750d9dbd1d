import type pg from 'pg';
import type { Page } from 'playwright-core';
import { PAGE_CSP } from '../src/pages/page-response.js';
import { recordConsole, recordRequests, screenshot, serve, useBrowser } from './support/browser.js';
import { createAgency, createPerson, type AgencyRef, type PersonRef } from './support/directory-fixtures.js';
import { decodeQrCodes, isA4, pdfFonts, readPdf, renderPdfPage } from './support/documents.js';
import { createScheduledEvent, type EventRef, eventBody } from './support/event-fixtures.js';
import { createCast, createRegions, putOffice, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';
import { hasSignatureInk, sampleSignaturePng } from './support/pledge-fixtures.js';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://netralitas.batukota.go.id';

const CLAUSES = [
  'Menjaga dan menegakkan prinsip netralitas ASN dalam melaksanakan tugas pelayanan publik, baik sebelum, selama, maupun sesudah pemilihan.',
  'Menghindari konflik kepentingan, tidak melakukan intimidasi dan ancaman, serta tidak memihak kepada pasangan calon mana pun.',
  'Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong.',
  'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
];
const LEGAL_BASIS = 'SKB MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu Tahun 2022';

/**
 * The parts of pledges people see: the certificate PDF read back as printed (text, A4, fonts,
 * the QR code decoded from the rendered page), the public verification page and the signing page
 * in Debian's chromium on a phone-sized screen. PNGs under test-artifacts/.
 */
describe('pledges for people: certificate, verification page, signing page', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let baseUrl: string;
  let organizerBatu: TestUser;
  let viewerBatu: TestUser;
  let checkinBatu: TestUser;
  let organizerBalikpapan: TestUser;
  let dindik: AgencyRef;
  let event: EventRef;
  let personCounter = 0;
  const browser = useBrowser();

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL });
    r = await createRegions(t);
    ({ organizerBatu, viewerBatu, checkinBatu, organizerBalikpapan } = await createCast(t, r));
    await putOffice(t, r.batu.id);
    dindik = await createAgency(t, r.batu.id, 'Dinas Pendidikan Kota Batu');
    await t.http().post('/api/v1/pledge-templates').set('Authorization', t.adminToken).send({ title: 'Pakta Integritas Netralitas ASN', clauses: CLAUSES, legalBasis: LEGAL_BASIS }).expect(201);
    const startsAt = new Date(Date.now() + HOUR);
    event = await createScheduledEvent(
      t,
      organizerBatu.token,
      eventBody(r.batu.id, { title: 'Sosialisasi Netralitas ASN Pilkada 2024', venueName: 'Balai Kota Among Tani', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString() }),
    );
    baseUrl = await serve(t.app);
  });
  afterAll(() => t.close());

  const withDatabase = <T>(work: (db: pg.Client) => Promise<T>) => withAdminClient(t.databaseUrl, work);

  /** A PNS of Dinas Pendidikan, checked in at the event: answers the person and the signing link. */
  async function checkedIn(fullName = 'Dr. Hendra Wijaya, M.Pd.'): Promise<{ person: PersonRef; signUrl: string }> {
    personCounter += 1;
    const nip = `19860926201001100${personCounter}`.slice(0, 18);
    const person = await createPerson(t, dindik.id, { fullName, employmentType: 'PNS', nip, position: 'Kepala Bidang Pembinaan SMP', phone: '0812-3456-7890', email: `hendra${personCounter}@batukota.go.id` });
    const checkIn = await t.http().post(`/api/v1/events/${event.id}/check-ins`).set('Authorization', checkinBatu.token).send({ walkIn: { fullName, nip, employmentType: 'PNS', position: 'Kepala Bidang Pembinaan SMP', agencyId: dindik.id }, method: 'MANUAL' });
    if (checkIn.status !== 201) throw new Error(JSON.stringify(checkIn.body));
    // The walk-in is the person already in the directory (by NIP), with their phone and email.
    expect(checkIn.body.personId).toBe(person.id);
    expect(checkIn.body.signUrl).toMatch(/^https:\/\/netralitas\.batukota\.go\.id\/api\/v1\/sign\//);
    return { person, signUrl: checkIn.body.signUrl as string };
  }

  /** A download, as bytes: `fetch` from the listening server (supertest would parse it as text). */
  async function download(path: string, token?: string): Promise<{ status: number; type: string | null; body: Buffer }> {
    const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: token } : {} });
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  }

  /** The signing link as the test server serves it. */
  const local = (url: string) => url.replace(PUBLIC_URL, baseUrl);

  /** A pledge signed through the API (the tablet at the venue), with a drawn signature. */
  async function signedPledge(fullName?: string) {
    const { person } = await checkedIn(fullName);
    const templates = await t.http().get('/api/v1/pledge-templates?active=true').set('Authorization', organizerBatu.token).expect(200);
    const response = await t
      .http()
      .post('/api/v1/pledges')
      .set('Authorization', checkinBatu.token)
      .send({
        eventId: event.id,
        templateId: templates.body.items[0].id,
        personId: person.id,
        capacity: 'SELF',
        signatureName: person.fullName.replace(/^Dr\. /, '').replace(/, M\.Pd\.$/, '').toLowerCase(),
        signatureImage: `data:image/png;base64,${sampleSignaturePng().toString('base64')}`,
        consent: true,
      })
      .expect(201);
    return { person, pledge: response.body };
  }

  describe('certificate PDF', () => {
    it('prints the letterhead, the pledge with its clauses and legal basis, the signer, local time and hash on one A4 page, fonts embedded', async () => {
      const { person, pledge } = await signedPledge();
      const response = await download(`/api/v1/pledges/${pledge.id}.pdf`, viewerBatu.token);
      expect(response.status).toBe(200);
      expect(response.type).toBe('application/pdf');
      const pdf = response.body;
      const { text, pages } = await readPdf(pdf);
      expect(pages).toHaveLength(1);
      expect(isA4(pages[0])).toBe(true);
      expect(pages[0].text.split('\n').slice(0, 2)).toEqual(['PEMERINTAH KOTA BATU', 'BADAN KESATUAN BANGSA DAN POLITIK']);
      expect(text).toContain('PAKTA INTEGRITAS NETRALITAS ASN');
      expect(text).toContain(`Nama : ${person.fullName}`);
      expect(text).toContain(`NIP : ${person.nip!.slice(0, 8)} ${person.nip!.slice(8, 14)} ${person.nip![14]} ${person.nip!.slice(15)}`);
      expect(text).toContain('Jabatan : Kepala Bidang Pembinaan SMP');
      expect(text).toContain('Instansi : Dinas Pendidikan Kota Batu');
      expect(text).toContain('Acara : Sosialisasi Netralitas ASN Pilkada 2024, Balai Kota Among Tani');
      // The clauses in their order, whole (the extracted text joins wrapped lines with line breaks).
      const flat = text.replace(/\s+/g, ' ');
      // Each item's number is extracted after its first line: read the clauses without them.
      const clauses = flat.replace(/ [1-9]\. /g, ' ');
      const positions = CLAUSES.map((clause) => clauses.indexOf(clause));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(flat).toContain('SKB MenPAN-');
      expect(flat).toContain('KASN dan Bawaslu Tahun 2022');
      // The signing time in the region's zone, as Indonesian writes it.
      expect(text).toContain(`Waktu : ${expectedLocalTime(new Date(pledge.signedAt))}`);
      expect(text).toContain(pledge.hash);
      expect(text).toContain(`Kode verifikasi: ${pledge.verificationCode}`);
      expect(pdfFonts(pdf).length).toBeGreaterThan(0);
      expect(pdfFonts(pdf).filter((font) => !font.embedded)).toEqual([]);

      const page = await renderPdfPage(pdf, 1, 'pledge-certificate');
      expect(decodeQrCodes(page.png)).toEqual([`${PUBLIC_URL}/api/v1/verify/${pledge.verificationCode}`]);
      // The drawn signature is printed: the signature's ink blue is on the page.
      expect(hasSignatureInk(page.png)).toBe(true);
    });

    it('gives the same bytes for the same pledge, and is read by the same callers as the pledge', async () => {
      const { pledge } = await signedPledge('Siti Rahmawati, S.Pd.');
      const first = await download(`/api/v1/pledges/${pledge.id}.pdf`, organizerBatu.token);
      const second = await download(`/api/v1/pledges/${pledge.id}.pdf`, organizerBatu.token);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.body.equals(second.body)).toBe(true);
      await t.http().get(`/api/v1/pledges/${pledge.id}.pdf`).set('Authorization', organizerBalikpapan.token).expect(404);
      await t.http().get(`/api/v1/pledges/${pledge.id}.pdf`).expect(401);
      // The JSON of the same pledge still answers on /pledges/:id.
      const json = await t.http().get(`/api/v1/pledges/${pledge.id}`).set('Authorization', organizerBatu.token).expect(200);
      expect(json.body.id).toBe(pledge.id);
    });
  });

  describe('verification page', () => {
    it('says the pledge is valid, with its clauses, local time, agency and masked NIP, and nothing more personal', async () => {
      const { person, pledge } = await signedPledge('Bambang Sutrisno, S.T.');
      const page = browser.page();
      const requests = recordRequests(page);
      const console = recordConsole(page);
      const response = await page.goto(`${baseUrl}/api/v1/verify/${pledge.verificationCode}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      expect(await page.textContent('.verdict')).toContain('Pakta integritas ini sah');
      expect(await page.$$eval('.clauses li', (items) => items.map((item) => item.textContent))).toEqual(CLAUSES);
      const main = (await page.textContent('main')) ?? '';
      expect(main).toContain(person.fullName);
      expect(main).toContain('Dinas Pendidikan Kota Batu');
      expect(main).toContain(expectedLocalTime(new Date(pledge.signedAt)));
      expect(main).toContain(`${person.nip!.slice(0, 6)}••••••••${person.nip!.slice(-4)}`);
      expect(main).toContain(pledge.hash);
      expect(main).not.toContain(person.nip!);
      expect(main).not.toContain('0812');
      expect(main).not.toContain('@batukota.go.id');
      expect(main).not.toContain('Kepala Bidang Pembinaan SMP');
      expect(await page.$$('main img, main canvas')).toEqual([]);
      expect(requests.leavingLocalhost()).toEqual([]);
      expect(console).toEqual([]);
      await screenshot(page, 'pledge-verify-valid');
    });

    it('says a pledge altered behind the API is not valid', async () => {
      const { pledge } = await signedPledge('Agus Salim, S.H.');
      await withDatabase(async (db) => {
        await db.query('BEGIN');
        await db.query('ALTER TABLE pledges DISABLE TRIGGER USER');
        await db.query("UPDATE pledges SET signed_at = signed_at - interval '1 day' WHERE id = $1", [pledge.id]);
        await db.query('ALTER TABLE pledges ENABLE TRIGGER USER');
        await db.query('COMMIT');
      });
      const json = await t.http().get(`/api/v1/verify/${pledge.verificationCode}`).set('Accept', 'application/json').expect(200);
      expect(json.body.valid).toBe(false);
      const page = browser.page();
      const response = await page.goto(`${baseUrl}/api/v1/verify/${pledge.verificationCode}`);
      expect(response?.status()).toBe(200);
      const verdict = (await page.textContent('.verdict')) ?? '';
      expect(verdict).toContain('tidak sah / telah diubah');
      expect(verdict).not.toContain('Pakta integritas ini sah');
      await screenshot(page, 'pledge-verify-tampered');
    });

    it('answers an unknown code with a 404 page in Bahasa Indonesia, and problem+json to programs', async () => {
      const page = browser.page();
      const response = await page.goto(`${baseUrl}/api/v1/verify/ZZZZZZZZZZ`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.textContent('h1')).toBe('Tidak ditemukan');
      await screenshot(page, 'pledge-verify-unknown');
      const json = await t.http().get('/api/v1/verify/ZZZZZZZZZZ').set('Accept', 'application/json').expect(404);
      expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('signing page', () => {
    it('lets an attendee sign on their phone: draw, type the name, agree, and get the code and links', async () => {
      const { person, signUrl } = await checkedIn('Dr. Dewi Anggraini, M.Pd.');
      const page = browser.page();
      const requests = recordRequests(page);
      const console = recordConsole(page);
      const response = await page.goto(local(signUrl));
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
      expect(await page.textContent('h1')).toBe('Tanda Tangan Pakta Integritas');
      expect(await page.$$eval('.clauses li', (items) => items.map((item) => item.textContent))).toEqual(CLAUSES);
      await screenshot(page, 'pledge-sign-form');

      await drawSignature(page);
      // The pad put the drawing into the form, as a PNG data URL.
      expect(await page.inputValue('#field-signatureImage')).toMatch(/^data:image\/png;base64,/);
      await page.fill('#field-signatureName', 'dewi   anggraini');
      await page.check('#field-consent');
      await screenshot(page, 'pledge-sign-filled');
      const [answer] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(answer?.status()).toBe(201);
      expect(await page.textContent('h1')).toBe('Pakta Integritas Ditandatangani');
      const code = ((await page.textContent('.verification-code')) ?? '').trim();
      expect(code).toMatch(/^[A-Z0-9]{6,16}$/);
      const certificateHref = await page.getAttribute('a[href*=".pdf"]', 'href');
      const verifyHref = await page.getAttribute(`a[href$="/verify/${code}"]`, 'href');
      expect(verifyHref).toBeTruthy();
      await screenshot(page, 'pledge-sign-done');
      expect(requests.leavingLocalhost()).toEqual([]);
      expect(console).toEqual([]);

      // The pledge exists, verifies, and keeps the drawn signature.
      const listed = await t.http().get(`/api/v1/pledges?eventId=${event.id}`).set('Authorization', organizerBatu.token).expect(200);
      const pledge = listed.body.items.find((item: { personId: string }) => item.personId === person.id);
      expect(pledge).toMatchObject({ verificationCode: code, capacity: 'SELF', signatureName: 'dewi   anggraini' });
      expect(pledge.signatureImageSha256).toMatch(/^[0-9a-f]{64}$/);
      const verified = await t.http().get(`/api/v1/verify/${code}`).set('Accept', 'application/json').expect(200);
      expect(verified.body.valid).toBe(true);
      const stored = await withDatabase((db) => db.query('SELECT length(png) AS bytes FROM signature_images WHERE sha256 = $1', [pledge.signatureImageSha256]));
      expect(Number(stored.rows[0].bytes)).toBeGreaterThan(100);

      // The certificate link of the answer opens the PDF, without an account.
      const certificateUrl = new URL(certificateHref!, PUBLIC_URL);
      const certificate = await download(certificateUrl.pathname + certificateUrl.search);
      expect(certificate.status).toBe(200);
      expect((await readPdf(certificate.body)).text).toContain(person.fullName);

      // Back on the link: already signed.
      const again = await page.goto(local(signUrl));
      expect(await page.textContent('h1')).toBe('Pakta integritas sudah ditandatangani');
      expect(again?.status()).toBe(200);
      await screenshot(page, 'pledge-sign-used');
    });

    it('shows a wrong name and a missing consent next to their fields, keeping what was typed', async () => {
      const { signUrl } = await checkedIn('Drs. Yusuf Mahendra');
      const page = browser.page();
      await page.goto(local(signUrl));
      await page.fill('#field-signatureName', 'Yusuf Mahendro');
      const [answer] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(answer?.status()).toBe(400);
      expect(await page.textContent('#field-signatureName-error')).toContain('Nama tidak sesuai dengan nama yang terdaftar: Drs. Yusuf Mahendra');
      expect(await page.textContent('#field-consent-error')).toBe('Centang pernyataan ini untuk menandatangani pakta integritas.');
      expect(await page.inputValue('#field-signatureName')).toBe('Yusuf Mahendro');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      await screenshot(page, 'pledge-sign-errors');

      // Consent given, the name still wrong: refused on the name alone.
      await page.check('#field-consent');
      const [second] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(second?.status()).toBe(400);
      expect(await page.$('#field-consent-error')).toBeNull();
      expect(await page.isChecked('#field-consent')).toBe(true);
      expect(await page.textContent('#field-signatureName-error')).toContain('Nama tidak sesuai');
      const count = await withDatabase((db) => db.query('SELECT count(*)::int AS n FROM pledges p JOIN people x ON x.id = p.person_id WHERE x.full_name = $1', ['Drs. Yusuf Mahendra']));
      expect(count.rows[0].n).toBe(0);
    });

    it('says so when the link has expired, and answers an unknown link with 404', async () => {
      const { signUrl } = await checkedIn('Rina Kartika, S.E.');
      const token = signUrl.split('/').pop()!;
      await withDatabase((db) => db.query("UPDATE sign_tokens SET expires_at = now() - interval '1 minute' WHERE token = $1", [token]));
      const page = browser.page();
      const expired = await page.goto(local(signUrl));
      expect(expired?.status()).toBe(410);
      expect(await page.textContent('h1')).toBe('Tautan sudah kedaluwarsa');
      await screenshot(page, 'pledge-sign-expired');
      const unknown = await page.goto(`${baseUrl}/api/v1/sign/${'A'.repeat(32)}`);
      expect(unknown?.status()).toBe(404);
      expect(await page.textContent('h1')).toBe('Tidak ditemukan');
    });
  });
});

/** "Selasa, 29 Oktober 2024, 13.05 WIB" for an instant in Kota Batu. */
function expectedLocalTime(date: Date): string {
  const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
  const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  const local = new Date(date.getTime() + 7 * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[local.getUTCDay()]}, ${local.getUTCDate()} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()}, ${pad(local.getUTCHours())}.${pad(local.getUTCMinutes())} WIB`;
}


/** Draws a signature with the mouse: pointer down, a zigzag of moves, pointer up. */
async function drawSignature(page: Page): Promise<void> {
  const canvas = page.locator('#signature-canvas');
  // Below the clauses on a phone: scrolled into view, as a finger would.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The signature pad is not shown');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) {
    await page.mouse.move(box.x + 20 + step * ((box.width - 40) / 12), box.y + box.height / 2 + (step % 2 ? -25 : 25), { steps: 4 });
  }
  await page.mouse.up();
}
