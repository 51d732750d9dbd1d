import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { ReportsDatabase } from '../src/reports/reports-database.js';
import { createAgency, type AgencyRef } from './support/directory-fixtures.js';
import { createElection } from './support/event-fixtures.js';
import { createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

/**
 * The coverage report (DESIGN §5) on a small data set built by hand in Kota Batu (WIB, +07:00),
 * whose every expected figure is worked out below. Events, invitations, registrations,
 * check-ins and pledges are written straight into the database (past events: the door's API only
 * checks people in around an event's own time); agencies and cascades go through the API.
 *
 * Events of Kota Batu:
 *   ev1  2024-10-10 09:00 WIB  election E   COMPLETED
 *   ev2  2024-11-01 06:30 WIB  election E   COMPLETED  (= 2024-10-31 23:30 UTC: outside "to 2024-10-31" in WIB)
 *   ev3  2024-12-15 09:00 WIB  no election  COMPLETED
 *   evX  2024-10-20 09:00 WIB  election E   CANCELLED  (its invitations never count)
 *
 * Agencies (headcount pns/pppk/nonAsn):
 *   A Dinas Pendidikan  10/4/6 = 20  ev1 CONFIRMED, ev2 CONFIRMED, ev3 DECLINED
 *       ev1: a1 (the head, invited, not a delegate), a2 PNS, a3 PPPK;  ev2: a1 again, a4 NON_ASN (walk-in);
 *       ev3: a5 CPNS (walk-in).  Pledges: a1@ev1, a2@ev1, a1@ev2.  Cascade 2024-10-15 from ev1: 5/2/0.
 *   B Dinas Kesehatan   5/0/5 = 10   ev1 CONFIRMED: b2 PNS delegate checked in. b3 PNS pledged outside any event (2024-10-12).
 *   C Kecamatan Batu    8/0/2 = 10   ev1 PENDING, ev2 CONFIRMED, nobody came. Cascades 2024-11-10 from ev2: 3/0/0; 2024-12-20: 0/0/1.
 *   D Polres Batu       0/0/0 = 0    ev2 CONFIRMED: d1 EXTERNAL delegate checked in.
 *   E Dinas Pariwisata  12/3/0 = 15  nothing.
 *   F Dinas Sosial      4/0/0 = 4    never invited; cascades 2024-10-01: 3/0/0 and 2024-12-01: 3/0/0 (sum 6, capped at 4).
 *   G =Kelurahan Sisir  2/0/1 = 3    invited to evX only (cancelled). Its name probes formula injection in CSV.
 * Elsewhere: Kabupaten Malang's agency M (5/0/0, cascade 2/0/0), Jawa Timur's own agency P (7/0/0), never in Batu's report.
 */
describe('coverage report', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let election: { id: string; name: string };
  const ag: Record<string, AgencyRef> = {};
  let repA: TestUser;
  let viewerBatu: TestUser;
  let organizerJatim: TestUser;
  let organizerBalikpapan: TestUser;
  let checkinBatu: TestUser;

  const get = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token);
  const report = async (query: Record<string, string>, token = t.adminToken) => {
    const response = await get(`/reports/coverage?${new URLSearchParams(query)}`, token);
    expect(response.status).toBe(200);
    return response.body as CoverageBody;
  };
  const row = (body: CoverageBody, key: string) => body.agencies.find((agency) => agency.agencyId === ag[key].id)!;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    election = await createElection(t, { name: 'Pilkada Serentak 2024 (uji cakupan)' });
    const headcount = (pns: number, pppk: number, nonAsn: number) => ({ headcount: { pns, pppk, nonAsn } });
    ag.A = await createAgency(t, r.batu.id, 'Dinas Pendidikan', headcount(10, 4, 6));
    ag.B = await createAgency(t, r.batu.id, 'Dinas Kesehatan', headcount(5, 0, 5));
    ag.C = await createAgency(t, r.batu.id, 'Kecamatan Batu', { category: 'KECAMATAN', headTitle: 'Camat', ...headcount(8, 0, 2) });
    ag.D = await createAgency(t, r.batu.id, 'Polres Batu', { category: 'VERTICAL', headTitle: 'Kapolres' });
    ag.E = await createAgency(t, r.batu.id, 'Dinas Pariwisata', headcount(12, 3, 0));
    ag.F = await createAgency(t, r.batu.id, 'Dinas Sosial', headcount(4, 0, 0));
    ag.G = await createAgency(t, r.batu.id, '=Kelurahan Sisir', { category: 'KELURAHAN', headTitle: 'Lurah', ...headcount(2, 0, 1) });
    ag.M = await createAgency(t, r.malang.id, 'Dinas Pendidikan Kabupaten Malang', headcount(5, 0, 0));
    ag.P = await createAgency(t, r.jatim.id, 'Badan Kesbangpol Provinsi Jawa Timur', headcount(7, 0, 0));

    await withAdminClient(t.databaseUrl, (db) => seed(db, r.batu.id, election.id, ag));
    const cascade = async (key: string, heldOn: string, reached: [number, number, number], sourceEventId?: string) => {
      const response = await t
        .http()
        .post(`/api/v1/agencies/${ag[key].id}/cascades`)
        .set('Authorization', t.adminToken)
        .send({ heldOn, reached: { pns: reached[0], pppk: reached[1], nonAsn: reached[2] }, ...(sourceEventId ? { sourceEventId } : {}) });
      expect(response.status).toBe(201);
    };
    await cascade('A', '2024-10-15', [5, 2, 0], events.ev1);
    await cascade('C', '2024-11-10', [3, 0, 0], events.ev2);
    await cascade('C', '2024-12-20', [0, 0, 1]);
    await cascade('F', '2024-10-01', [3, 0, 0]);
    await cascade('F', '2024-12-01', [3, 0, 0]);
    await cascade('M', '2024-10-05', [2, 0, 0]);

    [repA, viewerBatu, organizerJatim, organizerBalikpapan, checkinBatu] = await Promise.all([
      createUser(t, 'AGENCY_REP', { agencyId: ag.A.id }),
      createUser(t, 'VIEWER', { regionId: r.batu.id }),
      createUser(t, 'ORGANIZER', { regionId: r.jatim.id }),
      createUser(t, 'ORGANIZER', { regionId: r.balikpapan.id }),
      createUser(t, 'CHECKIN', { regionId: r.batu.id }),
    ]);
  });
  afterAll(() => t.close());

  describe('every figure of §5, whole period', () => {
    let body: CoverageBody;
    beforeAll(async () => {
      body = await report({ regionId: r.batu.id });
    });

    it('names the region and the (open) period, and lists every agency of the region by name, and only those', () => {
      expect(body.region).toEqual({ id: r.batu.id, code: '35.79', name: 'Kota Batu', level: 'CITY', parentId: r.jatim.id, timezone: 'Asia/Jakarta' });
      expect(body.period).toEqual({ from: null, to: null, election: null });
      expect(body.agencies.map((agency) => agency.name)).toEqual(['=Kelurahan Sisir', 'Dinas Kesehatan', 'Dinas Pariwisata', 'Dinas Pendidikan', 'Dinas Sosial', 'Kecamatan Batu', 'Polres Batu']);
    });

    it('A: the same person at two events counted once, a walk-in counted, cascade added, the head in person', () => {
      expect(row(body, 'A')).toEqual({
        agencyId: ag.A.id,
        name: 'Dinas Pendidikan',
        category: 'OPD',
        invitedEvents: 3, // ev1, ev2, ev3 (declined still counts as invited)
        confirmedEvents: 2, // ev1, ev2
        attendedEvents: 3, // ev1 (a1 a2 a3), ev2 (a1 a4), ev3 (a5 walk-in)
        headAttended: true, // a1 on the invitation, not a delegate
        reachedDirect: 5, // a1 a2 a3 a4 a5: a1 at ev1 and ev2 is one person
        pledged: 2, // a1 (twice) and a2
        reachedCascade: 7, // 5 + 2 + 0, each under its headcount
        headcount: 20,
        headcountByType: { pns: 10, pppk: 4, nonAsn: 6 },
        coveragePct: 60, // 100 × (5 + 7) / 20
        coveragePctByType: {
          pns: 80, // (a1 a2 a5[CPNS] = 3 + cascade 5) / 10
          pppk: 75, // (a3 = 1 + 2) / 4
          nonAsn: 16.7, // (a4 = 1 + 0) / 6 = 16.67
        },
        stage: 'PLEDGED',
      });
    });

    it('B: delegates only is not the head in person; a pledge outside any event counts', () => {
      expect(row(body, 'B')).toMatchObject({
        invitedEvents: 1,
        confirmedEvents: 1,
        attendedEvents: 1,
        headAttended: false, // only b2, a delegate
        reachedDirect: 1,
        pledged: 1, // b3, outside any event
        reachedCascade: 0,
        headcount: 10,
        coveragePct: 10, // 100 × 1 / 10
        coveragePctByType: { pns: 20, pppk: null, nonAsn: 0 }, // 1/5; no PPPK to reach; 0/5
        stage: 'PLEDGED',
      });
    });

    it('C: invited, nobody came, reached by cascades only', () => {
      expect(row(body, 'C')).toMatchObject({
        invitedEvents: 2, // ev1 PENDING, ev2 CONFIRMED
        confirmedEvents: 1,
        attendedEvents: 0,
        headAttended: false,
        reachedDirect: 0,
        pledged: 0,
        reachedCascade: 4, // 3 + 1
        coveragePct: 40, // 100 × 4 / 10
        coveragePctByType: { pns: 37.5, pppk: null, nonAsn: 50 }, // 3/8, 1/2
        stage: 'NO_SHOW',
      });
    });

    it('D: zero headcount has no coverage figure, yet its delegate attended', () => {
      expect(row(body, 'D')).toMatchObject({
        invitedEvents: 1,
        attendedEvents: 1,
        headAttended: false,
        reachedDirect: 1, // d1, EXTERNAL: counted as nonAsn
        headcount: 0,
        coveragePct: null,
        coveragePctByType: { pns: null, pppk: null, nonAsn: null },
        stage: 'ATTENDED',
      });
    });

    it('E, F, G: never invited (a cancelled event does not count), cascade capped at the headcount', () => {
      expect(row(body, 'E')).toMatchObject({ invitedEvents: 0, reachedDirect: 0, reachedCascade: 0, coveragePct: 0, coveragePctByType: { pns: 0, pppk: 0, nonAsn: null }, stage: 'NOT_INVITED' });
      // F: 3 + 3 = 6 PNS told, but it has only 4: capped at 4, 100 %.
      expect(row(body, 'F')).toMatchObject({ invitedEvents: 0, reachedCascade: 4, coveragePct: 100, coveragePctByType: { pns: 100 }, stage: 'NOT_INVITED' });
      expect(row(body, 'G')).toMatchObject({ invitedEvents: 0, confirmedEvents: 0, reachedCascade: 0, coveragePct: 0, stage: 'NOT_INVITED' });
    });

    it('totals are sums, coverage from capped sums; gaps are the agencies with no reach, largest first', () => {
      expect(body.totals).toEqual({
        agencies: 7,
        headcount: 62, // 20 + 10 + 10 + 0 + 15 + 4 + 3
        headcountByType: { pns: 41, pppk: 7, nonAsn: 14 }, // 10+5+8+0+12+4+2 | 4+3 | 6+5+2+1
        reachedDirect: 7, // 5 + 1 + 1
        reachedCascade: 15, // 7 + 4 + 4
        reached: 21, // min(20, 12) + min(10, 1) + min(10, 4) + min(0, 1) + 0 + min(4, 4) + 0 = 12 + 1 + 4 + 0 + 4
        reachedByType: {
          pns: 16, // A min(10, 3+5)=8, B 1, C 3, F 4
          pppk: 3, // A min(4, 1+2)
          nonAsn: 2, // A 1, C 1 (D's d1 is capped by its headcount 0)
        },
        pledged: 3, // A 2, B 1
        headAttended: 1, // A
        coveragePct: 33.9, // 100 × 21 / 62 = 33.87
        coveragePctByType: { pns: 39, pppk: 42.9, nonAsn: 14.3 }, // 16/41 = 39.02, 3/7 = 42.86, 2/14 = 14.29
        stages: { NOT_INVITED: 3, NO_SHOW: 1, ATTENDED: 1, PLEDGED: 2 },
        gaps: 2,
      });
      expect(body.gaps).toEqual([
        { agencyId: ag.E.id, name: 'Dinas Pariwisata', headcount: 15 },
        { agencyId: ag.G.id, name: '=Kelurahan Sisir', headcount: 3 },
      ]);
    });
  });

  it('a period counts events by their start in the region’s zone, and cascades and loose pledges by their day', async () => {
    const body = await report({ regionId: r.batu.id, from: '2024-10-01', to: '2024-10-31' });
    expect(body.period).toEqual({ from: '2024-10-01', to: '2024-10-31', election: null });
    // A: ev1 only → a1 a2 a3 (2 PNS, 1 PPPK); pledges a1, a2 at ev1; cascade of 10-15 in.
    expect(row(body, 'A')).toMatchObject({ invitedEvents: 1, confirmedEvents: 1, attendedEvents: 1, headAttended: true, reachedDirect: 3, pledged: 2, reachedCascade: 7, coveragePct: 50 });
    // B: ev1; b3's pledge signed 2024-10-12 is inside the period.
    expect(row(body, 'B')).toMatchObject({ reachedDirect: 1, pledged: 1, stage: 'PLEDGED' });
    // C: ev1 PENDING only; its cascades (11-10, 12-20) are outside.
    expect(row(body, 'C')).toMatchObject({ invitedEvents: 1, confirmedEvents: 0, reachedCascade: 0, stage: 'NO_SHOW' });
    // D: ev2 starts 2024-11-01 06:30 WIB, which is still 2024-10-31 in UTC: outside.
    expect(row(body, 'D')).toMatchObject({ invitedEvents: 0, reachedDirect: 0, stage: 'NOT_INVITED' });
    // F: the cascade of 10-01 only: 3 of 4.
    expect(row(body, 'F')).toMatchObject({ reachedCascade: 3, coveragePct: 75 });
    expect(body.gaps.map((gap) => [gap.name, gap.headcount])).toEqual([
      ['Dinas Pariwisata', 15],
      ['Kecamatan Batu', 10],
      ['=Kelurahan Sisir', 3],
      ['Polres Batu', 0],
    ]);
  });

  it('an election keeps its events, the cascades relaying them, and drops pledges outside any event', async () => {
    const body = await report({ regionId: r.batu.id, electionId: election.id });
    expect(body.period.election).toMatchObject({ id: election.id, name: election.name });
    // A: ev1 + ev2 → a1 a2 a3 a4; pledges a1 a2; cascade from ev1. 100 × (4 + 7) / 20 = 55.
    expect(row(body, 'A')).toMatchObject({ invitedEvents: 2, confirmedEvents: 2, attendedEvents: 2, reachedDirect: 4, pledged: 2, reachedCascade: 7, coveragePct: 55 });
    // B: b3's pledge has no event: out. Still attended.
    expect(row(body, 'B')).toMatchObject({ pledged: 0, stage: 'ATTENDED' });
    // C: only the cascade from ev2 (3 PNS): 30 %.
    expect(row(body, 'C')).toMatchObject({ reachedCascade: 3, coveragePct: 30 });
    // F: its cascades relay no event: a gap now.
    expect(body.gaps.map((gap) => gap.name)).toEqual(['Dinas Pariwisata', 'Dinas Sosial', '=Kelurahan Sisir']);
    expect(body.totals.stages).toEqual({ NOT_INVITED: 3, NO_SHOW: 1, ATTENDED: 2, PLEDGED: 1 });
  });

  it('bad filters are 400 naming the field; an unknown election is 404', async () => {
    const fields = async (query: string) => {
      const response = await get(`/reports/coverage?${query}`, t.adminToken);
      expect(response.status).toBe(400);
      return (response.body.errors as Array<{ field: string }>).map((error) => error.field);
    };
    expect(await fields(`regionId=${r.batu.id}&from=2024-13-01`)).toEqual(['from']);
    expect(await fields(`regionId=${r.batu.id}&from=2024-11-01&to=2024-10-01`)).toEqual(['to']);
    expect(await fields(`regionId=${r.batu.id}&format=docx`)).toEqual(['format']);
    expect(await fields('')).toEqual(['regionId']); // ADMIN covers every region
    expect((await get(`/reports/coverage?regionId=${r.batu.id}&electionId=${randomUUID()}`, t.adminToken)).status).toBe(404);
  });

  describe('roles', () => {
    it('VIEWER: its region’s report, no other region, no province rollup', async () => {
      const own = await report({}, viewerBatu.token); // defaults to its own city
      expect(own.totals.agencies).toBe(7);
      expect((await get(`/reports/coverage?regionId=${r.malang.id}`, viewerBatu.token)).status).toBe(404);
      expect((await get(`/reports/coverage/regions?parentId=${r.jatim.id}`, viewerBatu.token)).status).toBe(404);
    });

    it('AGENCY_REP: its own agency’s row only, the totals restricted to it; no rollup', async () => {
      const own = await report({}, repA.token);
      expect(own.agencies.map((agency) => agency.agencyId)).toEqual([ag.A.id]);
      expect(own.totals).toMatchObject({ agencies: 1, headcount: 20, reachedDirect: 5, reachedCascade: 7, reached: 12, coveragePct: 60, gaps: 0 });
      expect(own.gaps).toEqual([]);
      expect((await get(`/reports/coverage?regionId=${r.malang.id}`, repA.token)).status).toBe(404);
      expect((await get('/reports/coverage/regions', repA.token)).status).toBe(403);
    });

    it('ORGANIZER: within its reach; a province-wide one names the region; CHECKIN reads no report', async () => {
      expect((await get(`/reports/coverage?regionId=${r.batu.id}`, organizerBalikpapan.token)).status).toBe(404);
      expect((await get('/reports/coverage', organizerJatim.token)).status).toBe(400);
      expect((await report({ regionId: r.batu.id }, organizerJatim.token)).totals.agencies).toBe(7);
      expect((await get(`/reports/coverage?regionId=${r.batu.id}`, checkinBatu.token)).status).toBe(403);
      expect((await get('/reports/coverage/regions', checkinBatu.token)).status).toBe(403);
    });
  });

  describe('rollup', () => {
    const ADDITIVE = ['agencies', 'headcount', 'reachedDirect', 'reachedCascade', 'reached', 'pledged', 'headAttended', 'gaps'] as const;

    it("a province: each child's totals, its own agencies, and the province's total is their sum", async () => {
      const response = await get(`/reports/coverage/regions?parentId=${r.jatim.id}`, organizerJatim.token);
      expect(response.status).toBe(200);
      const rollup = response.body as RollupBody;
      expect(rollup.parent).toMatchObject({ id: r.jatim.id, level: 'PROVINCE' });
      expect(rollup.regions.map((entry) => entry.region.code)).toEqual(['35.07', '35.79']);
      const batu = rollup.regions.find((entry) => entry.region.id === r.batu.id)!;
      const malang = rollup.regions.find((entry) => entry.region.id === r.malang.id)!;
      // Batu's entry is Batu's own report's totals.
      expect(batu.totals).toEqual((await report({ regionId: r.batu.id })).totals);
      // Malang: M 5 PNS, cascade 2 → 40 %. The province's own: P, 7 PNS, nothing.
      expect(malang.totals).toMatchObject({ agencies: 1, headcount: 5, reachedCascade: 2, reached: 2, coveragePct: 40, gaps: 0 });
      expect(rollup.ownAgencies).toMatchObject({ agencies: 1, headcount: 7, reached: 0, coveragePct: 0, gaps: 1 });
      for (const field of ADDITIVE) {
        expect(rollup.totals[field]).toBe(rollup.ownAgencies![field] + batu.totals[field] + malang.totals[field]);
      }
      for (const stage of ['NOT_INVITED', 'NO_SHOW', 'ATTENDED', 'PLEDGED'] as const) {
        expect(rollup.totals.stages[stage]).toBe(rollup.ownAgencies!.stages[stage] + batu.totals.stages[stage] + malang.totals.stages[stage]);
      }
      // 62 + 5 + 7 = 74 people; 21 + 2 + 0 = 23 reached: 31.08 %.
      expect(rollup.totals).toMatchObject({ agencies: 9, headcount: 74, reached: 23, coveragePct: 31.1 });
    });

    it('ADMIN without parentId: the provinces, each equal to its own rollup total', async () => {
      const rollup = (await get('/reports/coverage/regions', t.adminToken)).body as RollupBody;
      expect(rollup.parent).toBeNull();
      expect(rollup.ownAgencies).toBeNull();
      expect(rollup.regions.map((entry) => entry.region.code)).toEqual(['35', '64']);
      const jatim = (await get(`/reports/coverage/regions?parentId=${r.jatim.id}`, t.adminToken)).body as RollupBody;
      expect(rollup.regions[0].totals).toEqual(jatim.totals);
      expect(rollup.regions[1].totals).toMatchObject({ agencies: 0, headcount: 0, coveragePct: null });
      expect(rollup.totals).toEqual(jatim.totals); // Kalimantan Timur has no agencies
    });

    it('a city organizer: its own region, no children', async () => {
      const organizerBatu = await createUser(t, 'ORGANIZER', { regionId: r.batu.id });
      const rollup = (await get('/reports/coverage/regions', organizerBatu.token)).body as RollupBody;
      expect(rollup.parent).toMatchObject({ id: r.batu.id });
      expect(rollup.regions).toEqual([]);
      expect(rollup.ownAgencies).toEqual(rollup.totals);
      expect(rollup.totals.agencies).toBe(7);
    });
  });

  it('with DATABASE_REPLICA_URL set, reports read the replica and everything else the primary', async () => {
    // A second app whose primary is a fresh, empty clone and whose "replica" is this file's
    // database: the report can only show Kota Batu's figures by reading the replica.
    const second = await createTestApp({ DATABASE_REPLICA_URL: t.databaseUrl });
    try {
      const fromReplica = await second.http().get(`/api/v1/reports/coverage?regionId=${r.batu.id}`).set('Authorization', second.adminToken);
      expect(fromReplica.status).toBe(200);
      expect(fromReplica.body.totals).toEqual((await report({ regionId: r.batu.id })).totals);
      const rollup = await second.http().get(`/api/v1/reports/coverage/regions?parentId=${r.jatim.id}`).set('Authorization', second.adminToken);
      expect(rollup.body.totals.agencies).toBe(9);
      // The rest of the API reads the primary, where Kota Batu does not exist.
      expect((await second.http().get(`/api/v1/regions/${r.batu.id}`).set('Authorization', second.adminToken)).status).toBe(404);
      // The reports pool is connected to the replica, and read-only: a write through it is refused.
      const reports = await second.app.get(ReportsDatabase).dataSource();
      expect(reports.options).toMatchObject({ url: t.databaseUrl });
      await expect(reports.query(`UPDATE agencies SET name = name WHERE id = $1`, [ag.A.id])).rejects.toThrow(/read-only transaction/);
    } finally {
      await second.close();
    }
  });

  describe('files', () => {
    it('CSV: UTF-8 with BOM, Indonesian headers, a totals line, formula-safe names', async () => {
      const response = await get(`/reports/coverage?regionId=${r.batu.id}&format=csv`, viewerBatu.token);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toContain('cakupan_35.79_awal_kini.csv');
      expect(response.headers['cache-control']).toBe('private, no-store');
      const text = response.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const records = parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
      expect(records).toHaveLength(8); // 7 agencies + totals
      expect(records[0]['Instansi']).toBe("'=Kelurahan Sisir");
      const a = records.find((record) => record['Instansi'] === 'Dinas Pendidikan')!;
      expect(a).toMatchObject({ 'Terjangkau langsung': '5', 'Terjangkau berjenjang': '7', 'Jumlah pegawai': '20', 'Cakupan (%)': '60', 'Cakupan non-ASN (%)': '16.7', 'Tahap': 'Hadir dan ikrar', 'Pimpinan hadir langsung': 'Ya' });
      expect(records[7]).toMatchObject({ 'Instansi': 'Jumlah', 'Jumlah pegawai': '62', 'Cakupan (%)': '33.9', 'Kategori': '7 instansi' });
    });

    it('XLSX: sheets Instansi and Belum terjangkau, frozen headers, number and percent formats, totals rows', async () => {
      const response = await get(`/reports/coverage?regionId=${r.batu.id}&format=xlsx`, t.adminToken).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Instansi', 'Belum terjangkau']);

      const agencies = workbook.getWorksheet('Instansi')!;
      expect(agencies.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = (agencies.getRow(1).values as unknown[]).slice(1);
      expect(header[0]).toBe('Instansi');
      const column = (name: string) => header.indexOf(name) + 1;
      expect(agencies.rowCount).toBe(9); // header, 7 agencies, totals
      const aRow = agencies.getRows(2, 7)!.find((line) => line.getCell(1).value === 'Dinas Pendidikan')!;
      expect(aRow.getCell(column('Cakupan')).value).toBeCloseTo(0.6);
      expect(aRow.getCell(column('Cakupan')).numFmt).toBe('0.0%');
      expect(aRow.getCell(column('Jumlah pegawai')).value).toBe(20);
      expect(aRow.getCell(column('Jumlah pegawai')).numFmt).toBe('#,##0');
      const totals = agencies.getRow(9);
      expect(totals.getCell(1).value).toBe('Jumlah');
      expect(totals.font?.bold).toBe(true);
      expect(totals.getCell(column('Jumlah pegawai')).value).toBe(62);
      expect(totals.getCell(column('Cakupan')).value).toBeCloseTo(0.339);
      // Widths fit the longest text of each column.
      expect(agencies.getColumn(1).width).toBeGreaterThanOrEqual('Dinas Pendidikan'.length);

      const gaps = workbook.getWorksheet('Belum terjangkau')!;
      expect(gaps.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((gaps.getRow(2).values as unknown[]).slice(1)).toEqual(['Dinas Pariwisata', 15]);
      expect((gaps.getRow(3).values as unknown[]).slice(1)).toEqual(['=Kelurahan Sisir', 3]);
      expect((gaps.getRow(4).values as unknown[]).slice(1)).toEqual(['Jumlah', 18]);
    });
  });
});

interface AgencyBody {
  agencyId: string;
  name: string;
  [field: string]: unknown;
}
interface TotalsBody {
  agencies: number;
  headcount: number;
  reachedDirect: number;
  reachedCascade: number;
  reached: number;
  pledged: number;
  headAttended: number;
  gaps: number;
  coveragePct: number | null;
  stages: Record<'NOT_INVITED' | 'NO_SHOW' | 'ATTENDED' | 'PLEDGED', number>;
  [field: string]: unknown;
}
interface CoverageBody {
  region: Record<string, unknown>;
  period: { from: string | null; to: string | null; election: { id: string; name: string } | null };
  totals: TotalsBody;
  agencies: AgencyBody[];
  gaps: Array<{ agencyId: string; name: string; headcount: number }>;
}
interface RollupBody {
  parent: Record<string, unknown> | null;
  totals: TotalsBody;
  ownAgencies: TotalsBody | null;
  regions: Array<{ region: { id: string; code: string }; totals: TotalsBody }>;
}

const events: Record<'ev1' | 'ev2' | 'ev3' | 'evX', string> = { ev1: randomUUID(), ev2: randomUUID(), ev3: randomUUID(), evX: randomUUID() };

/** The rows the door and the pledge desk would have written; see the table at the top. */
async function seed(db: pg.Client, batu: string, electionId: string, ag: Record<string, AgencyRef>): Promise<void> {
  const event = (id: string, title: string, startsAt: string, election: string | null, status: string) =>
    db.query(
      `INSERT INTO events (id, region_id, title, type, topics, election_id, venue_name, starts_at, ends_at, capacity, status, cancelled_at)
       VALUES ($1, $2, $3, 'SOSIALISASI', '{NETRALITAS_ASN}', $4, 'Aula Balai Kota Among Tani', $5, $5::timestamptz + interval '3 hours', 200, $6::text::event_status,
               CASE WHEN $6::text = 'CANCELLED' THEN $5::timestamptz - interval '2 days' END)`,
      [id, batu, title, election, startsAt, status],
    );
  await event(events.ev1, 'Sosialisasi Netralitas ASN I', '2024-10-10T09:00:00+07:00', electionId, 'COMPLETED');
  await event(events.ev2, 'Apel Ikrar Netralitas', '2024-11-01T06:30:00+07:00', electionId, 'COMPLETED');
  await event(events.ev3, 'Sosialisasi Netralitas ASN II', '2024-12-15T09:00:00+07:00', null, 'COMPLETED');
  await event(events.evX, 'Sosialisasi (batal)', '2024-10-20T09:00:00+07:00', electionId, 'CANCELLED');

  const people: Record<string, string> = {};
  const person = async (key: string, agency: string, employmentType: string) => {
    people[key] = randomUUID();
    await db.query(`INSERT INTO people (id, region_id, agency_id, full_name, employment_type) VALUES ($1, $2, $3, $4, $5)`, [people[key], batu, ag[agency].id, `Orang ${key}`, employmentType]);
  };
  await person('a1', 'A', 'PNS');
  await person('a2', 'A', 'PNS');
  await person('a3', 'A', 'PPPK');
  await person('a4', 'A', 'NON_ASN');
  await person('a5', 'A', 'CPNS');
  await person('b1', 'B', 'PNS');
  await person('b2', 'B', 'PNS');
  await person('b3', 'B', 'PNS');
  await person('d1', 'D', 'EXTERNAL');

  const invitations: Record<string, string> = {};
  const invite = async (agency: string, ev: keyof typeof events, status: string) => {
    const id = randomUUID();
    invitations[`${agency}:${ev}`] = id;
    await db.query(
      `INSERT INTO invitations (id, region_id, event_id, agency_id, addressee_title, seats, status, responded_at, token)
       VALUES ($1, $2, $3, $4, 'Kepala', 3, $5::text::invitation_status, CASE WHEN $5::text <> 'PENDING' THEN now() END, $6)`,
      [id, batu, events[ev], ag[agency].id, status, randomUUID().replaceAll('-', '')],
    );
  };
  await invite('A', 'ev1', 'CONFIRMED');
  await invite('A', 'ev2', 'CONFIRMED');
  await invite('A', 'ev3', 'DECLINED');
  await invite('B', 'ev1', 'CONFIRMED');
  await invite('C', 'ev1', 'PENDING');
  await invite('C', 'ev2', 'CONFIRMED');
  await invite('D', 'ev2', 'CONFIRMED');
  await invite('G', 'evX', 'PENDING');

  const checkIns: Record<string, string> = {};
  /** A registration (from the agency's invitation unless a walk-in) and its check-in. */
  const attend = async (who: string, agency: string, ev: keyof typeof events, options: { delegate?: boolean; walkIn?: boolean } = {}) => {
    const registration = randomUUID();
    const checkIn = randomUUID();
    checkIns[`${who}:${ev}`] = checkIn;
    const invitation = options.walkIn ? null : invitations[`${agency}:${ev}`];
    await db.query(
      `INSERT INTO registrations (id, region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [registration, batu, events[ev], people[who], ag[agency].id, invitation, options.delegate ?? false, randomUUID().slice(0, 12)],
    );
    await db.query(
      `INSERT INTO check_ins (id, region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by)
       SELECT $1, $2, $3, $4, $5, $6, e.starts_at, 'QR', 'TICKET' FROM events e WHERE e.id = $3`,
      [checkIn, batu, events[ev], people[who], ag[agency].id, registration],
    );
  };
  await attend('a1', 'A', 'ev1');
  await attend('a2', 'A', 'ev1');
  await attend('a3', 'A', 'ev1');
  await attend('a1', 'A', 'ev2');
  await attend('a4', 'A', 'ev2', { walkIn: true });
  await attend('a5', 'A', 'ev3', { walkIn: true });
  await attend('b2', 'B', 'ev1', { delegate: true });
  await attend('d1', 'D', 'ev2', { delegate: true });

  const template = randomUUID();
  await db.query(
    `INSERT INTO pledge_templates (id, title, version, clauses, legal_basis, text_hash) VALUES ($1, 'Ikrar Netralitas ASN (uji)', 1, '["Netral"]', 'SKB 2022', repeat('0', 64))`,
    [template],
  );
  let seq = 0;
  const pledge = async (who: string, agency: string, ev: keyof typeof events | null, signedAt: string) => {
    seq += 1;
    await db.query(
      `INSERT INTO pledges (region_id, chain_seq, event_id, template_id, person_id, agency_id, capacity, check_in_id, signature_name, signed_at, verification_code, hash, prev_hash)
       VALUES ($1, $2, $3, $4, $5, $6, 'SELF', $7, 'Orang', $8, $9, repeat('a', 64), repeat('0', 64))`,
      [batu, seq, ev ? events[ev] : null, template, people[who], ag[agency].id, ev ? checkIns[`${who}:${ev}`] : null, signedAt, `UJI${seq}${randomUUID().slice(0, 6)}`],
    );
  };
  await pledge('a1', 'A', 'ev1', '2024-10-10T10:00:00+07:00');
  await pledge('a2', 'A', 'ev1', '2024-10-10T10:05:00+07:00');
  await pledge('a1', 'A', 'ev2', '2024-11-01T07:00:00+07:00');
  await pledge('b3', 'B', null, '2024-10-12T08:00:00+07:00');
}
