import pg from 'pg';
import { auditEntries, createAgency } from './support/directory-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** DESIGN §4's example, as the Bakesbangpol of Kota Batu would type it. */
const BATU_OFFICE = {
  government: 'PEMERINTAH KOTA BATU',
  name: 'BADAN KESATUAN BANGSA DAN POLITIK',
  address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu 65313',
  phone: '(0341) 512345',
  email: 'Bakesbangpol@BatuKota.go.id',
  website: 'bakesbangpol.batukota.go.id',
  city: 'Batu',
  signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Bakesbangpol Kota Batu', rank: 'Pembina Tingkat I (IV/b)', nip: '19700315 199703 1 006' },
};

const UNSET = { set: false, government: null, name: null, address: null, phone: null, email: null, website: null, city: null, signatory: null, updatedAt: null };

describe('office of a region (GET/PUT /regions/:id/office)', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let repBatu: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    cast = await createCast(t, r);
    const dindik = await createAgency(t, r.batu.id, 'Dinas Pendidikan Kota Batu');
    repBatu = await createUser(t, 'AGENCY_REP', { agencyId: dindik.id });
  });
  afterAll(() => t.close());

  const office = (regionId: string) => `/api/v1/regions/${regionId}/office`;
  const put = (regionId: string, token: string, body: object) => t.http().put(office(regionId)).set('Authorization', token).send(body);

  async function officeRows(regionId: string): Promise<Array<Record<string, unknown>>> {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      return (await client.query('SELECT * FROM region_offices WHERE region_id = $1', [regionId])).rows;
    } finally {
      await client.end();
    }
  }

  it('answers "not set" to everyone in reach until it is set, and 404 outside it', async () => {
    for (const token of [t.adminToken, cast.organizerBatu.token, cast.organizerJatim.token, cast.viewerBatu.token, cast.checkinBatu.token, repBatu.token]) {
      const response = await t.http().get(office(r.batu.id)).set('Authorization', token).expect(200);
      expect(response.body).toEqual({ regionId: r.batu.id, ...UNSET });
    }
    await t.http().get(office(r.batu.id)).set('Authorization', cast.organizerBalikpapan.token).expect(404);
    await t.http().get(office(r.malang.id)).set('Authorization', repBatu.token).expect(404);
    await t.http().get(office('6f1c2b7a-4c1e-4f0a-8b2d-4e6f8a1c5d3e')).set('Authorization', t.adminToken).expect(404);
    const badId = await t.http().get('/api/v1/regions/not-a-uuid/office').set('Authorization', t.adminToken).expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it("lets the region's ORGANIZER set it; every role in reach then reads it", async () => {
    const response = await put(r.batu.id, cast.organizerBatu.token, BATU_OFFICE).expect(200);
    expect(response.body).toEqual({
      regionId: r.batu.id,
      set: true,
      ...BATU_OFFICE,
      email: 'bakesbangpol@batukota.go.id',
      signatory: { ...BATU_OFFICE.signatory, nip: '197003151997031006' },
      updatedAt: expect.any(String),
    });
    for (const token of [cast.viewerBatu.token, cast.checkinBatu.token, repBatu.token, cast.organizerJatim.token]) {
      const read = await t.http().get(office(r.batu.id)).set('Authorization', token).expect(200);
      expect(read.body).toEqual(response.body);
    }
  });

  it('replaces the whole office on every PUT: optional fields left out are cleared', async () => {
    const { phone: _phone, email: _email, website: _website, ...required } = BATU_OFFICE;
    const response = await put(r.batu.id, t.adminToken, { ...required, signatory: { name: 'Plt. Kepala', position: 'Plt. Kepala Bakesbangpol Kota Batu' } }).expect(200);
    expect(response.body).toMatchObject({ set: true, phone: null, email: null, website: null, signatory: { name: 'Plt. Kepala', rank: null, nip: null } });
    expect(await officeRows(r.batu.id)).toHaveLength(1);
    await put(r.batu.id, t.adminToken, BATU_OFFICE).expect(200);
  });

  it('lets a province ORGANIZER set the office of its cities, and nobody outside reach', async () => {
    const malangOffice = { ...BATU_OFFICE, government: 'PEMERINTAH KABUPATEN MALANG', city: 'Kepanjen', signatory: { name: 'Drs. Joko Santoso, M.Si.', position: 'Kepala Bakesbangpol Kabupaten Malang' } };
    await put(r.malang.id, cast.organizerJatim.token, malangOffice).expect(200);
    await put(r.malang.id, cast.organizerBatu.token, BATU_OFFICE).expect(404);
    await put(r.balikpapan.id, cast.organizerJatim.token, BATU_OFFICE).expect(404);
    expect(await officeRows(r.balikpapan.id)).toEqual([]);
    const malang = await t.http().get(office(r.malang.id)).set('Authorization', t.adminToken).expect(200);
    expect(malang.body.government).toBe('PEMERINTAH KABUPATEN MALANG');
  });

  it('refuses VIEWER, CHECKIN and AGENCY_REP with 403, writing nothing', async () => {
    for (const token of [cast.viewerBatu.token, cast.checkinBatu.token, repBatu.token]) {
      await put(r.batu.id, token, { ...BATU_OFFICE, city: 'Malang' }).expect(403);
    }
    expect((await officeRows(r.batu.id))[0].city).toBe('Batu');
  });

  it.each([
    [{ government: '' }, 'government', 'government must be a text of 2 to 200 characters'],
    [{ name: 42 }, 'name', 'name must be a text of 2 to 200 characters'],
    [{ address: null }, 'address', 'address must be a text of 5 to 300 characters'],
    [{ city: undefined }, 'city', 'city must be a text of 2 to 100 characters'],
    [{ phone: 'call us' }, 'phone', 'phone must be a telephone number such as (0341) 512345'],
    [{ email: 'bakesbangpol' }, 'email', 'email must be an email address'],
    [{ website: 'not a website' }, 'website', 'website must be a web address such as bakesbangpol.batukota.go.id'],
    [{ signatory: undefined }, 'signatory', 'signatory must be an object: { name, position, rank?, nip? }'],
    [{ signatory: 'Drs. Heru Wahyudi' }, 'signatory', 'signatory must be an object: { name, position, rank?, nip? }'],
    [{ signatory: [BATU_OFFICE.signatory] }, 'signatory', 'signatory must be an object: { name, position, rank?, nip? }'],
    [{ signatory: { ...BATU_OFFICE.signatory, name: ' ' } }, 'signatory.name', 'signatory.name must be a text of 2 to 200 characters'],
    [{ signatory: { ...BATU_OFFICE.signatory, position: undefined } }, 'signatory.position', 'signatory.position must be a text of 2 to 200 characters'],
    // A NIP like a person's: a real birth date, a TMT month, the gender digit.
    [{ signatory: { ...BATU_OFFICE.signatory, nip: '197002301997031006' } }, 'signatory.nip', 'NIP birth date 19700230 is not a real date'],
    [{ signatory: { ...BATU_OFFICE.signatory, nip: '197003151997131006' } }, 'signatory.nip', 'NIP appointment month (TMT) must be 01–12, got 13'],
    [{ signatory: { ...BATU_OFFICE.signatory, nip: '1970031519970310' } }, 'signatory.nip', 'NIP must be 18 digits, got 16'],
    [{ signatory: { ...BATU_OFFICE.signatory, nip: 197003151997031006 } }, 'signatory.nip', 'NIP must be a string of 18 digits'],
    [{ signatory: { ...BATU_OFFICE.signatory, stamp: 'cap.png' } }, 'signatory.stamp', 'signatory.stamp is not an accepted field'],
    [{ logo: 'garuda.png' }, 'logo', 'logo is not an accepted field'],
  ])('refuses %j with one message naming %s, writing nothing', async (change, field, message) => {
    const before = await officeRows(r.batu.id);
    const response = await put(r.batu.id, t.adminToken, { ...BATU_OFFICE, ...change }).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field, message }]);
    expect(await officeRows(r.batu.id)).toEqual(before);
  });

  it('records who created and who changed the office in the audit log', async () => {
    const entries = (await auditEntries(t, 'office')).filter((e) => e.entityId === r.batu.id).reverse();
    expect(entries.map((e) => [e.action, e.actorEmail])).toEqual([
      ['create', cast.organizerBatu.email],
      ['update', 'admin@netralitas.test'],
      ['update', 'admin@netralitas.test'],
    ]);
    expect(entries[0]).toMatchObject({ regionId: r.batu.id, changes: { city: 'Batu', signatory: { nip: '197003151997031006' } } });
  });

  it('keeps one whole office when many PUTs race, the first creating it', async () => {
    const region = (await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send({ code: '35.73', name: 'Kota Malang', level: 'CITY', timezone: 'Asia/Jakarta' }).expect(201)).body;
    const bodies = Array.from({ length: 12 }, (_, i) => ({ ...BATU_OFFICE, government: 'PEMERINTAH KOTA MALANG', address: `Jalan Tugu Nomor ${i + 1}, Kota Malang`, city: `Malang ${i + 1}`, signatory: { name: `Kepala ${i + 1}`, position: `Kepala Bakesbangpol ${i + 1}` } }));
    const responses = await Promise.all(bodies.map((body) => put(region.id, t.adminToken, body)));
    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 200));
    const rows = await officeRows(region.id);
    expect(rows).toHaveLength(1);
    // Never a mix of two bodies: the address, the city and the signatory come from the same PUT.
    const winner = bodies.find((body) => body.city === rows[0].city);
    expect([rows[0].address, rows[0].signatory_name]).toEqual([winner?.address, winner?.signatory.name]);
    const actions = (await auditEntries(t, 'office')).filter((e) => e.entityId === region.id).map((e) => e.action);
    expect(actions.filter((action) => action === 'create')).toHaveLength(1);
    expect(actions).toHaveLength(bodies.length);
  });
});
