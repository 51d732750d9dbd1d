import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { PAGE_CSP } from '../src/pages/page-response.js';
import { REPORT_SESSION_COOKIE, REPORT_VIEW_PATH } from '../src/reports/report-session.js';
import { recordConsole, recordRequests, screenshot, serve, useBrowser } from './support/browser.js';
import { createAgency, createPerson, pnsNip } from './support/directory-fixtures.js';
import { readPdf } from './support/documents.js';
import { createScheduledEvent, eventBody } from './support/event-fixtures.js';
import { createRegions, createUser, type TestUser } from './support/fixtures.js';
import { confirmInvitation, unansweredInvitation } from './support/registration-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface RollupTotals {
  agencies: number;
  headcount: number;
  reached: number;
  gaps: number;
  coveragePct: number | null;
}

interface Rollup {
  parent: { id: string } | null;
  totals: RollupTotals;
  ownAgencies: RollupTotals | null;
  regions: Array<{ region: { id: string }; totals: RollupTotals }>;
}

/** What a browser sends, so the app answers with a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PASSWORD = 'correct-horse-battery';

/**
 * The coverage report page, in Debian's chromium on a phone-sized screen: signing in through
 * its form, the report's figures against the JSON report of the same user, the downloads with
 * the page's cookie, the role limits. Screenshots are kept in test-artifacts/screenshots/.
 */
describe('coverage report page', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let baseUrl: string;
  let viewer: TestUser;
  let viewerBalikpapan: TestUser;
  let rep: TestUser;
  let checkin: TestUser;
  let organizerJatim: TestUser;
  let admin: TestUser;
  let kecamatanId: string;
  const browser = useBrowser();
  const viewUrl = () => `${baseUrl}${REPORT_VIEW_PATH}?regionId=${r.batu.id}&from=2024-10-01&to=2024-11-30`;

  beforeAll(async () => {
    // Behind a TLS proxy in production: the cookie is Secure when the request came over HTTPS.
    t = await createTestApp({ TRUST_PROXY: 'true' });
    r = await createRegions(t);
    await t
      .http()
      .put(`/api/v1/regions/${r.batu.id}/office`)
      .set('Authorization', t.adminToken)
      .send({ government: 'PEMERINTAH KOTA BATU', name: 'BADAN KESATUAN BANGSA DAN POLITIK', address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu', city: 'Batu', signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Bakesbangpol Kota Batu' } })
      .expect(200);
    const pendidikan = await createAgency(t, r.batu.id, 'Dinas Pendidikan', { headcount: { pns: 20, pppk: 0, nonAsn: 0 } });
    const kecamatan = await createAgency(t, r.batu.id, 'Kecamatan Batu', { category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 10, pppk: 0, nonAsn: 0 } });
    kecamatanId = kecamatan.id;
    await createAgency(t, r.batu.id, 'SMA Negeri 1 Batu <Unggulan>', { category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 15, pppk: 0, nonAsn: 0 } });
    await createAgency(t, r.balikpapan.id, 'Dinas Pendidikan Balikpapan', { headcount: { pns: 30, pppk: 0, nonAsn: 0 } });
    const people = await Promise.all([1, 2, 3].map((n) => createPerson(t, pendidikan.id, { fullName: `Pegawai ${n}`, nip: pnsNip(n), employmentType: 'PNS', position: 'Guru' })));
    const event = await createScheduledEvent(t, t.adminToken, eventBody(r.batu.id));
    const { registrations } = await confirmInvitation(t, event, pendidikan.id, [{ personId: people[0].id }, { personId: people[1].id, delegate: true }]);
    await t.app.get(DataSource).query(
      `INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by)
       SELECT $1, $2, reg.person_id, reg.agency_id, reg.id, '2024-10-29T06:05:00Z', 'QR', 'TICKET' FROM registrations reg WHERE reg.id = ANY($3)`,
      [r.batu.id, event.id, registrations.map((registration) => registration.id)],
    );
    await unansweredInvitation(t, event, kecamatan.id);
    await t.http().post(`/api/v1/agencies/${kecamatan.id}/cascades`).set('Authorization', t.adminToken).send({ heldOn: '2024-10-30', reached: { pns: 6, pppk: 0, nonAsn: 0 } }).expect(201);
    // The rest of Jawa Timur, for the list of regions: a regency reached by a cascade, and the province's own office not reached.
    const dinkesMalang = await createAgency(t, r.malang.id, 'Dinas Kesehatan Kabupaten Malang', { headcount: { pns: 40, pppk: 0, nonAsn: 0 } });
    await t.http().post(`/api/v1/agencies/${dinkesMalang.id}/cascades`).set('Authorization', t.adminToken).send({ heldOn: '2024-11-04', reached: { pns: 12, pppk: 0, nonAsn: 0 } }).expect(201);
    await createAgency(t, r.jatim.id, 'Dinas Pendidikan Provinsi Jawa Timur', { headcount: { pns: 50, pppk: 0, nonAsn: 0 } });
    [viewer, viewerBalikpapan, rep, checkin, organizerJatim, admin] = await Promise.all([
      createUser(t, 'VIEWER', { regionId: r.batu.id }),
      createUser(t, 'VIEWER', { regionId: r.balikpapan.id }),
      createUser(t, 'AGENCY_REP', { agencyId: kecamatan.id }),
      createUser(t, 'CHECKIN', { regionId: r.batu.id }),
      createUser(t, 'ORGANIZER', { regionId: r.jatim.id }),
      createUser(t, 'ADMIN'),
    ]);
    baseUrl = await serve(t.app);
  });
  afterAll(() => t.close());

  /** The JSON report the same user reads through the API. */
  async function jsonReport(user: TestUser, query = `regionId=${r.batu.id}&from=2024-10-01&to=2024-11-30`) {
    return (await t.http().get(`/api/v1/reports/coverage?${query}`).set('Authorization', user.token).expect(200)).body;
  }

  async function signIn(email: string, password: string, url = viewUrl()) {
    const page = browser.page();
    await page.goto(url);
    await page.fill('#field-email', email);
    await page.fill('#field-password', password);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    return { page, response };
  }

  /** The cookie the sign-in sets, as a supertest `Cookie` header. */
  async function sessionCookie(user: TestUser): Promise<string> {
    const response = await t.http().post(`${REPORT_VIEW_PATH}/session`).type('form').send({ email: user.email, password: PASSWORD }).expect(303);
    const cookie = response.headers['set-cookie'][0] as string;
    return cookie.split(';')[0];
  }

  describe('in a browser', () => {
    it('signs in through its form and shows the same figures as the JSON report, with no request leaving localhost', async () => {
      const page = browser.page();
      const requests = recordRequests(page);
      const console = recordConsole(page);
      const first = await page.goto(viewUrl());
      expect(first?.status()).toBe(200);
      expect(first?.headers()['content-security-policy']).toBe(PAGE_CSP);
      expect(await page.textContent('h1')).toBe('Laporan Cakupan Sosialisasi');
      await page.fill('#field-email', viewer.email);
      await page.fill('#field-password', PASSWORD);
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(response?.status()).toBe(200);
      // Back on the page's address, with its filters.
      expect(page.url()).toBe(viewUrl());

      const report = await jsonReport(viewer);
      expect(report.totals).toMatchObject({ agencies: 3, headcount: 45, reachedDirect: 2, reachedCascade: 6, reached: 8 });
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Kota Batu');
      expect(await page.textContent('.site-header')).toContain('PEMERINTAH KOTA BATU');
      expect(await page.textContent('.report-period')).toBe('Periode 1 Oktober 2024 s.d. 30 November 2024');
      const shown = async (name: string) => page.textContent(`[data-total="${name}"]`);
      // 8 of 45 = 17,8 %, written as Indonesian writes it.
      expect(report.totals.coveragePct).toBe(17.8);
      expect(await shown('coveragePct')).toBe('17,8%');
      expect(await shown('agencies')).toBe(String(report.totals.agencies));
      expect(await shown('reachedDirect')).toBe(String(report.totals.reachedDirect));
      expect(await shown('reachedCascade')).toBe(String(report.totals.reachedCascade));
      expect(await shown('pledged')).toBe(String(report.totals.pledged));
      expect(await shown('headcount')).toBe(String(report.totals.headcount));
      for (const stage of ['NOT_INVITED', 'NO_SHOW', 'ATTENDED', 'PLEDGED']) {
        expect(await page.textContent(`[data-stage-count="${stage}"]`)).toBe(String(report.totals.stages[stage]));
      }
      // Every agency as a bar in its stage's colour; the gaps set apart, largest first.
      const agencies = await page.$$eval('.agency', (items) => items.map((item) => [item.getAttribute('data-agency-id'), item.getAttribute('data-stage')]));
      expect(agencies).toEqual(report.agencies.map((agency: { agencyId: string; stage: string }) => [agency.agencyId, agency.stage]));
      expect(await page.$$eval('.gaps__list li', (items) => items.map((item) => item.getAttribute('data-agency-id')))).toEqual(report.gaps.map((gap: { agencyId: string }) => gap.agencyId));
      expect(await page.textContent('.gaps')).toContain('SMA Negeri 1 Batu <Unggulan>');
      // The chart by category, drawn by the server: its labels are text.
      expect(await page.textContent('.chart-figure svg title')).toBe('Cakupan sosialisasi menurut kategori instansi');
      expect(await page.textContent('.chart-figure svg')).toContain('Perangkat Daerah (OPD)');
      expect(await page.textContent('.chart-figure svg')).toContain('10% (2/20)');
      expect(await page.$eval('.chart-figure svg', (svg) => svg.getBoundingClientRect().width)).toBeGreaterThan(300);

      const cookies = await page.context().cookies();
      expect(cookies).toEqual([expect.objectContaining({ name: REPORT_SESSION_COOKIE, path: REPORT_VIEW_PATH, httpOnly: true, sameSite: 'Strict', secure: false })]);
      expect(requests.leavingLocalhost()).toEqual([]);
      expect(console).toEqual([]);
      await screenshot(page, 'coverage-report-page');
    });

    it('downloads the PDF from its link with the page\'s session', async () => {
      const { page } = await signIn(viewer.email, PASSWORD);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Unduh PDF')]);
      expect(download.suggestedFilename()).toBe('cakupan_35.79_2024-10-01_2024-11-30.pdf');
      const pdf = await readPdf(readFileSync((await download.path())!));
      expect(pdf.text).toContain('LAPORAN CAKUPAN SOSIALISASI NETRALITAS ASN');
      expect(pdf.text).toContain('Kota Batu · Periode 1 Oktober 2024 s.d. 30 November 2024');
      expect(pdf.text).toMatch(/Cakupan\s*:\s*17,8%/);
      const xlsx = await page.request.get(await page.getAttribute('text=Unduh XLSX', 'href').then((href) => `${baseUrl}${href}`));
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('shows a wrong password next to the password field, keeping the email', async () => {
      const { page, response } = await signIn(viewer.email, 'not-the-password');
      expect(response?.status()).toBe(401);
      expect(await page.textContent('#field-password-error')).toBe('Email atau kata sandi salah, atau akun tidak aktif.');
      expect(await page.getAttribute('#field-password', 'aria-invalid')).toBe('true');
      expect(await page.inputValue('#field-email')).toBe(viewer.email);
      expect(await page.inputValue('#field-password')).toBe('');
      expect(await page.context().cookies()).toEqual([]);
      await screenshot(page, 'coverage-report-page-wrong-password');
    });

    it('shows an AGENCY_REP its own agency only, and refuses door staff at the form', async () => {
      const asRep = await signIn(rep.email, PASSWORD);
      expect(asRep.response?.status()).toBe(200);
      expect(await asRep.page.$$eval('.agency', (items) => items.map((item) => item.getAttribute('data-agency-id')))).toEqual([kecamatanId]);
      expect(await asRep.page.textContent('[data-total="headcount"]')).toBe('10');

      // Signing out in the browser brings the form back, for the next person at this screen.
      const page = asRep.page;
      await Promise.all([page.waitForNavigation(), page.click('text=Keluar')]);
      expect(page.url()).toBe(`${baseUrl}${REPORT_VIEW_PATH}`);
      expect(await page.context().cookies()).toEqual([]);
      await page.fill('#field-email', checkin.email);
      await page.fill('#field-password', PASSWORD);
      const [refused] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(refused?.status()).toBe(403);
      expect(await page.textContent('#field-email-error')).toContain('Akun ini tidak dapat membuka laporan cakupan.');
      expect(await page.context().cookies()).toEqual([]);
    });
  });

  describe('for a user who reaches several regions', () => {
    const PERIOD = 'from=2024-10-01&to=2024-11-30';
    const pageUrl = (query: string) => `${baseUrl}${REPORT_VIEW_PATH}?${query}`;

    /** The JSON rollup the same user reads through the API. */
    async function jsonRollup(user: TestUser, query: string) {
      return (await t.http().get(`/api/v1/reports/coverage/regions?${query}`).set('Authorization', user.token).expect(200)).body as Rollup;
    }

    /** "17,8%": a percentage with one decimal, as Indonesian writes it. */
    const percent = (value: number | null) => (value === null ? '–' : `${String(value).replace('.', ',')}%`);
    const figuresOf = (region: string, totals: RollupTotals) => [region, percent(totals.coveragePct), String(totals.reached), String(totals.headcount), String(totals.agencies), String(totals.gaps)];

    /** Each row of the list as the page shows it: the region, then its coverage, reached, headcount, agencies and gaps. */
    function shownRows(page: Page) {
      return page.$$eval('.region', (rows) =>
        rows.map((row) => [row.getAttribute('data-region-id'), ...['coveragePct', 'reached', 'headcount', 'agencies', 'gaps'].map((name) => row.querySelector(`[data-figure="${name}"]`)?.textContent ?? null)]),
      );
    }
    const rowLinks = (page: Page) => page.$$eval('.region__name a', (links) => links.map((link) => link.getAttribute('href')));
    const navLinks = (page: Page) => page.$$eval('.report-nav a', (links) => links.map((link) => [link.textContent, link.getAttribute('href')]));

    it('shows a province organizer its province and its regencies and cities with the rollup\'s totals, and opens a city\'s report from there', async () => {
      const page = browser.page();
      const requests = recordRequests(page);
      const console = recordConsole(page);
      await page.goto(pageUrl(PERIOD));
      await page.fill('#field-email', organizerJatim.email);
      await page.fill('#field-password', PASSWORD);
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(pageUrl(PERIOD));
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Jawa Timur');
      expect(await page.textContent('.report-period')).toBe('Periode 1 Oktober 2024 s.d. 30 November 2024');

      const rollup = await jsonRollup(organizerJatim, PERIOD);
      expect(rollup.parent?.id).toBe(r.jatim.id);
      // Batu 8 of 45, Malang 12 of 40, the province's own office 0 of 50: 20 of 135.
      expect(rollup.totals).toMatchObject({ agencies: 5, headcount: 135, reached: 20, coveragePct: 14.8, gaps: 2 });
      expect(await page.textContent('[data-total="coveragePct"]')).toBe('14,8%');
      expect(await page.textContent('[data-total="agencies"]')).toBe('5');
      expect(await page.textContent('[data-total="headcount"]')).toBe('135');
      // The province's own agencies first, then its regencies and cities by code, each with the rollup's figures.
      expect(await shownRows(page)).toEqual([
        figuresOf(r.jatim.id, rollup.ownAgencies!),
        ...rollup.regions.map((child) => figuresOf(child.region.id, child.totals)),
      ]);
      expect(rollup.regions.map((child) => child.region.id)).toEqual([r.malang.id, r.batu.id]);
      expect(await page.textContent(`[data-region-id="${r.malang.id}"] [data-figure="coveragePct"]`)).toBe('30%');
      // Each name opens that region's report, keeping the period; the province's row is its own agencies' report, with the same totals.
      expect(await rowLinks(page)).toEqual([r.jatim.id, r.malang.id, r.batu.id].map((id) => `${REPORT_VIEW_PATH}?regionId=${id}&${PERIOD}`));
      expect((await jsonReport(organizerJatim, `regionId=${r.jatim.id}&${PERIOD}`)).totals).toEqual(rollup.ownAgencies);
      // A province's own list has nowhere further up to go.
      expect(await navLinks(page)).toEqual([]);
      await screenshot(page, 'coverage-region-list');

      const [opened] = await Promise.all([page.waitForNavigation(), page.click('.region__name a:text-is("Kota Batu")')]);
      expect(opened?.status()).toBe(200);
      expect(page.url()).toBe(viewUrl());
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Kota Batu');
      const report = await jsonReport(organizerJatim);
      expect(await page.textContent('[data-total="coveragePct"]')).toBe(percent(report.totals.coveragePct));
      expect(await page.$$eval('.agency', (items) => items.map((item) => item.getAttribute('data-agency-id')))).toEqual(report.agencies.map((agency: { agencyId: string }) => agency.agencyId));
      expect(await navLinks(page)).toEqual([['Kembali ke daftar wilayah', `${REPORT_VIEW_PATH}?parentId=${r.jatim.id}&${PERIOD}`]]);
      await Promise.all([page.waitForNavigation(), page.click('text=Kembali ke daftar wilayah')]);
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Jawa Timur');
      expect(await shownRows(page)).toHaveLength(3);

      // The province's own report links to its regencies and cities.
      await page.goto(pageUrl(`regionId=${r.jatim.id}&${PERIOD}`));
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Jawa Timur');
      expect(await page.textContent('.agency-list')).toContain('Dinas Pendidikan Provinsi Jawa Timur');
      expect(await navLinks(page)).toEqual([['Kabupaten dan kota di Jawa Timur', `${REPORT_VIEW_PATH}?parentId=${r.jatim.id}&${PERIOD}`]]);

      expect(requests.leavingLocalhost()).toEqual([]);
      expect(console).toEqual([]);
    });

    it('shows ADMIN the provinces, each opening its own list, and links back to them', async () => {
      const { page, response } = await signIn(admin.email, PASSWORD, `${baseUrl}${REPORT_VIEW_PATH}`);
      expect(response?.status()).toBe(200);
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Seluruh Indonesia');
      expect(await page.textContent('.site-header')).toBe('Netralitas');
      const rollup = await jsonRollup(admin, '');
      expect(rollup.parent).toBeNull();
      expect(rollup.regions.map((entry) => entry.region.id)).toEqual([r.jatim.id, r.kaltim.id]);
      expect(await shownRows(page)).toEqual(rollup.regions.map((entry) => figuresOf(entry.region.id, entry.totals)));
      expect(await page.textContent('[data-total="headcount"]')).toBe(String(rollup.totals.headcount));
      // A province's figures cover its regencies and cities too: its name opens its own list, where they are broken down.
      expect(await page.$$eval('.region__note', (notes) => notes.map((note) => note.textContent))).toEqual(['Instansi provinsi dan kabupaten/kotanya', 'Instansi provinsi dan kabupaten/kotanya']);
      expect(await rowLinks(page)).toEqual([r.jatim.id, r.kaltim.id].map((id) => `${REPORT_VIEW_PATH}?parentId=${id}`));
      await screenshot(page, 'coverage-region-list-admin');

      await Promise.all([page.waitForNavigation(), page.click('.region__name a:text-is("Kalimantan Timur")')]);
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Kalimantan Timur');
      const kaltim = await jsonRollup(admin, `parentId=${r.kaltim.id}`);
      expect(await shownRows(page)).toEqual([figuresOf(r.kaltim.id, kaltim.ownAgencies!), figuresOf(r.balikpapan.id, kaltim.regions[0].totals)]);
      expect(await navLinks(page)).toEqual([['Semua provinsi', REPORT_VIEW_PATH]]);

      await Promise.all([page.waitForNavigation(), page.click('.region__name a:text-is("Kota Balikpapan")')]);
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Kota Balikpapan');
      expect(await navLinks(page)).toEqual([
        ['Kembali ke daftar wilayah', `${REPORT_VIEW_PATH}?parentId=${r.kaltim.id}`],
        ['Semua provinsi', REPORT_VIEW_PATH],
      ]);
      await screenshot(page, 'coverage-report-page-admin');
      await Promise.all([page.waitForNavigation(), page.click('text=Semua provinsi')]);
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Seluruh Indonesia');
    });

    it('takes a city VIEWER straight to its report, with no list and no links to one', async () => {
      const { page, response } = await signIn(viewer.email, PASSWORD, pageUrl(PERIOD));
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(pageUrl(PERIOD));
      expect(await page.textContent('h1')).toBe('Cakupan Sosialisasi Netralitas ASN Kota Batu');
      expect(await page.textContent('[data-total="coveragePct"]')).toBe('17,8%');
      expect(await page.$$('.region-list, .report-nav')).toEqual([]);
      await screenshot(page, 'coverage-report-page-city-viewer');
    });

    it('lists regions to a signed-in session only: without one the sign-in form, which comes back to the same list', async () => {
      const list = `${REPORT_VIEW_PATH}?parentId=${r.jatim.id}&${PERIOD}`;
      const form = await t.http().get(list).set('Accept', BROWSER_ACCEPT).expect(200);
      expect(form.text).toContain('id="field-password"');
      expect(form.text).not.toContain('Kabupaten Malang');
      expect(form.text).toContain(`action="${REPORT_VIEW_PATH}/session?parentId=${r.jatim.id}&amp;${PERIOD.replace('&', '&amp;')}"`);
      const signedIn = await t.http().post(`${REPORT_VIEW_PATH}/session?parentId=${r.jatim.id}&${PERIOD}`).type('form').send({ email: organizerJatim.email, password: PASSWORD }).expect(303);
      expect(signedIn.headers.location).toBe(list);
      const cookie = (signedIn.headers['set-cookie'][0] as string).split(';')[0];
      const shown = await t.http().get(list).set('Accept', BROWSER_ACCEPT).set('Cookie', cookie).expect(200);
      expect(shown.text).toContain('Kabupaten Malang');
      // A bearer token opens no list.
      const bearer = await t.http().get(list).set('Accept', BROWSER_ACCEPT).set('Authorization', organizerJatim.token).expect(200);
      expect(bearer.text).toContain('id="field-password"');
    });

    it('answers 404 for a region or a list out of reach, 403 for an AGENCY_REP\'s list, and 400 for a report and a list at once', async () => {
      const province = await sessionCookie(organizerJatim);
      const get = (query: string, cookie: string) => t.http().get(`${REPORT_VIEW_PATH}?${query}`).set('Accept', BROWSER_ACCEPT).set('Cookie', cookie);
      await get(`regionId=${r.balikpapan.id}`, province).expect(404);
      const outside = await get(`parentId=${r.kaltim.id}`, province).expect(404);
      expect(outside.text).not.toContain('Balikpapan');
      await get(`parentId=${r.batu.id}`, province).expect(200);
      const both = await get(`regionId=${r.batu.id}&parentId=${r.jatim.id}`, province).expect(400);
      expect(both.headers['content-type']).toBe('text/html; charset=utf-8');
      const problem = await t.http().get(`${REPORT_VIEW_PATH}?regionId=${r.batu.id}&parentId=${r.jatim.id}`).set('Cookie', province).expect(400);
      expect(problem.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);

      const city = await sessionCookie(viewer);
      await get(`parentId=${r.jatim.id}`, city).expect(404);
      // An agency's contact reads its own agency's row, never a region's totals; without parentId, its report.
      const agency = await sessionCookie(rep);
      const refused = await get(`parentId=${r.batu.id}`, agency).expect(403);
      expect(refused.text).not.toContain('Dinas Pendidikan');
      const own = await get('', agency).expect(200);
      expect(own.text).toContain('Kecamatan Batu');
      expect(own.text).not.toContain('class="region-list"');
    });
  });

  describe('over HTTP', () => {
    it('sets a cookie that is HttpOnly, SameSite=Strict, path-limited, short-lived, and Secure over HTTPS', async () => {
      const response = await t
        .http()
        .post(`${REPORT_VIEW_PATH}/session?regionId=${r.batu.id}&from=2024-10-01`)
        .set('X-Forwarded-Proto', 'https')
        .type('form')
        .send({ email: viewer.email, password: PASSWORD })
        .expect(303);
      expect(response.headers.location).toBe(`${REPORT_VIEW_PATH}?regionId=${r.batu.id}&from=2024-10-01`);
      expect(response.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^${REPORT_SESSION_COOKIE}=[\\w-]+\\.[\\w-]+\\.[\\w-]+; Max-Age=1800; Path=/api/v1/reports/coverage/view; HttpOnly; Secure; SameSite=Strict$`))]);
    });

    it('never takes the page\'s token as a bearer token, nor an API token as the page\'s cookie', async () => {
      const cookie = await sessionCookie(viewer);
      const token = cookie.slice(REPORT_SESSION_COOKIE.length + 1);
      const asBearer = await t.http().get(`/api/v1/reports/coverage?regionId=${r.batu.id}`).set('Authorization', `Bearer ${token}`).expect(401);
      expect(asBearer.headers['content-type']).toMatch(/^application\/problem\+json/);
      await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      // An access token in the cookie opens nothing: the sign-in form again.
      const apiToken = viewer.token.slice('Bearer '.length);
      const page = await t.http().get(`${REPORT_VIEW_PATH}?regionId=${r.batu.id}`).set('Accept', BROWSER_ACCEPT).set('Cookie', `${REPORT_SESSION_COOKIE}=${apiToken}`).expect(200);
      expect(page.text).toContain('id="field-password"');
      await t.http().get(`${REPORT_VIEW_PATH}/download?regionId=${r.batu.id}&format=csv`).set('Cookie', `${REPORT_SESSION_COOKIE}=${apiToken}`).expect(401);
      // And the bearer token on the page routes: they read the cookie only.
      await t.http().get(`${REPORT_VIEW_PATH}/download?regionId=${r.batu.id}&format=csv`).set('Authorization', viewer.token).expect(401);
    });

    it('downloads with the cookie the same report as the API, and nothing without it', async () => {
      const cookie = await sessionCookie(viewer);
      const viaPage = await t.http().get(`${REPORT_VIEW_PATH}/download?regionId=${r.batu.id}&from=2024-10-01&to=2024-11-30&format=json`).set('Cookie', cookie).expect(200);
      expect(viaPage.body).toEqual(await jsonReport(viewer));
      const csv = await t.http().get(`${REPORT_VIEW_PATH}/download?regionId=${r.batu.id}&format=csv`).set('Cookie', cookie).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const none = await t.http().get(`${REPORT_VIEW_PATH}/download?regionId=${r.batu.id}&format=pdf`).expect(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('keeps a VIEWER to its region (404), and stops at once when the user is deactivated', async () => {
      const cookie = await sessionCookie(viewerBalikpapan);
      await t.http().get(`${REPORT_VIEW_PATH}?regionId=${r.batu.id}`).set('Accept', BROWSER_ACCEPT).set('Cookie', cookie).expect(404);
      await t.http().get(`${REPORT_VIEW_PATH}/download?regionId=${r.batu.id}&format=json`).set('Cookie', cookie).expect(404);
      const own = await t.http().get(`${REPORT_VIEW_PATH}?regionId=${r.balikpapan.id}`).set('Accept', BROWSER_ACCEPT).set('Cookie', cookie).expect(200);
      expect(own.text).toContain('Dinas Pendidikan Balikpapan');
      expect(own.text).not.toContain('Kecamatan Batu');

      await t.http().patch(`/api/v1/users/${viewerBalikpapan.id}`).set('Authorization', t.adminToken).send({ active: false }).expect(200);
      const after = await t.http().get(`${REPORT_VIEW_PATH}?regionId=${r.balikpapan.id}`).set('Accept', BROWSER_ACCEPT).set('Cookie', cookie).expect(200);
      expect(after.text).toContain('id="field-password"');
      expect(after.text).not.toContain('Dinas Pendidikan Balikpapan');
    });

    it('answers format=pdf on the JSON API too (bearer), an AGENCY_REP\'s with its own agency only', async () => {
      const pdf = await fetch(`${baseUrl}/api/v1/reports/coverage?regionId=${r.batu.id}&from=2024-10-01&to=2024-11-30&format=pdf`, { headers: { authorization: viewer.token } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toBe('attachment; filename=cakupan_35.79_2024-10-01_2024-11-30.pdf');
      const text = (await readPdf(Buffer.from(await pdf.arrayBuffer()))).text;
      for (const name of ['Dinas Pendidikan', 'Kecamatan Batu', 'SMA Negeri 1 Batu <Unggulan>']) expect(text).toContain(name);
      const own = await fetch(`${baseUrl}/api/v1/reports/coverage?format=pdf`, { headers: { authorization: rep.token } });
      expect(own.status).toBe(200);
      const ownText = (await readPdf(Buffer.from(await own.arrayBuffer()))).text;
      expect(ownText).toContain('Kecamatan Batu');
      expect(ownText).not.toContain('Dinas Pendidikan');
      await t.http().get(`/api/v1/reports/coverage?regionId=${r.batu.id}&format=pdf`).set('Authorization', checkin.token).expect(403);
    });

    it('signs out by clearing the cookie', async () => {
      const response = await t.http().post(`${REPORT_VIEW_PATH}/sign-out`).expect(303);
      expect(response.headers.location).toBe(REPORT_VIEW_PATH);
      expect(response.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^${REPORT_SESSION_COOKIE}=; Max-Age=0; Path=/api/v1/reports/coverage/view; HttpOnly; SameSite=Strict$`))]);
    });

    it('names the field of a bad filter or a bad form, as a page', async () => {
      const bad = await t.http().get(`${REPORT_VIEW_PATH}?regionId=nope`).set('Accept', BROWSER_ACCEPT).expect(400);
      expect(bad.headers['content-type']).toBe('text/html; charset=utf-8');
      const form = await t.http().post(`${REPORT_VIEW_PATH}/session`).set('Accept', BROWSER_ACCEPT).type('form').send({ email: 'bukan email' }).expect(400);
      expect(form.text).toContain('id="field-email-error"');
      expect(form.text).toContain('id="field-password-error"');
      await t.http().post(`${REPORT_VIEW_PATH}/session`).set('Accept', BROWSER_ACCEPT).type('form').send({ email: viewer.email, password: PASSWORD, role: 'ADMIN' }).expect(400);
    });
  });
});
