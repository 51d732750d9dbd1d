import pg from 'pg';
import { auditEntries, createAgency, postCsv } from './support/directory-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type User = TestUser;

describe('agencies', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let organizerBatu: User;
  let organizerJatim: User;
  let organizerBalikpapan: User;
  let viewerBatu: User;
  let checkinBatu: User;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
  });
  afterAll(() => t.close());

  const names = (body: { items: Array<{ name: string }> }) => body.items.map((a) => a.name).sort();
  const listAll = async (regionId: string) =>
    (await t.http().get(`/api/v1/agencies?regionId=${regionId}&limit=200`).set('Authorization', t.adminToken).expect(200)).body as {
      items: Array<Record<string, unknown> & { name: string; id: string }>;
      total: number;
    };

  describe('create, read, update', () => {
    it('lets an ORGANIZER add an agency to its own city without naming the region, and records it', async () => {
      const response = await t
        .http()
        .post('/api/v1/agencies')
        .set('Authorization', organizerBatu.token)
        .send({ name: '  Dinas Pendidikan ', shortName: 'Disdik', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 120, pppk: 15, nonAsn: 40 }, headcountAsOf: '2024-06-30' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        regionId: r.batu.id,
        name: 'Dinas Pendidikan',
        shortName: 'Disdik',
        category: 'OPD',
        headTitle: 'Kepala Dinas',
        parentAgencyId: null,
        headcount: { pns: 120, pppk: 15, nonAsn: 40 },
        headcountAsOf: '2024-06-30',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const fetched = await t.http().get(`/api/v1/agencies/${response.body.id}`).set('Authorization', organizerBatu.token).expect(200);
      expect(fetched.body).toEqual(response.body);
      const entry = (await auditEntries(t, 'agency')).find((e) => e.entityId === response.body.id);
      expect(entry).toMatchObject({ action: 'create', regionId: r.batu.id, actorEmail: organizerBatu.email, changes: { name: 'Dinas Pendidikan', headcount: { pns: 120, pppk: 15, nonAsn: 40 } } });
    });

    it('defaults the headcount to zeros', async () => {
      const agency = await createAgency(t, r.malang.id, 'Kecamatan Singosari', { category: 'KECAMATAN', headTitle: 'Camat' });
      expect(agency).toMatchObject({ headcount: { pns: 0, pppk: 0, nonAsn: 0 }, headcountAsOf: null, shortName: null });
    });

    it.each([
      [{ name: 'Dinas X', category: 'DINAS' }, 'category'],
      [{ name: 'Dinas X', category: 'OPD', headcount: { pns: -1, pppk: 0, nonAsn: 0 } }, 'headcount.pns'],
      [{ name: 'Dinas X', category: 'OPD', headcount: { pns: 1.5, pppk: 0, nonAsn: 0 } }, 'headcount.pns'],
      [{ name: 'Dinas X', category: 'OPD', headcount: { pns: 1, pppk: 0 } }, 'headcount.nonAsn'],
      [{ name: 'Dinas X', category: 'OPD', headcountAsOf: '2024-02-30' }, 'headcountAsOf'],
      [{ name: 'Dinas X', category: 'OPD', headcountAsOf: '30/06/2024' }, 'headcountAsOf'],
      [{ name: 'X', category: 'OPD' }, 'name'],
      [{ name: 'Dinas X', category: 'OPD', parentAgencyId: 'dinas' }, 'parentAgencyId'],
      [{ name: 'Dinas X', category: 'OPD', budget: 1000 }, 'budget'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const response = await t.http().post('/api/v1/agencies').set('Authorization', organizerBatu.token).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a second agency with the same name in a region, whatever its case, naming the first', async () => {
      const first = await createAgency(t, r.batu.id, 'Badan Kesatuan Bangsa dan Politik', { shortName: 'Bakesbangpol' });
      const response = await t.http().post('/api/v1/agencies').set('Authorization', organizerBatu.token).send({ name: 'BADAN KESATUAN BANGSA DAN POLITIK', category: 'OPD' }).expect(409);
      expect(response.body).toMatchObject({ existingAgencyId: first.id, errors: [{ field: 'name', message: 'is already used in this region' }] });
      // Another region keeps its own list.
      await createAgency(t, r.balikpapan.id, 'Badan Kesatuan Bangsa dan Politik');
      const renamed = await createAgency(t, r.batu.id, 'Bakesbangpol lama');
      await t.http().patch(`/api/v1/agencies/${renamed.id}`).set('Authorization', organizerBatu.token).send({ name: 'badan kesatuan bangsa dan politik' }).expect(409);
    });

    it('updates fields, replaces the headcount, clears optional fields, and records the change', async () => {
      const agency = await createAgency(t, r.batu.id, 'Dinas Kesehatan', { shortName: 'Dinkes', headcount: { pns: 300, pppk: 20, nonAsn: 80 } });
      const response = await t
        .http()
        .patch(`/api/v1/agencies/${agency.id}`)
        .set('Authorization', organizerBatu.token)
        .send({ headcount: { pns: 310, pppk: 25, nonAsn: 70 }, headcountAsOf: '2024-09-01', shortName: null })
        .expect(200);
      expect(response.body).toMatchObject({ name: 'Dinas Kesehatan', shortName: null, headcount: { pns: 310, pppk: 25, nonAsn: 70 }, headcountAsOf: '2024-09-01' });
      const entry = (await auditEntries(t, 'agency')).find((e) => e.entityId === agency.id && e.action === 'update');
      expect(entry?.changes).toEqual({ headcount: { pns: 310, pppk: 25, nonAsn: 70 }, headcountAsOf: '2024-09-01', shortName: null });
      await t.http().patch(`/api/v1/agencies/${agency.id}`).set('Authorization', organizerBatu.token).send({ name: null }).expect(400);
      await t.http().patch(`/api/v1/agencies/${agency.id}`).set('Authorization', organizerBatu.token).send({ regionId: r.malang.id }).expect(400);
    });

    it('links a parent agency of the same region only, and never in a circle', async () => {
      const kecamatan = await createAgency(t, r.batu.id, 'Kecamatan Batu', { category: 'KECAMATAN', headTitle: 'Camat' });
      const kelurahan = await createAgency(t, r.batu.id, 'Kelurahan Sisir', { category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyId: kecamatan.id });
      expect(kelurahan.parentAgencyId).toBe(kecamatan.id);
      const circle = await t.http().patch(`/api/v1/agencies/${kecamatan.id}`).set('Authorization', organizerBatu.token).send({ parentAgencyId: kelurahan.id }).expect(400);
      expect(circle.body.errors[0].field).toBe('parentAgencyId');
      await t.http().patch(`/api/v1/agencies/${kecamatan.id}`).set('Authorization', organizerBatu.token).send({ parentAgencyId: kecamatan.id }).expect(400);
      // Another tenant's agency does not exist for this organizer; an ADMIN is told it is in another region.
      const elsewhere = await createAgency(t, r.balikpapan.id, 'Kecamatan Balikpapan Kota', { category: 'KECAMATAN' });
      await t.http().patch(`/api/v1/agencies/${kelurahan.id}`).set('Authorization', organizerBatu.token).send({ parentAgencyId: elsewhere.id }).expect(404);
      const crossRegion = await t.http().patch(`/api/v1/agencies/${kelurahan.id}`).set('Authorization', t.adminToken).send({ parentAgencyId: elsewhere.id }).expect(400);
      expect(crossRegion.body.errors[0].field).toBe('parentAgencyId');
      const cleared = await t.http().patch(`/api/v1/agencies/${kelurahan.id}`).set('Authorization', organizerBatu.token).send({ parentAgencyId: null }).expect(200);
      expect(cleared.body.parentAgencyId).toBeNull();
    });

    it('filters by category and searches name and short name case-insensitively', async () => {
      await createAgency(t, r.balikpapan.id, 'Dinas Komunikasi dan Informatika', { shortName: 'Diskominfo' });
      await createAgency(t, r.balikpapan.id, 'SMAN 1 Balikpapan', { category: 'SCHOOL', headTitle: 'Kepala Sekolah' });
      await createAgency(t, r.balikpapan.id, 'Bawaslu Kota Balikpapan', { category: 'ELECTION_BODY', headTitle: 'Ketua' });
      const byShortName = await t.http().get(`/api/v1/agencies?regionId=${r.balikpapan.id}&q=KOMINFO`).set('Authorization', organizerBalikpapan.token).expect(200);
      expect(names(byShortName.body)).toEqual(['Dinas Komunikasi dan Informatika']);
      const schools = await t.http().get('/api/v1/agencies?category=SCHOOL').set('Authorization', organizerBalikpapan.token).expect(200);
      expect(names(schools.body)).toEqual(['SMAN 1 Balikpapan']);
      const wildcard = await t.http().get('/api/v1/agencies?q=%25').set('Authorization', organizerBalikpapan.token).expect(200);
      expect(wildcard.body.total).toBe(0);
      const paged = await t.http().get('/api/v1/agencies?limit=2&offset=1').set('Authorization', organizerBalikpapan.token).expect(200);
      expect(paged.body).toMatchObject({ limit: 2, offset: 1 });
      expect(paged.body.items).toHaveLength(2);
      expect(paged.body.total).toBeGreaterThanOrEqual(4);
      await t.http().get('/api/v1/agencies?category=DINAS').set('Authorization', organizerBalikpapan.token).expect(400);
    });
  });

  describe('tenancy and roles', () => {
    let batuAgency: { id: string };
    let malangAgency: { id: string };
    let balikpapanAgency: { id: string };
    beforeAll(async () => {
      batuAgency = await createAgency(t, r.batu.id, 'Dinas Pariwisata');
      malangAgency = await createAgency(t, r.malang.id, 'Dinas Pariwisata');
      balikpapanAgency = await createAgency(t, r.balikpapan.id, 'Dinas Pariwisata');
    });

    it("answers 404 for another region's agency, for reads and writes alike", async () => {
      await t.http().get(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', organizerBalikpapan.token).expect(404);
      await t.http().patch(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', organizerBalikpapan.token).send({ headTitle: 'X' }).expect(404);
      await t.http().get(`/api/v1/agencies?regionId=${r.batu.id}`).set('Authorization', organizerBalikpapan.token).expect(404);
      await t.http().post('/api/v1/agencies').set('Authorization', organizerBalikpapan.token).send({ regionId: r.batu.id, name: 'Dinas Baru', category: 'OPD' }).expect(404);
      await postCsv(t, `agencies/import`, organizerBalikpapan.token, 'name,category\nDinas Baru,OPD\n', { regionId: r.batu.id }).expect(404);
      const own = await t.http().get('/api/v1/agencies?limit=200').set('Authorization', organizerBalikpapan.token).expect(200);
      expect(own.body.items.every((a: { regionId: string }) => a.regionId === r.balikpapan.id)).toBe(true);
      const unchanged = await t.http().get(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', t.adminToken).expect(200);
      expect(unchanged.body.headTitle).toBe('Kepala Dinas');
    });

    it("lets a province ORGANIZER work on its cities' lists, naming the region, and no further", async () => {
      const mine = await t.http().get('/api/v1/agencies?limit=200').set('Authorization', organizerJatim.token).expect(200);
      const regions = new Set(mine.body.items.map((a: { regionId: string }) => a.regionId));
      expect(regions).toEqual(new Set([r.batu.id, r.malang.id]));
      await t.http().get(`/api/v1/agencies/${malangAgency.id}`).set('Authorization', organizerJatim.token).expect(200);
      await t.http().get(`/api/v1/agencies/${balikpapanAgency.id}`).set('Authorization', organizerJatim.token).expect(404);
      await t.http().patch(`/api/v1/agencies/${balikpapanAgency.id}`).set('Authorization', organizerJatim.token).send({ headTitle: 'X' }).expect(404);
      const unnamed = await t.http().post('/api/v1/agencies').set('Authorization', organizerJatim.token).send({ name: 'Dinas Perhubungan', category: 'OPD' }).expect(400);
      expect(unnamed.body.errors[0].field).toBe('regionId');
      await t.http().post('/api/v1/agencies').set('Authorization', organizerJatim.token).send({ regionId: r.malang.id, name: 'Dinas Perhubungan', category: 'OPD' }).expect(201);
      await t.http().post('/api/v1/agencies').set('Authorization', organizerJatim.token).send({ regionId: r.balikpapan.id, name: 'Dinas Perhubungan', category: 'OPD' }).expect(404);
    });

    it('lets VIEWER and CHECKIN read their region but not write (403)', async () => {
      for (const user of [viewerBatu, checkinBatu]) {
        await t.http().get(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', user.token).expect(200);
        await t.http().get(`/api/v1/agencies/${balikpapanAgency.id}`).set('Authorization', user.token).expect(404);
        await t.http().post('/api/v1/agencies').set('Authorization', user.token).send({ name: 'Dinas Sosial', category: 'OPD' }).expect(403);
        await t.http().patch(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', user.token).send({ headTitle: 'X' }).expect(403);
        await postCsv(t, 'agencies/import', user.token, 'name,category\nDinas Sosial,OPD\n').expect(403);
      }
      const viewerList = await t.http().get('/api/v1/agencies?limit=200').set('Authorization', viewerBatu.token).expect(200);
      expect(viewerList.body.items.some((a: { id: string }) => a.id === batuAgency.id)).toBe(true);
    });

    it('shows an AGENCY_REP its own agency only, read-only', async () => {
      const rep = await createUser(t, 'AGENCY_REP', { agencyId: batuAgency.id });
      const list = await t.http().get('/api/v1/agencies').set('Authorization', rep.token).expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([batuAgency.id]);
      await t.http().get(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', rep.token).expect(200);
      const sibling = await createAgency(t, r.batu.id, 'Dinas Sosial');
      await t.http().get(`/api/v1/agencies/${sibling.id}`).set('Authorization', rep.token).expect(404);
      await t.http().patch(`/api/v1/agencies/${batuAgency.id}`).set('Authorization', rep.token).send({ headcount: { pns: 1, pppk: 0, nonAsn: 0 } }).expect(403);
      await t.http().post('/api/v1/agencies').set('Authorization', rep.token).send({ name: 'Dinas Lain', category: 'OPD' }).expect(403);
    });

    it('binds an AGENCY_REP to an existing agency within the granting organizer\'s reach', async () => {
      const granted = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', organizerBatu.token)
        .send({ email: 'rep.pariwisata@batukota.go.id', fullName: 'Rep Pariwisata', password: 'long-enough-password', role: 'AGENCY_REP', agencyId: batuAgency.id })
        .expect(201);
      expect(granted.body).toMatchObject({ regionId: r.batu.id, agencyId: batuAgency.id });
      const base = { fullName: 'Rep', password: 'long-enough-password', role: 'AGENCY_REP' };
      await t.http().post('/api/v1/users').set('Authorization', organizerBatu.token).send({ ...base, email: 'rep.x@x.id', agencyId: balikpapanAgency.id }).expect(404);
      await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ ...base, email: 'rep.y@x.id', agencyId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });
  });

  describe('CSV import', () => {
    it('imports the good rows, reports the bad ones by line and field, and upserts by name on the next run', async () => {
      const csv = [
        'name,shortName,category,headTitle,pns,pppk,nonAsn,headcountAsOf',
        'Dinas Perdagangan,Disdag,OPD,Kepala Dinas,45,3,12,2024-06-30',
        'Polres Batu,,VERTICAL,Kapolres,0,0,0,',
        'Kodim 0818,,MILITARY,Dandim,,,,', // line 4: category
        'SMAN 1 Batu,,SCHOOL,Kepala Sekolah,60,10,-2,', // line 5: nonAsn
        '"Kecamatan Bumiaji, Kota Batu",,kecamatan,Camat,30,2,5,30/06/2024',
        ',,OPD,,,,,', // line 7: name
        'Dinas Pertanian,,OPD,Kepala Dinas,lima,0,0,2024-13-01', // line 8: pns and headcountAsOf
      ].join('\n');
      const first = await postCsv(t, 'agencies/import', organizerBatu.token, csv).expect(200);
      expect(first.body.created).toBe(3);
      expect(first.body.updated).toBe(0);
      expect(first.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [4, 'category'],
        [5, 'nonAsn'],
        [7, 'name'],
        [8, 'pns'],
        [8, 'headcountAsOf'],
      ]);
      expect(first.body.errors[1].message).toBe('nonAsn must not be negative');
      const listed = await listAll(r.batu.id);
      const kecamatan = listed.items.find((a) => a.name === 'Kecamatan Bumiaji, Kota Batu');
      expect(kecamatan).toMatchObject({ category: 'KECAMATAN', headcount: { pns: 30, pppk: 2, nonAsn: 5 }, headcountAsOf: '2024-06-30' });
      expect(listed.items.some((a) => a.name === 'Kodim 0818')).toBe(false);

      // Same names in another case: updated, not duplicated; columns left out keep their values.
      const again = await postCsv(t, 'agencies/import', organizerBatu.token, 'NAME,Category,pns,pppk,nonAsn\ndinas perdagangan,OPD,50,4,10\nKodim 0818,VERTICAL,,,\n').expect(200);
      expect(again.body).toEqual({ created: 1, updated: 1, errors: [], dryRun: false, encoding: 'utf-8' });
      const after = await listAll(r.batu.id);
      const disdag = after.items.find((a) => (a.name as string).toLowerCase() === 'dinas perdagangan');
      expect(disdag).toMatchObject({ name: 'dinas perdagangan', shortName: 'Disdag', headTitle: 'Kepala Dinas', headcount: { pns: 50, pppk: 4, nonAsn: 10 }, headcountAsOf: '2024-06-30' });
      expect(after.total).toBe(listed.total + 1);
    });

    it('records each import in the audit log with its counts', async () => {
      await postCsv(t, 'agencies/import', organizerBalikpapan.token, 'name,category\nKPU Kota Balikpapan,ELECTION_BODY\nX,OPD\n').expect(200);
      const entry = (await auditEntries(t, 'agency')).find((e) => e.action === 'import' && e.regionId === r.balikpapan.id);
      expect(entry).toMatchObject({ entityId: null, actorEmail: organizerBalikpapan.email, changes: { created: 1, updated: 0, rejected: 1, atomic: false } });
    });

    it('writes nothing on a dry run but answers what a real run would', async () => {
      const before = await listAll(r.malang.id);
      const auditBefore = (await auditEntries(t, 'agency')).length;
      const csv = 'name,category\nDinas Pariwisata,OPD\nDinas Pemuda dan Olahraga,OPD\nRSUD Kanjuruhan,BUMN\n';
      const response = await postCsv(t, 'agencies/import', organizerJatim.token, csv, { regionId: r.malang.id, dryRun: true }).expect(200);
      expect(response.body).toEqual({
        created: 1,
        updated: 1,
        errors: [{ line: 4, field: 'category', message: expect.stringContaining('category must be one of') }],
        dryRun: true,
        encoding: 'utf-8',
      });
      const after = await listAll(r.malang.id);
      expect(after.items).toEqual(before.items);
      expect((await auditEntries(t, 'agency')).length).toBe(auditBefore);
    });

    it('refuses the whole file when atomic and a row is bad, and imports it all when every row is good', async () => {
      const before = await listAll(r.batu.id);
      const bad = 'name,category\nDinas Lingkungan Hidup,OPD\nDinas Koperasi,KOPERASI\n';
      const refused = await postCsv(t, 'agencies/import', organizerBatu.token, bad, { atomic: true }).expect(400);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body).toMatchObject({ created: 0, updated: 0, errors: [{ line: 3, field: 'category' }] });
      expect((await listAll(r.batu.id)).total).toBe(before.total);
      const good = 'name,category\nDinas Lingkungan Hidup,OPD\nDinas Koperasi,OPD\n';
      await postCsv(t, 'agencies/import', organizerBatu.token, good, { atomic: true }).expect(200, { created: 2, updated: 0, errors: [], dryRun: false, encoding: 'utf-8' });
    });

    it('reads a spreadsheet export: BOM, semicolons, CRLF, quoted values', async () => {
      const csv = '\ufeffname;shortName;category;headTitle\r\n"Dinas Pekerjaan Umum; Penataan Ruang";DPUPR;OPD;Kepala Dinas\r\nKelurahan Temas;;KELURAHAN;"Lurah ""Temas"""\r\n';
      const response = await postCsv(t, 'agencies/import', organizerBatu.token, csv).expect(200);
      expect(response.body).toEqual({ created: 2, updated: 0, errors: [], dryRun: false, encoding: 'utf-8' });
      const listed = await listAll(r.batu.id);
      expect(listed.items.find((a) => a.shortName === 'DPUPR')?.name).toBe('Dinas Pekerjaan Umum; Penataan Ruang');
      expect(listed.items.find((a) => a.name === 'Kelurahan Temas')?.headTitle).toBe('Lurah "Temas"');
    });

    it('accepts a multipart upload in the field "file"', async () => {
      const response = await t
        .http()
        .post(`/api/v1/agencies/import?regionId=${r.malang.id}`)
        .set('Authorization', organizerJatim.token)
        .attach('file', Buffer.from('name,category,headTitle\nDinas Kesehatan,OPD,Kepala Dinas\n'), { filename: 'opd.csv', contentType: 'text/csv' })
        .expect(200);
      expect(response.body).toEqual({ created: 1, updated: 0, errors: [], dryRun: false, encoding: 'utf-8' });
      const wrongField = await t
        .http()
        .post(`/api/v1/agencies/import?regionId=${r.malang.id}`)
        .set('Authorization', organizerJatim.token)
        .attach('upload', Buffer.from('name,category\nX,OPD\n'), 'opd.csv')
        .expect(400);
      expect(wrongField.body.errors[0].field).toBe('file');
    });

    it('links parents by name, from the list or an earlier line, and reports unknown parents and circles', async () => {
      const csv = [
        'name,category,headTitle,parentAgency',
        'Kecamatan Junrejo,KECAMATAN,Camat,',
        'Desa Tlekung,DESA,Kepala Desa,kecamatan junrejo',
        'Desa Dadaprejo,DESA,Kepala Desa,Kecamatan Junrejo',
        'Desa Pendem,DESA,Kepala Desa,Kecamatan Lain', // line 5: unknown parent
        'Desa Beji,DESA,Kepala Desa,Desa Beji', // line 6: itself
        'Kecamatan Junrejo,KECAMATAN,Camat,Desa Tlekung', // line 7: repeated, and a circle
      ].join('\n');
      const response = await postCsv(t, 'agencies/import', organizerBatu.token, csv).expect(200);
      expect(response.body.created).toBe(3);
      expect(response.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [5, 'parentAgency'],
        [6, 'parentAgency'],
        [7, 'parentAgency'],
      ]);
      const listed = await listAll(r.batu.id);
      const junrejo = listed.items.find((a) => a.name === 'Kecamatan Junrejo')!;
      expect(junrejo.parentAgencyId).toBeNull();
      expect(listed.items.filter((a) => a.parentAgencyId === junrejo.id).map((a) => a.name).sort()).toEqual(['Desa Dadaprejo', 'Desa Tlekung']);
    });

    it('reports a name repeated in the file, also across batches, on the later line', async () => {
      const rows = Array.from({ length: 700 }, (_, i) => `Sekolah Dasar Negeri ${i + 1},SCHOOL`);
      rows[650] = 'Sekolah Dasar Negeri 3,SCHOOL'; // line 652 repeats line 4, in the second batch
      rows[10] = 'SEKOLAH DASAR NEGERI 2,SCHOOL'; // line 12 repeats line 3, in the same batch
      const response = await postCsv(t, 'agencies/import', organizerBalikpapan.token, ['name,category', ...rows].join('\n')).expect(200);
      expect(response.body.created).toBe(698);
      expect(response.body.errors).toEqual([
        { line: 12, field: 'name', message: '"SEKOLAH DASAR NEGERI 2" is already on line 3 of this file' },
        { line: 652, field: 'name', message: '"Sekolah Dasar Negeri 3" is already on line 4 of this file' },
      ]);
    });

    it('rolls the whole import back when the database fails part-way through', async () => {
      // A trigger stands in for a lost connection or a bug: it fails on a row of the second batch.
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        await client.query(`CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.name = 'BOOM' THEN RAISE EXCEPTION 'simulated failure' USING ERRCODE = 'connection_failure'; END IF; RETURN NEW; END $$`);
        await client.query('CREATE TRIGGER agencies_boom BEFORE INSERT ON agencies FOR EACH ROW EXECUTE FUNCTION fail_on_boom()');
        const before = await listAll(r.malang.id);
        const rows = Array.from({ length: 600 }, (_, i) => `Posyandu ${i + 1},OTHER`);
        rows[550] = 'BOOM,OTHER';
        const response = await postCsv(t, 'agencies/import', organizerJatim.token, ['name,category', ...rows].join('\n'), { regionId: r.malang.id });
        expect(response.status).toBe(500);
        expect(JSON.stringify(response.body)).not.toContain('simulated failure');
        expect((await listAll(r.malang.id)).total).toBe(before.total);
      } finally {
        await client.query('DROP TRIGGER IF EXISTS agencies_boom ON agencies');
        await client.query('DROP FUNCTION IF EXISTS fail_on_boom()');
        await client.end();
      }
    });

    it('records each row it writes in the audit log, with the fields written, in the transaction of the import', async () => {
      const existing = await createAgency(t, r.balikpapan.id, 'Dinas Perhubungan', { shortName: 'Dishub', headcount: { pns: 40, pppk: 2, nonAsn: 9 } });
      const response = await t
        .http()
        .post('/api/v1/agencies/import')
        .set('Authorization', organizerBalikpapan.token)
        .set('Content-Type', 'text/csv')
        .set('x-request-id', 'import-audit-balikpapan')
        .send(Buffer.from('name,category,headTitle\nDINAS PERHUBUNGAN,OPD,Kepala Dinas\nKecamatan Balikpapan Barat,KECAMATAN,Camat\nX,OPD,\n'))
        .expect(200);
      expect(response.body).toMatchObject({ created: 1, updated: 1 });
      const entries = (await auditEntries(t, 'agency')).filter((entry) => entry.requestId === 'import-audit-balikpapan');
      const created = (await listAll(r.balikpapan.id)).items.find((agency) => agency.name === 'Kecamatan Balikpapan Barat')!;
      expect(entries.map((entry) => entry.action).sort()).toEqual(['import', 'import-create', 'import-update']);
      expect(entries.find((entry) => entry.action === 'import-create')).toMatchObject({
        entityId: created.id,
        regionId: r.balikpapan.id,
        actorEmail: organizerBalikpapan.email,
        changes: { name: 'Kecamatan Balikpapan Barat', shortName: null, category: 'KECAMATAN', headTitle: 'Camat', parentAgencyId: null, headcount: { pns: 0, pppk: 0, nonAsn: 0 }, headcountAsOf: null },
      });
      // An update records what the file rewrote: the columns it has, not the ones it left out.
      expect(entries.find((entry) => entry.action === 'import-update')).toMatchObject({
        entityId: existing.id,
        changes: { name: 'DINAS PERHUBUNGAN', category: 'OPD', headTitle: 'Kepala Dinas' },
      });
      expect(Object.keys(entries.find((entry) => entry.action === 'import-update')!.changes).sort()).toEqual(['category', 'headTitle', 'name']);
      expect(entries.find((entry) => entry.action === 'import')!.changes).toMatchObject({ created: 1, updated: 1, rejected: 1, encoding: 'utf-8' });
    });

    it('reads what Excel on Windows saves as plain "CSV" (Windows-1252) without mangling a letter', async () => {
      const csv = Buffer.concat([
        Buffer.from('name;shortName;category;headTitle\r\nDinas Pariwisata '),
        Buffer.from([0x93]),
        Buffer.from('Caf'),
        Buffer.from([0xe9, 0x94]),
        Buffer.from(';Disparta;OPD;Kepala Dinas\r\nKantor Kesbangpol '),
        Buffer.from([0x96]),
        Buffer.from(' Bidang Politik;;OTHER;Kepala Bidang\r\n'),
      ]);
      const response = await postCsv(t, 'agencies/import', organizerBalikpapan.token, csv).expect(200);
      expect(response.body).toEqual({ created: 2, updated: 0, errors: [], dryRun: false, encoding: 'windows-1252' });
      const names = (await listAll(r.balikpapan.id)).items.map((agency) => agency.name);
      expect(names).toEqual(expect.arrayContaining(['Dinas Pariwisata “Café”', 'Kantor Kesbangpol – Bidang Politik']));
      expect(names.some((name) => name.includes('\uFFFD'))).toBe(false);
    });

    it('never stores a character it could not read: bytes Windows-1252 does not define, NULs (row errors naming line and field), mixed encodings (400 naming the line)', async () => {
      const undefinedByte = Buffer.concat([Buffer.from('name;category\r\nDinas Sosial Balikpapan;OPD\r\nDinas '), Buffer.from([0x81]), Buffer.from('Kesehatan;OPD\r\n')]);
      const lost = await postCsv(t, 'agencies/import', organizerBalikpapan.token, undefinedByte, { dryRun: true }).expect(200);
      expect(lost.body).toEqual({
        created: 1,
        updated: 0,
        errors: [{ line: 3, field: 'name', message: expect.stringContaining('lost to a wrong encoding') }],
        dryRun: true,
        encoding: 'windows-1252',
      });

      const nul = await postCsv(t, 'agencies/import', organizerBalikpapan.token, 'name,category,headTitle\nDinas Sosial Balikpapan,OPD,Kepala\u0000Dinas\n', { dryRun: true }).expect(200);
      expect(nul.body.errors).toEqual([{ line: 2, field: 'headTitle', message: 'headTitle contains a NUL character, which cannot be stored' }]);

      const mixed = Buffer.concat([Buffer.from('name;category\r\nDinas Pariwisata “Balikpapan”;OPD\r\nDinas Sosial '), Buffer.from([0xe9]), Buffer.from(';OPD\r\n')]);
      const refused = await postCsv(t, 'agencies/import', organizerBalikpapan.token, mixed).expect(400);
      expect(refused.body).toMatchObject({ type: expect.stringContaining('csv-format'), line: 3, detail: expect.stringContaining('Line 3 is not valid UTF-8') });

      const workbook = await postCsv(t, 'agencies/import', organizerBalikpapan.token, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])).expect(400);
      expect(workbook.body.detail).toContain('.xlsx');
      expect((await listAll(r.balikpapan.id)).items.some((agency) => /Sosial|“Balikpapan”/.test(agency.name))).toBe(false);
    });

    it('refuses files it cannot read with a 400 naming the line, and other content types with 415', async () => {
      const unknownColumn = await postCsv(t, 'agencies/import', organizerBatu.token, 'name,category,budget\nDinas X,OPD,1\n').expect(400);
      expect(unknownColumn.body).toMatchObject({ line: 1, detail: expect.stringContaining('"budget"') });
      const missingCategory = await postCsv(t, 'agencies/import', organizerBatu.token, 'name,headTitle\nDinas X,Kepala\n').expect(400);
      expect(missingCategory.body.detail).toContain('category');
      const halfHeadcount = await postCsv(t, 'agencies/import', organizerBatu.token, 'name,category,pns\nDinas X,OPD,4\n').expect(400);
      expect(halfHeadcount.body.detail).toContain('pppk and nonAsn');
      await postCsv(t, 'agencies/import', organizerBatu.token, '').expect(400);
      const json = await t.http().post('/api/v1/agencies/import').set('Authorization', organizerBatu.token).send({ name: 'Dinas X' }).expect(415);
      expect(json.headers['content-type']).toMatch(/problem\+json/);
      // A CSV body sent to a JSON endpoint never reaches its validation as a stream object.
      await postCsv(t, 'agencies', organizerBatu.token, 'name,category\nDinas X,OPD\n').expect(415);
      const badFlag = await postCsv(t, 'agencies/import', organizerBatu.token, 'name,category\n', { dryRun: 'yes' }).expect(400);
      expect(badFlag.body.errors[0].field).toBe('dryRun');
      expect((await listAll(r.batu.id)).items.some((a) => a.name === 'Dinas X')).toBe(false);
    });
  });
});
