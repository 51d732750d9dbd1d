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
});

