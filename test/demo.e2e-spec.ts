import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { createDataSource } from '../src/database/data-source.js';
import { DEMO_PASSWORD, demoData } from '../src/demo/demo-data.js';
import { loadDemoData } from '../src/demo/demo-loader.js';
import { readPdf, renderPdfPage, asBytes } from './support/documents.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const TABLES = ['regions', 'region_offices', 'elections', 'agencies', 'people', 'users', 'speakers', 'events', 'event_speakers', 'invitations', 'registrations', 'check_ins', 'check_in_conflicts', 'cascades'];

const invitations = demoData.events.flatMap((e) => e.invitations);
/** Confirmed attendees and walk-ins hold a seat each. */
/** Who signs the pakta: everyone checked in but the officers of vertical offices (EXTERNAL, not ASN). */
const officers = new Set(demoData.people.filter((p) => p.employmentType === 'EXTERNAL').map((p) => `${p.regionCode} ${p.agencyName} ${p.fullName}`));
const signers = demoData.events.reduce((n, e) => n + e.checkIns.filter((c) => !officers.has(`${e.regionCode} ${c.agencyName} ${c.fullName}`)).length, 0);
const seats = (e: (typeof demoData.events)[number]) => e.invitations.filter((i) => i.status === 'CONFIRMED').reduce((n, i) => n + i.attendees.length, 0) + e.checkIns.filter((c) => c.walkIn).length;

describe('demo data set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const counts: Record<string, number> = {};
      for (const table of TABLES) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      return counts;
    } finally {
      await client.end();
    }
  }

  it('loads every record, and loading it again duplicates nothing', async () => {
    const dataSource = createDataSource(t.databaseUrl);
    await dataSource.initialize();
    try {
      const first = await loadDemoData(dataSource, demoData);
      expect(first).toEqual({
        regions: demoData.provinces.length + demoData.regions.length,
        offices: demoData.offices.length,
        elections: demoData.elections.length,
        agencies: demoData.agencies.length,
        people: demoData.people.length,
        users: demoData.users.length,
        speakers: demoData.speakers.length,
        events: demoData.events.length,
        invitations: invitations.length,
        registrations: demoData.events.reduce((n, e) => n + seats(e), 0),
        checkIns: demoData.events.reduce((n, e) => n + e.checkIns.length, 0),
        // Everyone checked in signed the pakta but the officers of vertical offices.
        pledges: signers,
        cascades: demoData.cascades.length,
      });
      const before = await rowCounts();
      expect(before.event_speakers).toBe(demoData.events.reduce((n, e) => n + e.speakers.length, 0));
      expect(before.check_in_conflicts).toBe(0);
      const second = await loadDemoData(dataSource, demoData);
      expect(second).toEqual(first);
      expect(await rowCounts()).toEqual(before);
      // The seat counters agree with the registrations, as if every answer had come through the API.
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        const mismatched = await client.query(
          `SELECT count(*)::int AS n FROM invitations i
            WHERE i.attendees <> (SELECT count(*) FROM registrations g WHERE g.invitation_id = i.id)
               OR (SELECT registered FROM events e WHERE e.id = i.event_id) <> (SELECT count(*) FROM registrations g WHERE g.event_id = i.event_id)`,
        );
        expect(mismatched.rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await dataSource.destroy();
    }
  });

  it('leaves every demo region with a pledge chain that verifies, each pledge verifiable by its code', async () => {
    const regions = await t.http().get('/api/v1/regions?limit=200').set('Authorization', t.adminToken).expect(200);
    let pledges = 0;
    for (const region of regions.body.items as Array<{ id: string }>) {
      const chain = await t.http().get(`/api/v1/regions/${region.id}/pledge-chain/verify`).set('Authorization', t.adminToken).expect(200);
      expect(chain.body).toEqual({ valid: true, count: expect.any(Number) });
      pledges += chain.body.count;
    }
    expect(pledges).toBe(signers);
    const listed = await t.http().get('/api/v1/pledges?limit=1').set('Authorization', t.adminToken).expect(200);
    const verified = await t.http().get(`/api/v1/verify/${listed.body.items[0].verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({ valid: true, template: { title: demoData.pledgeTemplates[0].title, clauses: demoData.pledgeTemplates[0].clauses } });
  });

  it('links each cascade to its source event, and the coverage report of Kota Batu shows the stages', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const unlinked = await client.query('SELECT count(*)::int AS n FROM cascades WHERE source_event_id IS NULL');
      expect(unlinked.rows[0].n).toBe(demoData.cascades.filter((c) => !c.sourceEvent).length);
    } finally {
      await client.end();
    }
    const viewer = await t.login('viewer.batu@demo.netralitas.id', DEMO_PASSWORD);
    const report = await t.http().get('/api/v1/reports/coverage').set('Authorization', viewer).expect(200);
    const dindik = report.body.agencies.find((a: { name: string }) => a.name === 'Dinas Pendidikan Kota Batu');
    expect(dindik.reachedCascade).toBe(418 + 263 + 91);
    // Never invited, invited and stayed away, came, came and signed.
    for (const stage of ['NOT_INVITED', 'NO_SHOW', 'ATTENDED', 'PLEDGED']) expect(report.body.totals.stages[stage]).toBeGreaterThan(0);
    expect(report.body.gaps.length).toBeGreaterThan(0);
  });

  it('gives working logins bound as documented, with local times per region', async () => {
    const organizer = await t.login('organizer.balikpapan@demo.netralitas.id', DEMO_PASSWORD);
    const regions = await t.http().get('/api/v1/regions').set('Authorization', organizer).expect(200);
    expect(regions.body.items.map((r: { code: string }) => r.code)).toEqual(['64.71']);
    const events = await t.http().get('/api/v1/events').set('Authorization', organizer).expect(200);
    const maxone = events.body.items.find((e: { venueName: string }) => /Maxone/i.test(e.venueName));
    expect(maxone).toMatchObject({ timezone: 'Asia/Makassar', status: 'COMPLETED' });
    expect(maxone.startsAtLocal).toMatch(/^2023-10-20T\d\d:\d\d:00\+08:00$/);
    const province = await t.login('organizer.jatim@demo.netralitas.id', DEMO_PASSWORD);
    const jatim = await t.http().get('/api/v1/regions').set('Authorization', province).expect(200);
    expect(jatim.body.items.map((r: { code: string }) => r.code)).toEqual(['35', '35.07', '35.75', '35.79']);
  });

  it('holds the stories’ answers: Kapolres represented, Dandim represented by the Pabung, a rep who sees its own invitation', async () => {
    const organizer = await t.login('organizer.batu@demo.netralitas.id', DEMO_PASSWORD);
    const events = await t.http().get('/api/v1/events?q=Anti%20Radikalisme').set('Authorization', organizer).expect(200);
    const gor = events.body.items.find((e: { venueName: string }) => e.venueName === 'GOR Gajah Mada');
    const invitations = await t.http().get(`/api/v1/events/${gor.id}/invitations?limit=100`).set('Authorization', organizer).expect(200);
    const batu = demoData.events.find((e) => e.venueName === 'GOR Gajah Mada')!;
    const byStatus = (status: string) => batu.invitations.filter((i) => i.status === status).length;
    expect(invitations.body.counts).toEqual({ PENDING: byStatus('PENDING'), CONFIRMED: byStatus('CONFIRMED'), DECLINED: byStatus('DECLINED') });
    expect(gor.registered).toBe(seats(batu));

    const attendeesOf = async (agency: string) => {
      const invitation = invitations.body.items.find((i: { agencyName: string }) => i.agencyName.startsWith(agency));
      const detail = await t.http().get(`/api/v1/invitations/${invitation.id}`).set('Authorization', organizer).expect(200);
      return detail.body;
    };
    const polres = await attendeesOf('Polres');
    expect(polres).toMatchObject({ addresseeTitle: 'Kapolres Batu', status: 'CONFIRMED' });
    expect(polres.attendees).toEqual([expect.objectContaining({ delegate: true, person: expect.objectContaining({ fullName: 'Dwi Cahyono, S.H., M.H.' }), ticketCode: expect.stringMatching(/^[0-9A-Z]{10}$/) })]);
    const kodim = await attendeesOf('Kodim');
    expect(kodim.attendees).toEqual([expect.objectContaining({ delegate: true, person: expect.objectContaining({ fullName: 'Suharyanto' }) })]);
    const satpol = await attendeesOf('Satuan Polisi');
    expect(satpol).toMatchObject({ status: 'DECLINED', reason: expect.stringContaining('kampanye'), attendees: [] });

    const rep = await t.login('rep.dindik.batu@demo.netralitas.id', DEMO_PASSWORD);
    const own = await t.http().get(`/api/v1/events/${gor.id}/invitations`).set('Authorization', rep).expect(200);
    expect(own.body.items.map((i: { agencyName: string }) => i.agencyName)).toEqual(['Dinas Pendidikan Kota Batu']);
    expect(own.body.items[0].rsvpUrl).toMatch(/\/api\/v1\/rsvp\/[A-Za-z0-9_-]{43}$/);
  });

  it('gives each story its attendance: seats counted, delegates, walk-ins, and the invited agencies that did not come', async () => {
    const batu = demoData.events.find((e) => e.regionCode === '35.79' && e.status === 'COMPLETED')!;
    const door = await t.login('checkin.batu@demo.netralitas.id', DEMO_PASSWORD);
    const events = await t.http().get('/api/v1/events?q=Anti%20Radikalisme').set('Authorization', door).expect(200);
    const event = events.body.items.find((e: { title: string; startsAtLocal: string }) => e.title === batu.title && e.startsAtLocal.startsWith('2024-10-29'));
    expect(event.registered).toBe(seats(batu));

    const counts = await t.http().get(`/api/v1/events/${event.id}/counts`).set('Authorization', door).expect(200);
    const walkIns = batu.checkIns.filter((c) => c.walkIn);
    const came = new Set(batu.checkIns.map((c) => `${c.agencyName}|${c.fullName}`));
    const delegates = batu.invitations.flatMap((i) => i.attendees.filter((a) => a.delegate && came.has(`${i.agencyName}|${a.fullName}`)));
    expect(counts.body).toMatchObject({ capacity: 500, registered: seats(batu), checkedIn: batu.checkIns.length, walkIns: walkIns.length, delegates: delegates.length, conflicts: 0 });
    // A hall near its capacity of 500, with delegates, walk-ins and people who confirmed but did not come.
    expect(counts.body.registered).toBeGreaterThanOrEqual(480);
    expect(counts.body.registered).toBeLessThanOrEqual(500);
    expect(counts.body.checkedIn).toBeGreaterThanOrEqual(450);
    expect(counts.body.registered - counts.body.checkedIn).toBeGreaterThanOrEqual(20);
    expect(walkIns.length).toBeGreaterThanOrEqual(10);
    expect(delegates.length).toBeGreaterThanOrEqual(12);
    const byAgency = new Map(counts.body.byAgency.map((a: { name: string; checkedIn: number }) => [a.name, a.checkedIn]));
    expect(byAgency.get('Dinas Pendidikan Kota Batu')).toBeGreaterThan(150);

    const sheet = await t.http().get(`/api/v1/events/${event.id}/attendance`).set('Authorization', door).expect(200);
    const rows = sheet.body.agencies.flatMap((g: { rows: Array<{ fullName: string; remark: string; time: string }> }) => g.rows);
    expect(rows).toHaveLength(batu.checkIns.length);
    expect(rows.find((row: { fullName: string }) => row.fullName === 'Mega Lestari, S.Par.')).toMatchObject({ remark: 'tanpa undangan', time: '13.12 WIB' });
    expect(rows.find((row: { fullName: string }) => row.fullName === 'Dwi Cahyono, S.H., M.H.')).toMatchObject({ remark: 'diwakilkan', time: '12.55 WIB' });
    expect(rows.find((row: { fullName: string }) => row.fullName === 'Drs. Heru Wahyudi, M.Si.')).toMatchObject({ remark: 'hadir' });
    // Declined, unanswered, or confirmed with nobody coming; Disparta's walk-in counts as present.
    const absent = sheet.body.absentAgencies.map((a: { agencyName: string; invitationStatus: string }) => [a.agencyName, a.invitationStatus]);
    expect(absent).toEqual(expect.arrayContaining([expect.arrayContaining(['DECLINED']), expect.arrayContaining(['PENDING']), expect.arrayContaining(['CONFIRMED'])]));
    expect(absent).toHaveLength(batu.invitations.filter((i) => !batu.checkIns.some((c) => c.agencyName === i.agencyName)).length);

    // The printed daftar hadir of the full hall, kept as test-artifacts/documents/daftar-hadir-demo-batu-p1.png.
    const pdf = await t
      .http()
      .get(`/api/v1/events/${event.id}/attendance?format=pdf`)
      .set('Authorization', door)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const printed = await readPdf(pdf.body as Buffer);
    expect(printed.pages.length).toBeGreaterThan(15);
    expect(printed.pages[0].text).toContain('BADAN KESATUAN BANGSA DAN POLITIK');
    expect(printed.text).toContain(`Jumlah hadir: ${batu.checkIns.length} orang`);
    await renderPdfPage(pdf.body as Buffer, 1, 'daftar-hadir-demo-batu');

    // The offline scans of the story sent again change nothing.
    const synced = batu.checkIns.filter((c) => c.clientCheckinId);
    const registrations: Array<{ fullName: string; agencyName: string; personId: string }> = [];
    for (let offset = 0; offset < seats(batu); offset += 200) {
      registrations.push(...(await t.http().get(`/api/v1/events/${event.id}/registrations?limit=200&offset=${offset}`).set('Authorization', door).expect(200)).body.items);
    }
    expect(registrations).toHaveLength(seats(batu));
    expect(synced.length).toBeGreaterThan(5);
    const items = synced.map((c) => ({
      clientCheckinId: c.clientCheckinId,
      checkedInAt: c.checkedInAt,
      deviceId: c.deviceId,
      personId: registrations.find((r) => r.fullName === c.fullName && r.agencyName === c.agencyName)!.personId,
    }));
    const replay = await t.http().post(`/api/v1/events/${event.id}/check-ins/batch`).set('Authorization', door).send({ items }).expect(200);
    expect(replay.body.results.map((r: { status: string }) => r.status)).toEqual(synced.map(() => 'duplicate'));
  });

  it('sets the office of each story\'s region, which its people read and a valid PUT accepts unchanged', async () => {
    const organizer = await t.login('organizer.balikpapan@demo.netralitas.id', DEMO_PASSWORD);
    const [balikpapan] = (await t.http().get('/api/v1/regions').set('Authorization', organizer).expect(200)).body.items;
    const office = await t.http().get(`/api/v1/regions/${balikpapan.id}/office`).set('Authorization', organizer).expect(200);
    expect(office.body).toMatchObject({ set: true, government: 'PEMERINTAH KOTA BALIKPAPAN', city: 'Balikpapan', signatory: { name: 'Sutadi', nip: '196706171992031005' } });
    // The demo data passes the API's own validation.
    for (const demo of demoData.offices) {
      const { regionCode: _code, ...body } = demo;
      const region = (await t.http().get(`/api/v1/regions?q=${encodeURIComponent(demo.regionCode)}`).set('Authorization', t.adminToken).expect(200)).body.items[0];
      const put = await t.http().put(`/api/v1/regions/${region.id}/office`).set('Authorization', t.adminToken).send(body);
      expect([put.status, put.body.errors]).toEqual([200, undefined]);
      expect(put.body).toMatchObject(body);
    }
  });

  it('refuses to run under NODE_ENV=production, from npm run demo or from any code that imports it', async () => {
    const node = (args: string[]) =>
      promisify(execFile)(process.execPath, args, { env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: t.databaseUrl, JWT_SECRET: 'x'.repeat(40) } }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
    for (const args of [
      ['dist/demo/cli.js'],
      ['--input-type=module', '-e', "await import('./dist/demo/demo-loader.js')"],
      ['--input-type=module', '-e', "await import('./dist/demo/demo-data.js')"],
    ]) {
      const result = await node(args);
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      expect(result.stderr).toContain('The demo data set is not available when NODE_ENV=production');
    }
  });
});
