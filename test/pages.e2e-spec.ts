import { PAGE_CSP } from '../src/pages/page-response.js';
import { recordConsole, recordRequests, screenshot, serve, useBrowser } from './support/browser.js';
import { createRegions } from './support/fixtures.js';
import { SamplePagesModule } from './support/sample-pages.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** What a browser sends, so the app answers with a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * The foundation of the pages for people, through a test-only page built like the feature
 * pages (test/support/sample-pages.ts), in Debian's chromium on a phone-sized screen.
 * Screenshots are kept in test-artifacts/screenshots/.
 */
describe('pages for people', () => {
  let t: TestApp;
  let baseUrl: string;
  let formPath: string;
  const browser = useBrowser();

  beforeAll(async () => {
    t = await createTestApp({}, { imports: [SamplePagesModule] });
    const r = await createRegions(t);
    await t
      .http()
      .put(`/api/v1/regions/${r.batu.id}/office`)
      .set('Authorization', t.adminToken)
      .send({ government: 'PEMERINTAH KOTA BATU', name: 'BADAN KESATUAN BANGSA DAN POLITIK', address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu', city: 'Batu', signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Bakesbangpol Kota Batu' } })
      .expect(200);
    formPath = `/api/v1/test-pages/form/${r.batu.id}`;
    baseUrl = await serve(t.app);
  });
  afterAll(() => t.close());

  describe('in a browser', () => {
    it('shows a page in Bahasa Indonesia, styled and scripted by the app itself, with no request leaving localhost', async () => {
      const page = browser.page();
      const requests = recordRequests(page);
      const console = recordConsole(page);
      const response = await page.goto(`${baseUrl}${formPath}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
      await page.waitForLoadState('load');

      expect(await page.getAttribute('html', 'lang')).toBe('id');
      expect(await page.title()).toBe('Konfirmasi Kehadiran · Netralitas');
      expect(await page.textContent('h1')).toBe('Konfirmasi Kehadiran');
      expect(await page.textContent('.site-header')).toContain('PEMERINTAH KOTA BATU');
      expect(await page.textContent('label[for="field-fullName"]')).toBe('Nama lengkap');
      // The stylesheet applied (the letterhead red of the top bar) and the script ran.
      expect(await page.$eval('.site-header', (element) => getComputedStyle(element).backgroundColor)).toBe('rgb(140, 29, 24)');
      expect(await page.getAttribute('html', 'class')).toBe('js');

      expect(requests.leavingLocalhost()).toEqual([]);
      expect(requests.urls.map((url) => new URL(url).pathname)).toEqual(
        expect.arrayContaining([formPath, expect.stringMatching(/^\/api\/v1\/assets\/pages\.[0-9a-f]{10}\.css$/), expect.stringMatching(/^\/api\/v1\/assets\/pages\.[0-9a-f]{10}\.js$/)]),
      );
      // A Content-Security-Policy violation would be reported on the console.
      expect(console).toEqual([]);
      await screenshot(page, 'sample-form');
    });

    it('shows each mistake next to its field, in Bahasa Indonesia, keeping what was typed', async () => {
      const page = browser.page();
      await page.goto(`${baseUrl}${formPath}`);
      await page.fill('#field-fullName', 'Al');
      await page.fill('#field-phone', 'telepon kantor');
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(response?.status()).toBe(400);

      expect(await page.textContent('#field-fullName-error')).toBe('Tulis nama lengkap Anda, paling sedikit 3 huruf.');
      expect(await page.textContent('#field-phone-error')).toBe('Tulis nomor HP yang dapat dihubungi, misalnya 0812-3456-7890.');
      expect(await page.getAttribute('#field-fullName', 'aria-describedby')).toBe('field-fullName-hint field-fullName-error');
      expect(await page.getAttribute('#field-phone', 'aria-invalid')).toBe('true');
      expect(await page.inputValue('#field-fullName')).toBe('Al');
      expect(await page.inputValue('#field-phone')).toBe('telepon kantor');
      // The summary lists both and takes the focus (pages.js), so a phone scrolls to it.
      expect(await page.$$eval('.error-summary li', (items) => items.map((item) => item.textContent))).toEqual([
        'Nama lengkap: Tulis nama lengkap Anda, paling sedikit 3 huruf.',
        'Nomor HP: Tulis nomor HP yang dapat dihubungi, misalnya 0812-3456-7890.',
      ]);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      await screenshot(page, 'sample-form-errors');
    });

    it('shows what people type as text, never as markup', async () => {
      const page = browser.page();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${baseUrl}${formPath}`);
      const typed = '<img src=x onerror=alert(1)>"><script>alert(2)</script>';
      await page.fill('#field-fullName', typed);
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(await page.textContent('.notice strong')).toBe(typed);
      expect(await page.$$('main img, main script')).toEqual([]);
      expect(dialogs).toEqual([]);
      await screenshot(page, 'sample-form-sent');
    });

    it('shows an error page in Bahasa Indonesia for an unknown link', async () => {
      const page = browser.page();
      const response = await page.goto(`${baseUrl}/api/v1/test-pages/items/TIDAK-ADA`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.textContent('h1')).toBe('Tidak ditemukan');
      expect(await page.textContent('main')).toContain('Tautan ini tidak dikenal atau sudah tidak berlaku.');
      await screenshot(page, 'sample-not-found');
    });
  });

  describe('over HTTP', () => {
    const item = '/api/v1/test-pages/items/ABC-123';

    it('answers the same path with a page for browsers and JSON for programs', async () => {
      const asPage = await t.http().get(item).set('Accept', BROWSER_ACCEPT).expect(200);
      expect(asPage.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store', vary: 'Accept' });
      // Escaped, not interpreted: the title carries angle brackets.
      expect(asPage.text).toContain('<h1>Sosialisasi Netralitas ASN &lt;Pilkada 2024&gt;</h1>');
      for (const accept of ['application/json', '*/*', undefined]) {
        const request = t.http().get(item);
        const asJson = await (accept ? request.set('Accept', accept) : request).expect(200);
        expect(asJson.headers['content-type']).toMatch(/^application\/json/);
        expect(asJson.headers.vary).toBe('Accept');
        expect(asJson.body).toEqual({ code: 'ABC-123', title: 'Sosialisasi Netralitas ASN <Pilkada 2024>' });
      }
    });

    it('keeps problem+json for programs on page routes', async () => {
      const missing = await t.http().get('/api/v1/test-pages/items/TIDAK-ADA').set('Accept', 'application/json').expect(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({ status: 404, detail: 'Item TIDAK-ADA was not found' });
      const invalid = await t.http().post(formPath).send({ fullName: 'Al' }).expect(400);
      expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(invalid.body.errors).toEqual([{ field: 'fullName', message: 'fullName must be a text of 3 to 100 characters' }]);
      const sent = await t.http().post(formPath).send({ fullName: 'Dewi Anggraini, S.Sos.' }).expect(200);
      expect(sent.body).toEqual({ fullName: 'Dewi Anggraini, S.Sos.', phone: null });
    });

    it('takes the form as the browser posts it (urlencoded)', async () => {
      const response = await t.http().post(formPath).set('Accept', BROWSER_ACCEPT).type('form').send({ fullName: 'Dewi Anggraini, S.Sos.', phone: '0812-3456-7890' }).expect(200);
      expect(response.text).toContain('Konfirmasi atas nama <strong>Dewi Anggraini, S.Sos.</strong> sudah kami terima.');
    });

    it('serves the assets under their hashed names for a year, and revalidates the plain names', async () => {
      const page = await t.http().get(formPath).set('Accept', BROWSER_ACCEPT).expect(200);
      const cssPath = /href="(\/api\/v1\/assets\/pages\.[0-9a-f]{10}\.css)"/.exec(page.text)?.[1];
      const css = await t.http().get(cssPath ?? 'missing').expect(200);
      expect(css.headers).toMatchObject({ 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
      expect(css.text).toContain('.error-summary');
      const plain = await t.http().get('/api/v1/assets/pages.css').expect(200);
      expect(plain.headers['cache-control']).toBe('public, no-cache');
      await t.http().get('/api/v1/assets/pages.css').set('If-None-Match', plain.headers.etag).expect(304);
      await t.http().get('/api/v1/assets/pages.0000000000.css').expect(404);
      await t.http().get('/api/v1/assets/..%2Fpackage.json').expect(404);
    });
  });
});
