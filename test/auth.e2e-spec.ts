import { JwtService } from '@nestjs/jwt';
import { ACCOUNT_FAILURE_LIMIT } from '../src/auth/login-attempts.js';
import { createRegions, createUser } from './support/fixtures.js';
import { ADMIN, createTestApp, type TestApp } from './support/test-app.js';

describe('auth', () => {
  let t: TestApp;
  let regions: Awaited<ReturnType<typeof createRegions>>;
  beforeAll(async () => {
    t = await createTestApp();
    regions = await createRegions(t);
  });
  afterAll(() => t.close());

  it('creates the first ADMIN from the environment and logs it in', async () => {
    const response = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password }).expect(200);
    expect(response.body).toMatchObject({ expiresIn: 3600, user: { email: ADMIN.email, role: 'ADMIN', regionId: null, active: true } });
    expect(response.body.accessToken.split('.')).toHaveLength(3);
    expect(response.body.user).not.toHaveProperty('password');
    expect(response.body.user).not.toHaveProperty('passwordHash');
  });

  it('GET /auth/me returns the caller', async () => {
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', t.adminToken).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: 'not-the-password' }).expect(401);
    const unknown = await t.http().post('/api/v1/auth/login').send({ email: 'nobody@netralitas.test', password: 'whatever-123' }).expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
  });

  it('names the missing field on a malformed login', async () => {
    const response = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('password');
  });

  it('answers 429 after repeated failures for one account, even with the right password, and not for others', async () => {
    const victim = await createUser(t, 'ORGANIZER', { regionId: regions.batu.id });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      await t.http().post('/api/v1/auth/login').send({ email: victim.email, password: `guess-${i}-xxxx` }).expect(401);
    }
    const blocked = await t.http().post('/api/v1/auth/login').send({ email: victim.email, password: 'correct-horse-battery' }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ status: 429 });
    // The admin, from the same address, is not locked out by someone else's failures.
    await t.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
  });

  it('stops a deactivated user at once, token or not', async () => {
    const user = await createUser(t, 'VIEWER', { regionId: regions.batu.id });
    await t.http().get('/api/v1/auth/me').set('Authorization', user.token).expect(200);
    await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', t.adminToken).send({ active: false }).expect(200);
    await t.http().get('/api/v1/auth/me').set('Authorization', user.token).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'correct-horse-battery' }).expect(401);
  });

  it('refuses a token signed with another secret', async () => {
    const other = await createTestApp({ JWT_SECRET: 'another-secret-that-is-long-enough-987654321' });
    try {
      await t.http().get('/api/v1/auth/me').set('Authorization', other.adminToken).expect(401);
    } finally {
      await other.close();
    }
  });

  describe('tokens follow the account', () => {
    const me = (token: string) => t.http().get('/api/v1/auth/me').set('Authorization', token);
    const patchUser = (id: string, body: object) => t.http().patch(`/api/v1/users/${id}`).set('Authorization', t.adminToken).send(body).expect(200);

    it('revokes every earlier token when the password changes', async () => {
      const user = await createUser(t, 'VIEWER', { regionId: regions.batu.id });
      const second = await t.login(user.email, 'correct-horse-battery');
      await me(user.token).expect(200);
      await patchUser(user.id, { password: 'a-brand-new-password' });
      for (const old of [user.token, second]) {
        const refused = await me(old).expect(401);
        expect(refused.headers['content-type']).toMatch(/problem\+json/);
      }
      await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'correct-horse-battery' }).expect(401);
      await me(await t.login(user.email, 'a-brand-new-password')).expect(200);
    });

    it('keeps a token revoked by a deactivation dead after the account is reactivated', async () => {
      const user = await createUser(t, 'CHECKIN', { regionId: regions.batu.id });
      await patchUser(user.id, { active: false });
      await patchUser(user.id, { active: true });
      await me(user.token).expect(401);
      await me(await t.login(user.email, 'correct-horse-battery')).expect(200);
    });

    it('leaves tokens alone on a change that is not the password or a deactivation', async () => {
      const user = await createUser(t, 'CHECKIN', { regionId: regions.batu.id });
      await patchUser(user.id, { fullName: 'Petugas Pintu Utama', role: 'VIEWER' });
      const response = await me(user.token).expect(200);
      expect(response.body).toMatchObject({ role: 'VIEWER', regionId: regions.batu.id });
    });

    it('refuses a token without the version it was issued at', async () => {
      const user = await createUser(t, 'VIEWER', { regionId: regions.batu.id });
      const unversioned = await t.app.get(JwtService).signAsync({ sub: user.id, role: 'VIEWER' });
      await me(`Bearer ${unversioned}`).expect(401);
    });

    it('answers 401 to a malformed Authorization header, never a guess at the token', async () => {
      const token = t.adminToken.slice('Bearer '.length);
      await me(`bearer ${token}`).expect(200);
      // (Spaces around the whole value are not the token's: HTTP itself strips them.)
      for (const header of [`Bearer ${token} ${token}`, `Bearer  ${token}`, `Basic ${token}`, `Token ${token}`, token, 'Bearer', `Bearer ${token},x`, `Bearer\t${token}`]) {
        const response = await me(header);
        expect({ header, status: response.status }).toEqual({ header, status: 401 });
        expect(response.headers['content-type']).toMatch(/problem\+json/);
      }
    });
  });
});
