import { createCast, createRegions, createUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('regions and users: roles and tenancy', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let organizerBatu: Awaited<ReturnType<typeof createUser>>;
  let organizerJatim: Awaited<ReturnType<typeof createUser>>;
  let organizerBalikpapan: Awaited<ReturnType<typeof createUser>>;
  let viewerBatu: Awaited<ReturnType<typeof createUser>>;
  let checkinBatu: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
  });
  afterAll(() => t.close());

  const codes = (body: { items: Array<{ code: string }> }) => body.items.map((i) => i.code).sort();

  describe('regions', () => {
    it('ADMIN sees every region; a city user sees its own; a province user sees the province and its cities', async () => {
      const all = await t.http().get('/api/v1/regions').set('Authorization', t.adminToken).expect(200);
      expect(codes(all.body)).toEqual(['35', '35.07', '35.79', '64', '64.71']);
      expect(all.body).toMatchObject({ total: 5, limit: 50, offset: 0 });
      const city = await t.http().get('/api/v1/regions').set('Authorization', organizerBatu.token).expect(200);
      expect(codes(city.body)).toEqual(['35.79']);
      const province = await t.http().get('/api/v1/regions').set('Authorization', organizerJatim.token).expect(200);
      expect(codes(province.body)).toEqual(['35', '35.07', '35.79']);
    });

    it('answers 404, not 403, for a region outside the caller\'s reach', async () => {
      await t.http().get(`/api/v1/regions/${r.balikpapan.id}`).set('Authorization', organizerBatu.token).expect(404);
      await t.http().get(`/api/v1/regions/${r.batu.id}`).set('Authorization', organizerBalikpapan.token).expect(404);
      await t.http().get(`/api/v1/regions/${r.malang.id}`).set('Authorization', organizerJatim.token).expect(200);
      await t.http().get(`/api/v1/regions/${r.balikpapan.id}`).set('Authorization', organizerJatim.token).expect(404);
    });

    it('lets only ADMIN create and change regions', async () => {
      const body = { code: '35.73', name: 'Kota Malang', level: 'CITY', timezone: 'Asia/Jakarta' };
      for (const user of [organizerBatu, viewerBatu, checkinBatu]) {
        await t.http().post('/api/v1/regions').set('Authorization', user.token).send(body).expect(403);
      }
      await t.http().patch(`/api/v1/regions/${r.batu.id}`).set('Authorization', organizerBatu.token).send({ name: 'X' }).expect(403);
      const created = await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send(body).expect(201);
      expect(created.body).toMatchObject({ code: '35.73', level: 'CITY', parentId: r.jatim.id, timezone: 'Asia/Jakarta' });
      const renamed = await t.http().patch(`/api/v1/regions/${created.body.id}`).set('Authorization', t.adminToken).send({ name: 'Kota Malang (Jatim)' }).expect(200);
      expect(renamed.body.name).toBe('Kota Malang (Jatim)');
    });

    it.each([
      [{ code: '3579', name: 'Kota Contoh', level: 'CITY', timezone: 'Asia/Jakarta' }, 'code'],
      [{ code: '35.12', name: 'Kota Contoh', level: 'CITY', timezone: 'Asia/Jakarta' }, 'code'],
      [{ code: '35.80', name: 'Kota Contoh', level: 'REGENCY', timezone: 'Asia/Jakarta' }, 'code'],
      [{ code: '36.71', name: 'Kota Contoh', level: 'CITY', timezone: 'Asia/Jakarta' }, 'code'],
      [{ code: '35.81', name: 'Kota Contoh', level: 'CITY', timezone: 'Europe/Berlin' }, 'timezone'],
      [{ code: '35.81', name: 'Kota Contoh', level: 'TOWN', timezone: 'Asia/Jakarta' }, 'level'],
      [{ code: '35.81', name: 'Kota Contoh', level: 'CITY', timezone: 'Asia/Jakarta', parentId: 'not-a-uuid' }, 'parentId'],
      [{ code: '35.81', name: 'Kota Contoh', level: 'CITY', timezone: 'Asia/Jakarta', population: 1 }, 'population'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const response = await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a duplicate code with 409', async () => {
      const response = await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send({ code: '35.79', name: 'Batu again', level: 'CITY', timezone: 'Asia/Jakarta' }).expect(409);
      expect(response.body.errors).toEqual([{ field: 'code', message: 'is already used' }]);
    });
  });

  describe('users', () => {
    it('keeps VIEWER, CHECKIN and AGENCY_REP away from user management', async () => {
      await t.http().get('/api/v1/users').set('Authorization', viewerBatu.token).expect(403);
      await t.http().get('/api/v1/users').set('Authorization', checkinBatu.token).expect(403);
      await t.http().post('/api/v1/users').set('Authorization', checkinBatu.token).send({}).expect(403);
    });

    it('lists only the users in the caller\'s reach', async () => {
      const list = await t.http().get('/api/v1/users?limit=200').set('Authorization', organizerBatu.token).expect(200);
      const emails = list.body.items.map((u: { email: string }) => u.email);
      expect(emails).toEqual(expect.arrayContaining([organizerBatu.email, viewerBatu.email, checkinBatu.email]));
      expect(emails).not.toContain(organizerBalikpapan.email);
      expect(emails).not.toContain(organizerJatim.email);
      const province = await t.http().get('/api/v1/users?limit=200').set('Authorization', organizerJatim.token).expect(200);
      expect(province.body.items.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([organizerBatu.email, organizerJatim.email]));
      for (const item of list.body.items) expect(item).not.toHaveProperty('passwordHash');
    });

    it('answers 404 for another tenant\'s user, on read and on write', async () => {
      await t.http().get(`/api/v1/users/${organizerBalikpapan.id}`).set('Authorization', organizerBatu.token).expect(404);
      await t.http().patch(`/api/v1/users/${organizerBalikpapan.id}`).set('Authorization', organizerBatu.token).send({ fullName: 'Hijacked' }).expect(404);
      const unchanged = await t.http().get(`/api/v1/users/${organizerBalikpapan.id}`).set('Authorization', t.adminToken).expect(200);
      expect(unchanged.body.fullName).toBe('Test ORGANIZER');
    });

    it('lets an ORGANIZER create door staff in its own region only, and no organizers or admins', async () => {
      const body = { email: 'pintu1@batukota.go.id', fullName: 'Petugas Pintu 1', password: 'pintu-password-1', role: 'CHECKIN', regionId: r.batu.id };
      const created = await t.http().post('/api/v1/users').set('Authorization', organizerBatu.token).send(body).expect(201);
      expect(created.body).toMatchObject({ role: 'CHECKIN', regionId: r.batu.id, active: true });
      await t.http().post('/api/v1/users').set('Authorization', organizerBatu.token).send({ ...body, email: 'pintu2@balikpapan.go.id', regionId: r.balikpapan.id }).expect(404);
      await t.http().post('/api/v1/users').set('Authorization', organizerBatu.token).send({ ...body, email: 'boss@batukota.go.id', role: 'ORGANIZER' }).expect(403);
      await t.http().post('/api/v1/users').set('Authorization', organizerBatu.token).send({ ...body, email: 'root@batukota.go.id', role: 'ADMIN', regionId: undefined }).expect(403);
    });

    it('checks each role\'s binding', async () => {
      const base = { fullName: 'X Y', password: 'long-enough-password' };
      const missingRegion = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ ...base, email: 'a@x.id', role: 'VIEWER' }).expect(400);
      expect(missingRegion.body.errors).toEqual([{ field: 'regionId', message: 'regionId is required for a VIEWER' }]);
      const adminWithRegion = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ ...base, email: 'b@x.id', role: 'ADMIN', regionId: r.batu.id }).expect(400);
      expect(adminWithRegion.body.errors[0].field).toBe('regionId');
      const repWithoutAgency = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ ...base, email: 'c@x.id', role: 'AGENCY_REP', regionId: r.batu.id }).expect(400);
      expect(repWithoutAgency.body.errors[0].field).toBe('agencyId');
      const shortPassword = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ ...base, password: 'short', email: 'd@x.id', role: 'VIEWER', regionId: r.batu.id }).expect(400);
      expect(shortPassword.body.errors[0].field).toBe('password');
      const badRole = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ ...base, email: 'e@x.id', role: 'MAYOR', regionId: r.batu.id }).expect(400);
      expect(badRole.body.errors[0].field).toBe('role');
    });

    it('refuses a duplicate email, whatever its case, with 409', async () => {
      const response = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ email: organizerBatu.email.toUpperCase(), fullName: 'Dup', password: 'long-enough-password', role: 'VIEWER', regionId: r.batu.id }).expect(409);
      expect(response.body.errors).toEqual([{ field: 'email', message: 'is already registered' }]);
    });

    it('moves a user between roles and regions, and the new binding applies at once', async () => {
      const user = await createUser(t, 'VIEWER', { regionId: r.batu.id });
      await t.http().get(`/api/v1/regions/${r.balikpapan.id}`).set('Authorization', user.token).expect(404);
      const moved = await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', t.adminToken).send({ role: 'ORGANIZER', regionId: r.balikpapan.id }).expect(200);
      expect(moved.body).toMatchObject({ role: 'ORGANIZER', regionId: r.balikpapan.id });
      await t.http().get(`/api/v1/regions/${r.balikpapan.id}`).set('Authorization', user.token).expect(200);
      await t.http().get(`/api/v1/regions/${r.batu.id}`).set('Authorization', user.token).expect(404);
      const toAdmin = await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', t.adminToken).send({ role: 'ADMIN' }).expect(200);
      expect(toAdmin.body).toMatchObject({ role: 'ADMIN', regionId: null, agencyId: null });
    });

    it('keeps the region when the role changes between region-bound roles', async () => {
      const user = await createUser(t, 'CHECKIN', { regionId: r.batu.id });
      const viewer = await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', t.adminToken).send({ role: 'VIEWER' }).expect(200);
      expect(viewer.body).toMatchObject({ role: 'VIEWER', regionId: r.batu.id, agencyId: null });
      const organizer = await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', t.adminToken).send({ role: 'ORGANIZER' }).expect(200);
      expect(organizer.body).toMatchObject({ role: 'ORGANIZER', regionId: r.batu.id });
      // Leaving the region-bound roles still needs the new binding.
      const door = await createUser(t, 'CHECKIN', { regionId: r.batu.id });
      const kominfo = await t.http().post('/api/v1/agencies').set('Authorization', t.adminToken).send({ regionId: r.batu.id, name: 'Dinas Kominfo', category: 'OPD' }).expect(201);
      const rep = await t.http().patch(`/api/v1/users/${door.id}`).set('Authorization', organizerBatu.token).send({ role: 'AGENCY_REP' }).expect(400);
      expect(rep.body.errors).toEqual([{ field: 'agencyId', message: 'agencyId is required for an AGENCY_REP' }]);
      const bound = await t.http().patch(`/api/v1/users/${door.id}`).set('Authorization', organizerBatu.token).send({ role: 'AGENCY_REP', agencyId: kominfo.body.id }).expect(200);
      expect(bound.body).toMatchObject({ role: 'AGENCY_REP', regionId: r.batu.id, agencyId: kominfo.body.id });
    });

    it('refuses null for fields that cannot be cleared, naming them', async () => {
      const user = await createUser(t, 'VIEWER', { regionId: r.batu.id });
      const response = await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', t.adminToken).send({ fullName: null, active: null }).expect(400);
      expect(new Set(response.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['active', 'fullName']));
      const region = await t.http().patch(`/api/v1/regions/${r.batu.id}`).set('Authorization', t.adminToken).send({ name: null }).expect(400);
      expect(region.body.errors[0].field).toBe('name');
    });

    it('does not let an ADMIN lock itself out', async () => {
      const me = await t.http().get('/api/v1/auth/me').set('Authorization', t.adminToken).expect(200);
      await t.http().patch(`/api/v1/users/${me.body.id}`).set('Authorization', t.adminToken).send({ active: false }).expect(409);
    });
  });
});
