import pg from 'pg';
import { createRegions, createUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
  });
  afterAll(() => t.close());

  it('records every write with actor, action, entity, id, region and time, without secrets', async () => {
    const organizer = await createUser(t, 'ORGANIZER', { regionId: r.batu.id });
    await t.http().patch(`/api/v1/regions/${r.batu.id}`).set('Authorization', t.adminToken).send({ name: 'Kota Wisata Batu' }).expect(200);
    const log = await t.http().get('/api/v1/audit-log?limit=200').set('Authorization', t.adminToken).expect(200);
    const userEntry = log.body.items.find((e: { entity: string; entityId: string }) => e.entity === 'user' && e.entityId === organizer.id);
    expect(userEntry).toMatchObject({ action: 'create', regionId: r.batu.id, actorEmail: 'admin@netralitas.test' });
    expect(new Date(userEntry.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(userEntry.changes)).not.toContain('correct-horse-battery');
    expect(userEntry.changes).not.toHaveProperty('password');
    const regionEntry = log.body.items.find((e: { entity: string; action: string }) => e.entity === 'region' && e.action === 'update');
    expect(regionEntry).toMatchObject({ entityId: r.batu.id, changes: { name: 'Kota Wisata Batu' } });
    expect(log.body.items.some((e: { entity: string; actorId: string | null }) => e.entity === 'user' && e.actorId === null)).toBe(true);
  });

  it('filters by entity and shows an organizer only its own region', async () => {
    const organizer = await createUser(t, 'ORGANIZER', { regionId: r.balikpapan.id });
    const regions = await t.http().get('/api/v1/audit-log?entity=region').set('Authorization', t.adminToken).expect(200);
    expect(regions.body.items.every((e: { entity: string }) => e.entity === 'region')).toBe(true);
    const own = await t.http().get('/api/v1/audit-log?limit=200').set('Authorization', organizer.token).expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((e: { regionId: string }) => e.regionId === r.balikpapan.id)).toBe(true);
    await t.http().get('/api/v1/audit-log?from=yesterday').set('Authorization', t.adminToken).expect(400);
  });

  it('takes times with their UTC offset only, as every other filter does', async () => {
    for (const query of ['from=2024-10-29T13:00:00', 'to=2024-10-29T13:00', 'from=2024-10-29 13:00:00%2B07:00']) {
      const refused = await t.http().get(`/api/v1/audit-log?${query}`).set('Authorization', t.adminToken).expect(400);
      expect(refused.body.errors).toEqual([{ field: query.slice(0, query.indexOf('=')), message: expect.stringContaining('UTC offset') }]);
    }
    const now = Date.now();
    const inJakarta = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
    const recent = await t.http().get(`/api/v1/audit-log?from=${encodeURIComponent(inJakarta(now - 3_600_000))}&limit=200`).set('Authorization', t.adminToken).expect(200);
    expect(recent.body.total).toBeGreaterThan(0);
    const none = await t.http().get(`/api/v1/audit-log?from=${encodeURIComponent(inJakarta(now + 3_600_000))}`).set('Authorization', t.adminToken).expect(200);
    expect(none.body.total).toBe(0);
    const beforeAnything = await t.http().get('/api/v1/audit-log?to=2000-01-01').set('Authorization', t.adminToken).expect(200);
    expect(beforeAnything.body.total).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const before = await client.query('SELECT count(*)::int AS n FROM audit_log');
      expect(before.rows[0].n).toBeGreaterThan(0);
      await expect(client.query("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      const after = await client.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'tampered'");
      expect(after.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('is not reachable for VIEWER or CHECKIN', async () => {
    const viewer = await createUser(t, 'VIEWER', { regionId: r.batu.id });
    await t.http().get('/api/v1/audit-log').set('Authorization', viewer.token).expect(403);
  });
});
