import { type AgencyRef, auditEntries, createAgency, createPerson, pnsNip, postCsv } from './support/directory-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type User = TestUser;

describe('people', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let kesbangpol: AgencyRef;
  let disdik: AgencyRef;
  let malangDinas: AgencyRef;
  let balikpapanDinas: AgencyRef;
  let organizerBatu: User;
  let organizerJatim: User;
  let organizerBalikpapan: User;
  let viewerBatu: User;
  let checkinBatu: User;
  let repKesbangpol: User;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    [kesbangpol, disdik, malangDinas, balikpapanDinas] = await Promise.all([
      createAgency(t, r.batu.id, 'Badan Kesatuan Bangsa dan Politik', { shortName: 'Bakesbangpol', headTitle: 'Kepala Badan' }),
      createAgency(t, r.batu.id, 'Dinas Pendidikan', { shortName: 'Disdik' }),
      createAgency(t, r.malang.id, 'Dinas Pendidikan'),
      createAgency(t, r.balikpapan.id, 'Dinas Pendidikan'),
    ]);
    ({ organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
    repKesbangpol = await createUser(t, 'AGENCY_REP', { agencyId: kesbangpol.id });
  });
  afterAll(() => t.close());

  const list = async (token: string, query = '') => (await t.http().get(`/api/v1/people?limit=200${query}`).set('Authorization', token).expect(200)).body;
  const fullNames = (body: { items: Array<{ fullName: string }> }) => body.items.map((p) => p.fullName).sort();

  describe('create, read, update', () => {
    it('registers a PNS with the NIP as typed, in the region of its agency, and records it', async () => {
      const response = await t
        .http()
        .post('/api/v1/people')
        .set('Authorization', organizerBatu.token)
        .send({ fullName: 'Drs. Ahmad Fauzi, M.Si.', nip: '19850312 201001 1 003', employmentType: 'PNS', position: 'Kepala Badan', agencyId: kesbangpol.id, phone: '0812-3456-7890', email: 'Ahmad.Fauzi@BatuKota.go.id' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        regionId: r.batu.id,
        fullName: 'Drs. Ahmad Fauzi, M.Si.',
        nip: '198503122010011003',
        employmentType: 'PNS',
        position: 'Kepala Badan',
        agencyId: kesbangpol.id,
        phone: '0812-3456-7890',
        email: 'ahmad.fauzi@batukota.go.id',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await t.http().get(`/api/v1/people/${response.body.id}`).set('Authorization', organizerBatu.token).expect(200, response.body);
      const entry = (await auditEntries(t, 'person')).find((e) => e.entityId === response.body.id);
      expect(entry).toMatchObject({ action: 'create', regionId: r.batu.id, changes: { nip: '198503122010011003', agencyId: kesbangpol.id } });
    });

    it('lets NON_ASN and EXTERNAL people have no NIP', async () => {
      const honorer = await createPerson(t, disdik.id, { fullName: 'Siti Aminah', employmentType: 'NON_ASN', position: 'Tenaga Administrasi' });
      expect(honorer).toMatchObject({ nip: null, position: 'Tenaga Administrasi', phone: null, email: null });
      const guest = await createPerson(t, kesbangpol.id, { fullName: 'AKBP Andi Yudha Pranata', employmentType: 'EXTERNAL', nip: '' });
      expect(guest.nip).toBeNull();
    });

    it.each([
      [{ fullName: 'Budi Santoso', employmentType: 'PNS' }, 'NIP is required for PNS employees'],
      [{ fullName: 'Budi Santoso', employmentType: 'PPPK', nip: '' }, 'NIP is required for PPPK employees'],
      [{ fullName: 'Budi Santoso', employmentType: 'PNS', nip: '19850312201001100' }, 'NIP must be 18 digits, got 17'],
      [{ fullName: 'Budi Santoso', employmentType: 'PNS', nip: '198503122010131003' }, 'NIP appointment month (TMT) must be 01–12, got 13'],
      [{ fullName: 'Budi Santoso', employmentType: 'CPNS', nip: '198502302010011003' }, 'NIP birth date 19850230 is not a real date'],
      [{ fullName: 'Budi Santoso', employmentType: 'PNS', nip: '199001012021211005' }, 'NIP appointment month (TMT) must be 01–12, got 21'],
      [{ fullName: 'Budi Santoso', employmentType: 'PNS', nip: '1.98503E+17' }, expect.stringContaining('format the NIP column as Text')],
      [{ fullName: 'Budi Santoso', employmentType: 'NON_ASN', nip: '12345' }, 'NIP must be 18 digits, got 5'],
    ])('refuses %j with a 400 on nip', async (body, message) => {
      const response = await t.http().post('/api/v1/people').set('Authorization', organizerBatu.token).send({ agencyId: disdik.id, ...body }).expect(400);
      expect(response.body.errors).toEqual([{ field: 'nip', message }]);
    });

    it.each([
      [{ fullName: 'Budi', employmentType: 'HONORER' }, 'employmentType'],
      [{ fullName: 'B', employmentType: 'NON_ASN' }, 'fullName'],
      [{ fullName: 'Budi', employmentType: 'NON_ASN', email: 'budi@' }, 'email'],
      [{ fullName: 'Budi', employmentType: 'NON_ASN', phone: 'call me' }, 'phone'],
      [{ fullName: 'Budi', employmentType: 'NON_ASN', agencyId: 'disdik' }, 'agencyId'],
      [{ fullName: 'Budi', employmentType: 'NON_ASN', regionId: '00000000-0000-4000-8000-000000000000' }, 'regionId'],
      [{ fullName: 'Budi', employmentType: 'NON_ASN', gender: 'M' }, 'gender'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const response = await t.http().post('/api/v1/people').set('Authorization', organizerBatu.token).send({ agencyId: disdik.id, ...body }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a NIP already registered in the region with 409 naming who has it', async () => {
      const first = await createPerson(t, disdik.id, { fullName: 'Dra. Lilik Suharti', nip: '197001152000032004', employmentType: 'PNS' });
      const duplicate = await t
        .http()
        .post('/api/v1/people')
        .set('Authorization', organizerBatu.token)
        .send({ fullName: 'Lilik S.', nip: '19700115 200003 2 004', employmentType: 'PNS', agencyId: kesbangpol.id })
        .expect(409);
      expect(duplicate.headers['content-type']).toMatch(/problem\+json/);
      expect(duplicate.body).toMatchObject({
        status: 409,
        detail: `NIP 197001152000032004 is already registered to Dra. Lilik Suharti (${first.id})`,
        existingPersonId: first.id,
        errors: [{ field: 'nip', message: 'is already registered' }],
      });
      // Unique within a region only: Balikpapan keeps its own roster.
      await createPerson(t, balikpapanDinas.id, { fullName: 'Lilik Suharti', nip: '197001152000032004', employmentType: 'PNS' });
      // Changing someone else's NIP to it is refused too.
      const other = await createPerson(t, disdik.id, { fullName: 'Bambang Irawan', nip: '197203102001121001', employmentType: 'PNS' });
      const patched = await t.http().patch(`/api/v1/people/${other.id}`).set('Authorization', organizerBatu.token).send({ nip: '197001152000032004' }).expect(409);
      expect(patched.body.existingPersonId).toBe(first.id);
    });

    it('checks the NIP against the resulting employment type on update, and records changes', async () => {
      const person = await createPerson(t, disdik.id, { fullName: 'Rina Wulandari, S.Pd.', nip: '199107222019032011', employmentType: 'PNS', position: 'Guru' });
      const toNonAsn = await t.http().patch(`/api/v1/people/${person.id}`).set('Authorization', organizerBatu.token).send({ employmentType: 'NON_ASN', nip: null }).expect(200);
      expect(toNonAsn.body).toMatchObject({ employmentType: 'NON_ASN', nip: null });
      const backToPns = await t.http().patch(`/api/v1/people/${person.id}`).set('Authorization', organizerBatu.token).send({ employmentType: 'PNS' }).expect(400);
      expect(backToPns.body.errors).toEqual([{ field: 'nip', message: 'NIP is required for PNS employees' }]);
      const badNip = await t.http().patch(`/api/v1/people/${person.id}`).set('Authorization', organizerBatu.token).send({ nip: '199107222019132011', employmentType: 'PNS' }).expect(400);
      expect(badNip.body.errors[0]).toEqual({ field: 'nip', message: 'NIP appointment month (TMT) must be 01–12, got 13' });
      const fixed = await t
        .http()
        .patch(`/api/v1/people/${person.id}`)
        .set('Authorization', organizerBatu.token)
        .send({ nip: '199107222019032011', employmentType: 'PNS', position: 'Guru Ahli Pertama', phone: null })
        .expect(200);
      expect(fixed.body).toMatchObject({ nip: '199107222019032011', employmentType: 'PNS', position: 'Guru Ahli Pertama', phone: null });
      const entries = (await auditEntries(t, 'person')).filter((e) => e.entityId === person.id && e.action === 'update');
      // Only what changed: the phone was empty already.
      expect(entries[0].changes).toEqual({ nip: '199107222019032011', employmentType: 'PNS', position: 'Guru Ahli Pertama' });
      await t.http().patch(`/api/v1/people/${person.id}`).set('Authorization', organizerBatu.token).send({ fullName: null }).expect(400);
      await t.http().patch(`/api/v1/people/${person.id}`).set('Authorization', organizerBatu.token).send({ regionId: r.malang.id }).expect(400);
    });

    it('searches by part of the name or the start of the NIP, and filters by agency', async () => {
      await createPerson(t, kesbangpol.id, { fullName: 'Drs. Budi Santoso, M.M.', nip: '196805041994031008', employmentType: 'PNS' });
      await createPerson(t, disdik.id, { fullName: 'Budiarti Ningsih', nip: '196805211994032002', employmentType: 'PNS' });
      expect(fullNames(await list(organizerBatu.token, '&q=budi'))).toEqual(['Budiarti Ningsih', 'Drs. Budi Santoso, M.M.']);
      expect(fullNames(await list(organizerBatu.token, '&q=19680504'))).toEqual(['Drs. Budi Santoso, M.M.']);
      expect(fullNames(await list(organizerBatu.token, '&q=196805%202'))).toEqual(['Budiarti Ningsih']);
      expect(fullNames(await list(organizerBatu.token, `&q=budi&agencyId=${disdik.id}`))).toEqual(['Budiarti Ningsih']);
      expect((await list(organizerBatu.token, '&q=_')).total).toBe(0);
      const byAgency = await list(organizerBatu.token, `&agencyId=${kesbangpol.id}`);
      expect(byAgency.items.every((p: { agencyId: string }) => p.agencyId === kesbangpol.id)).toBe(true);
      await t.http().get('/api/v1/people?agencyId=nope').set('Authorization', organizerBatu.token).expect(400);
    });
  });

  describe('tenancy and roles', () => {
    let batuPerson: { id: string };
    let malangPerson: { id: string };
    let balikpapanPerson: { id: string };
    beforeAll(async () => {
      batuPerson = await createPerson(t, disdik.id, { fullName: 'Agus Prasetyo', nip: '198001012005011001', employmentType: 'PNS' });
      malangPerson = await createPerson(t, malangDinas.id, { fullName: 'Dewi Lestari', nip: '198202022006042002', employmentType: 'PNS' });
      balikpapanPerson = await createPerson(t, balikpapanDinas.id, { fullName: 'Yusuf Kalla', nip: '198303032007031003', employmentType: 'PNS' });
    });

    it("answers 404 for another region's people and agencies, for reads and writes alike", async () => {
      await t.http().get(`/api/v1/people/${batuPerson.id}`).set('Authorization', organizerBalikpapan.token).expect(404);
      await t.http().patch(`/api/v1/people/${batuPerson.id}`).set('Authorization', organizerBalikpapan.token).send({ position: 'X' }).expect(404);
      await t.http().post('/api/v1/people').set('Authorization', organizerBalikpapan.token).send({ fullName: 'Penyusup', employmentType: 'NON_ASN', agencyId: disdik.id }).expect(404);
      await t.http().patch(`/api/v1/people/${balikpapanPerson.id}`).set('Authorization', organizerBalikpapan.token).send({ agencyId: disdik.id }).expect(404);
      await t.http().get(`/api/v1/people?agencyId=${disdik.id}`).set('Authorization', organizerBalikpapan.token).expect(404);
      await postCsv(t, 'people/import', organizerBalikpapan.token, 'fullName,employmentType,agency\nX Y,NON_ASN,Dinas Pendidikan\n', { regionId: r.batu.id }).expect(404);
      const own = await list(organizerBalikpapan.token);
      expect(own.items.every((p: { regionId: string }) => p.regionId === r.balikpapan.id)).toBe(true);
      const unchanged = await t.http().get(`/api/v1/people/${batuPerson.id}`).set('Authorization', t.adminToken).expect(200);
      expect(unchanged.body.position).toBeNull();
    });

    it("lets a province ORGANIZER reach its cities' people and move them between its cities' agencies", async () => {
      const mine = await list(organizerJatim.token);
      expect(new Set(mine.items.map((p: { regionId: string }) => p.regionId))).toEqual(new Set([r.batu.id, r.malang.id]));
      await t.http().get(`/api/v1/people/${malangPerson.id}`).set('Authorization', organizerJatim.token).expect(200);
      await t.http().get(`/api/v1/people/${balikpapanPerson.id}`).set('Authorization', organizerJatim.token).expect(404);
      const moved = await t.http().patch(`/api/v1/people/${malangPerson.id}`).set('Authorization', organizerJatim.token).send({ agencyId: disdik.id }).expect(200);
      expect(moved.body).toMatchObject({ agencyId: disdik.id, regionId: r.batu.id });
      await t.http().patch(`/api/v1/people/${malangPerson.id}`).set('Authorization', organizerJatim.token).send({ agencyId: balikpapanDinas.id }).expect(404);
    });

    it('lets door staff (CHECKIN) look people up but not change them; VIEWERs do not see the roster', async () => {
      const found = await list(checkinBatu.token, '&q=198001');
      expect(fullNames(found)).toEqual(['Agus Prasetyo']);
      await t.http().get(`/api/v1/people/${batuPerson.id}`).set('Authorization', checkinBatu.token).expect(200);
      await t.http().get(`/api/v1/people/${balikpapanPerson.id}`).set('Authorization', checkinBatu.token).expect(404);
      await t.http().post('/api/v1/people').set('Authorization', checkinBatu.token).send({ fullName: 'Tamu', employmentType: 'EXTERNAL', agencyId: disdik.id }).expect(403);
      await t.http().patch(`/api/v1/people/${batuPerson.id}`).set('Authorization', checkinBatu.token).send({ position: 'X' }).expect(403);
      await t.http().get('/api/v1/people').set('Authorization', viewerBatu.token).expect(403);
      await t.http().get(`/api/v1/people/${batuPerson.id}`).set('Authorization', viewerBatu.token).expect(403);
      await t.http().post('/api/v1/people').set('Authorization', viewerBatu.token).send({ fullName: 'Tamu', employmentType: 'EXTERNAL', agencyId: disdik.id }).expect(403);
      await postCsv(t, 'people/import', viewerBatu.token, 'fullName,employmentType,agency\nX Y,NON_ASN,Dinas Pendidikan\n').expect(403);
    });

    it("keeps an AGENCY_REP to its own agency's people: reads and adds them, nobody else's (404)", async () => {
      const added = await createPerson(t, kesbangpol.id, { fullName: 'Hendra Gunawan', nip: '198807142010011002', employmentType: 'PNS', position: 'Analis Kebijakan' }, repKesbangpol.token);
      expect(added.regionId).toBe(r.batu.id);
      const own = await list(repKesbangpol.token);
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((p: { agencyId: string }) => p.agencyId === kesbangpol.id)).toBe(true);
      await t.http().get(`/api/v1/people/${added.id}`).set('Authorization', repKesbangpol.token).expect(200);
      await t.http().patch(`/api/v1/people/${added.id}`).set('Authorization', repKesbangpol.token).send({ phone: '0341 512345' }).expect(200);
      await t.http().get(`/api/v1/people/${batuPerson.id}`).set('Authorization', repKesbangpol.token).expect(404);
      await t.http().patch(`/api/v1/people/${batuPerson.id}`).set('Authorization', repKesbangpol.token).send({ position: 'X' }).expect(404);
      await t.http().get(`/api/v1/people?agencyId=${disdik.id}`).set('Authorization', repKesbangpol.token).expect(404);
      await t.http().post('/api/v1/people').set('Authorization', repKesbangpol.token).send({ fullName: 'Titipan', employmentType: 'NON_ASN', agencyId: disdik.id }).expect(404);
      await t.http().patch(`/api/v1/people/${added.id}`).set('Authorization', repKesbangpol.token).send({ agencyId: disdik.id }).expect(404);
      await postCsv(t, 'people/import', repKesbangpol.token, 'fullName,employmentType,agency\nX Y,NON_ASN,Bakesbangpol\n').expect(403);
      // The NIP of someone in another agency: refused, without saying who.
      const duplicate = await t
        .http()
        .post('/api/v1/people')
        .set('Authorization', repKesbangpol.token)
        .send({ fullName: 'Agus P.', nip: '198001012005011001', employmentType: 'PNS', agencyId: kesbangpol.id })
        .expect(409);
      expect(duplicate.body).not.toHaveProperty('existingPersonId');
      expect(duplicate.body.detail).not.toContain('Agus Prasetyo');
      expect(duplicate.body.errors).toEqual([{ field: 'nip', message: 'is already registered' }]);
    });
  });

  describe('CSV import', () => {
    const header = 'fullName,nip,employmentType,position,agency,phone,email';

    it('imports the good rows and reports the bad ones by line and field', async () => {
      const csv = [
        header,
        'Drs. Sugeng Riyadi,196501011990031005,PNS,Sekretaris,Dinas Pendidikan,081234567890,sugeng@batukota.go.id',
        'Wahyu Hidayat,199403152022211001,PPPK,Guru,disdik,,', // line 3: agency by short name is not a match
        `Nur Aini,,NON_ASN,Staf,${disdik.id},,`,
        'Eko Purnomo,,PNS,Staf,Dinas Pendidikan,,', // line 5: NIP required
        'Fajar Nugroho,19880230 201503 1 001,CPNS,Staf,Dinas Pendidikan,,', // line 6: birth date
        'Gita Permata,199511112020122003,HONORER,Staf,Dinas Pendidikan,,', // line 7: employment type
        'Hadi Susilo,199002022015031002,pns,Staf,Dinas Pertanian,,', // line 8: unknown agency
        'Indah Sari,199303032018012001,PNS,Staf,BADAN KESATUAN BANGSA DAN POLITIK,,indah@', // line 9: email
        'Joko Widodo,,external,Tamu,Badan Kesatuan Bangsa dan Politik,,',
      ].join('\n');
      const response = await postCsv(t, 'people/import', organizerBatu.token, csv).expect(200);
      expect(response.body.created).toBe(3);
      expect(response.body.updated).toBe(0);
      expect(response.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [3, 'agency'],
        [5, 'nip'],
        [6, 'nip'],
        [7, 'employmentType'],
        [8, 'agency'],
        [9, 'email'],
      ]);
      expect(response.body.errors[1].message).toBe('NIP is required for PNS employees');
      expect(response.body.errors[2].message).toBe('NIP birth date 19880230 is not a real date');
      const imported = await list(organizerBatu.token, '&q=Nur%20Aini');
      expect(imported.items).toEqual([expect.objectContaining({ fullName: 'Nur Aini', nip: null, employmentType: 'NON_ASN', agencyId: disdik.id, regionId: r.batu.id })]);
      const guest = await list(organizerBatu.token, '&q=Joko%20Widodo');
      expect(guest.items[0]).toMatchObject({ employmentType: 'EXTERNAL', agencyId: kesbangpol.id });
      const entry = (await auditEntries(t, 'person')).find((e) => e.action === 'import');
      expect(entry).toMatchObject({ regionId: r.batu.id, actorEmail: organizerBatu.email, changes: { created: 3, updated: 0, rejected: 6, atomic: false } });
    });

    it('updates by NIP (moving the person to the agency of the row), and matches people without a NIP by agency and name', async () => {
      const existing = await createPerson(t, kesbangpol.id, { fullName: 'Kartika Sari', nip: '198909092014022001', employmentType: 'PNS', phone: '0811-1234-567', email: 'kartika@batukota.go.id' });
      const honorer = await createPerson(t, disdik.id, { fullName: 'Lukman Hakim', employmentType: 'NON_ASN', position: 'Penjaga Sekolah' });
      const csv = [
        'fullName;nip;employmentType;position;agency',
        'Kartika Sari, S.E.;198909092014022001;PNS;Kepala Subbagian Umum;Dinas Pendidikan',
        'LUKMAN HAKIM;;NON_ASN;Satpam;Dinas Pendidikan',
        'Lukman Hakim;;NON_ASN;Penjaga;Badan Kesatuan Bangsa dan Politik',
      ].join('\r\n');
      const response = await postCsv(t, 'people/import', organizerBatu.token, `\ufeff${csv}\r\n`).expect(200);
      expect(response.body).toEqual({ created: 1, updated: 2, errors: [], dryRun: false, encoding: 'utf-8' });
      const kartika = await t.http().get(`/api/v1/people/${existing.id}`).set('Authorization', organizerBatu.token).expect(200);
      // Columns left out of the file (phone, email) keep their values.
      expect(kartika.body).toMatchObject({ fullName: 'Kartika Sari, S.E.', agencyId: disdik.id, position: 'Kepala Subbagian Umum', phone: '0811-1234-567', email: 'kartika@batukota.go.id' });
      const lukman = await t.http().get(`/api/v1/people/${honorer.id}`).set('Authorization', organizerBatu.token).expect(200);
      expect(lukman.body).toMatchObject({ fullName: 'LUKMAN HAKIM', position: 'Satpam', agencyId: disdik.id });
      const lukmans = await list(organizerBatu.token, '&q=lukman%20hakim');
      expect(lukmans.items.map((p: { agencyId: string }) => p.agencyId).sort()).toEqual([disdik.id, kesbangpol.id].sort());
      // The same file again creates nobody.
      await postCsv(t, 'people/import', organizerBatu.token, `\ufeff${csv}\r\n`).expect(200, { created: 0, updated: 3, errors: [], dryRun: false, encoding: 'utf-8' });
    });

    it('reports a person repeated in the file on the later line, also across batches', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => `Pegawai ${i},${pnsNip(i)},PNS,Staf,Dinas Pendidikan,,`);
      rows[1100] = `Pegawai Ganda,${pnsNip(7)},PNS,Staf,Dinas Pendidikan,,`; // line 1102 repeats line 9, two batches earlier
      rows[1101] = 'Honorer Ganda,,NON_ASN,Staf,Dinas Pendidikan,,';
      rows[1102] = 'honorer ganda,,NON_ASN,Staf,Dinas Pendidikan,,'; // line 1104 repeats line 1103
      // "Dinas Pendidikan" resolves within the import's region: Malang's own.
      const response = await postCsv(t, 'people/import', organizerJatim.token, [header, ...rows].join('\n'), { regionId: r.malang.id }).expect(200);
      expect(response.body).toEqual({
        created: 1198,
        updated: 0,
        errors: [
          { line: 1102, field: 'nip', message: `NIP ${pnsNip(7)} is already on line 9 of this file` },
          { line: 1104, field: 'fullName', message: 'honorer ganda of this agency, without a NIP, is already on line 1103 of this file' },
        ],
        dryRun: false,
        encoding: 'utf-8',
      });
      const imported = await list(organizerJatim.token, `&agencyId=${malangDinas.id}&q=${pnsNip(7)}`);
      expect(imported.items).toEqual([expect.objectContaining({ fullName: 'Pegawai 7', regionId: r.malang.id })]);
    });

    it('writes nothing on a dry run, and nothing at all when atomic and a row is bad', async () => {
      const before = await list(t.adminToken, `&regionId=${r.balikpapan.id}`);
      const csv = [header, `Rahmat Hidayat,${pnsNip(5001)},PNS,Staf,Dinas Pendidikan,,`, `Sri Mulyani,${pnsNip(5002)},PNS,Staf,Dinas Pendidikan,,`, 'Tanpa NIP,,PNS,Staf,Dinas Pendidikan,,'].join('\n');
      const dry = await postCsv(t, 'people/import', organizerBalikpapan.token, csv, { dryRun: true }).expect(200);
      expect(dry.body).toEqual({ created: 2, updated: 0, errors: [{ line: 4, field: 'nip', message: 'NIP is required for PNS employees' }], dryRun: true, encoding: 'utf-8' });
      expect((await list(t.adminToken, `&regionId=${r.balikpapan.id}`)).total).toBe(before.total);
      const atomic = await postCsv(t, 'people/import', organizerBalikpapan.token, csv, { atomic: true }).expect(400);
      expect(atomic.body).toMatchObject({ created: 0, updated: 0, errors: [{ line: 4, field: 'nip' }] });
      expect((await list(t.adminToken, `&regionId=${r.balikpapan.id}`)).total).toBe(before.total);
      const fixed = csv.replace('Tanpa NIP,,PNS', 'Tanpa NIP,,NON_ASN');
      await postCsv(t, 'people/import', organizerBalikpapan.token, fixed, { atomic: true }).expect(200, { created: 3, updated: 0, errors: [], dryRun: false, encoding: 'utf-8' });
      expect((await list(t.adminToken, `&regionId=${r.balikpapan.id}`)).total).toBe(before.total + 3);
    });

    it('reads UTF-16 files with a byte order mark, little- and big-endian', async () => {
      const text = (name: string) => `fullName;employmentType;agency\r\n${name};NON_ASN;Dinas Pendidikan\r\n`;
      const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('Ni Luh Putu Śrī Dévi'), 'utf16le')]);
      const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text('I Gusti Ayu Ṣaraswatī'), 'utf16le').swap16()]);
      await postCsv(t, 'people/import', organizerBalikpapan.token, little).expect(200, { created: 1, updated: 0, errors: [], dryRun: false, encoding: 'utf-16le' });
      await postCsv(t, 'people/import', organizerBalikpapan.token, big).expect(200, { created: 1, updated: 0, errors: [], dryRun: false, encoding: 'utf-16be' });
      const names = fullNames(await list(organizerBalikpapan.token, `&agencyId=${balikpapanDinas.id}`));
      expect(names).toEqual(expect.arrayContaining(['I Gusti Ayu Ṣaraswatī', 'Ni Luh Putu Śrī Dévi']));
    });

    it('records each person it writes in the audit log: all fields when created, the columns of the file when updated', async () => {
      const existing = await createPerson(t, malangDinas.id, { fullName: 'Bambang Sutejo', nip: pnsNip(9001), employmentType: 'PNS', phone: '0812-0000-111' });
      const csv = ['fullName,nip,employmentType,position,agency', `Bambang Sutejo S.Sos.,${pnsNip(9001)},PNS,Sekretaris,Dinas Pendidikan`, 'Siti Rohmah,,NON_ASN,Staf,Dinas Pendidikan'].join('\n');
      const response = await t
        .http()
        .post(`/api/v1/people/import?regionId=${r.malang.id}`)
        .set('Authorization', organizerJatim.token)
        .set('Content-Type', 'text/csv')
        .set('x-request-id', 'import-audit-malang')
        .send(Buffer.from(csv))
        .expect(200);
      expect(response.body).toMatchObject({ created: 1, updated: 1 });
      const entries = (await auditEntries(t, 'person')).filter((entry) => entry.requestId === 'import-audit-malang');
      const siti = (await list(organizerJatim.token, '&q=Siti%20Rohmah')).items[0];
      expect(entries.find((entry) => entry.action === 'import-create')).toMatchObject({
        entityId: siti.id,
        regionId: r.malang.id,
        changes: { fullName: 'Siti Rohmah', nip: null, employmentType: 'NON_ASN', position: 'Staf', agencyId: malangDinas.id, phone: null, email: null },
      });
      const update = entries.find((entry) => entry.action === 'import-update')!;
      expect(update).toMatchObject({ entityId: existing.id, actorEmail: organizerJatim.email });
      expect(update.changes).toEqual({ fullName: 'Bambang Sutejo S.Sos.', nip: pnsNip(9001), employmentType: 'PNS', agencyId: malangDinas.id, position: 'Sekretaris' });
      expect(entries.filter((entry) => entry.action === 'import')).toHaveLength(1);
    });

    it('accepts a multipart upload in the field "file"', async () => {
      const response = await t
        .http()
        .post('/api/v1/people/import')
        .set('Authorization', organizerBatu.token)
        .attach('file', Buffer.from(`fullName,employmentType,agency\nUmar Said,EXTERNAL,${kesbangpol.id}\n`), { filename: 'peserta.csv', contentType: 'text/csv' })
        .expect(200);
      expect(response.body).toEqual({ created: 1, updated: 0, errors: [], dryRun: false, encoding: 'utf-8' });
    });
  });
});
