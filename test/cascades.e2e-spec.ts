import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { auditEntries, createAgency, type AgencyRef } from './support/directory-fixtures.js';
import { createScheduledEvent, eventBody, fieldsOf } from './support/event-fixtures.js';
import { createCast, createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';
import { asBytes } from './support/documents.js';

const PDF = Buffer.from('%PDF-1.4\n% daftar hadir apel pagi\n%%EOF\n');
// The 8-byte PNG signature and an IHDR chunk start: enough for the magic-byte check.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR foto apel')]);
const MAX = 10 * 1024 * 1024;

describe('cascades', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let dindik: AgencyRef;
  let dinkes: AgencyRef;
  let malangAgency: AgencyRef;
  let repDindik: TestUser;

  const post = (path: string, token: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', token).send(body);
  const get = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token);
  const cascadeRows = () => withAdminClient(t.databaseUrl, async (db: pg.Client) => Number((await db.query('SELECT count(*) FROM cascades')).rows[0].count));
  const body = (overrides: Record<string, unknown> = {}) => ({ heldOn: '2024-11-04', reached: { pns: 12, pppk: 2, nonAsn: 3 }, notes: 'Apel pagi', ...overrides });

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    cast = await createCast(t, r);
    dindik = await createAgency(t, r.batu.id, 'Dinas Pendidikan', { headcount: { pns: 40, pppk: 5, nonAsn: 12 } });
    dinkes = await createAgency(t, r.batu.id, 'Dinas Kesehatan', { headcount: { pns: 20, pppk: 2, nonAsn: 3 } });
    malangAgency = await createAgency(t, r.malang.id, 'Dinas Pendidikan Kabupaten Malang', { headcount: { pns: 50, pppk: 0, nonAsn: 0 } });
    repDindik = await createUser(t, 'AGENCY_REP', { agencyId: dindik.id });
  });
  afterAll(() => t.close());

  it('an AGENCY_REP records its agency’s cascade (201), audited, and reads it back in the list', async () => {
    const event = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id));
    const created = await post(`/agencies/${dindik.id}/cascades`, repDindik.token, body({ sourceEventId: event.id, reached: { pns: 30, pppk: 5, nonAsn: 10 } }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      regionId: r.batu.id,
      agencyId: dindik.id,
      heldOn: '2024-11-04',
      reached: { pns: 30, pppk: 5, nonAsn: 10 },
      sourceEventId: event.id,
      notes: 'Apel pagi',
      evidence: null,
      recordedBy: repDindik.id,
      createdAt: expect.any(String),
    });
    const audit = (await auditEntries(t, 'cascade')).find((entry) => entry.entityId === created.body.id)!;
    expect(audit).toMatchObject({ action: 'create', regionId: r.batu.id, actorEmail: repDindik.email });
    const list = await get(`/agencies/${dindik.id}/cascades`, cast.organizerBatu.token);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(list.body.items[0].id).toBe(created.body.id);
  });

  it('reached above the headcount of a type: 400 naming each field, nothing written; equal to it is fine', async () => {
    const before = await cascadeRows();
    const over = await post(`/agencies/${dindik.id}/cascades`, cast.organizerBatu.token, body({ reached: { pns: 41, pppk: 5, nonAsn: 13 } }));
    expect(over.status).toBe(400);
    expect(fieldsOf(over.body)).toEqual(['reached.pns', 'reached.nonAsn']);
    expect(over.body.detail).toContain('headcount of pns (40)');
    expect(await cascadeRows()).toBe(before);
    expect((await post(`/agencies/${dindik.id}/cascades`, cast.organizerBatu.token, body({ reached: { pns: 40, pppk: 5, nonAsn: 12 } }))).status).toBe(201);
  });

  it('bad input is 400 naming the field, nothing written', async () => {
    const before = await cascadeRows();
    const fields = async (payload: object) => {
      const response = await post(`/agencies/${dinkes.id}/cascades`, cast.organizerBatu.token, payload);
      expect(response.status).toBe(400);
      return [...new Set(fieldsOf(response.body))];
    };
    expect(await fields(body({ heldOn: '2024-02-30' }))).toEqual(['heldOn']);
    expect(await fields(body({ heldOn: '2999-01-01' }))).toEqual(['heldOn']); // not in the future
    expect(await fields(body({ reached: { pns: -1, pppk: 0, nonAsn: 0 } }))).toEqual(['reached.pns']);
    expect(await fields(body({ reached: { pns: 1.5, pppk: 0, nonAsn: 0 } }))).toEqual(['reached.pns']);
    expect(await fields(body({ reached: 12 }))).toEqual(['reached']);
    expect(await fields({ heldOn: '2024-11-04' })).toEqual(['reached']);
    expect(await fields(body({ regionId: r.batu.id }))).toEqual(['regionId']); // unknown fields are refused
    expect(await fields(body({ notes: 'x'.repeat(1001) }))).toEqual(['notes']);
    // An event of another region, or one that does not exist, is not a source of this agency.
    const malangEvent = await createScheduledEvent(t, t.adminToken, eventBody(r.malang.id));
    expect(await fields(body({ sourceEventId: malangEvent.id }))).toEqual(['sourceEventId']);
    expect(await fields(body({ sourceEventId: randomUUID() }))).toEqual(['sourceEventId']);
    expect(await cascadeRows()).toBe(before);
  });

  it('roles: another agency’s rep and other regions get 404; VIEWER and CHECKIN 403', async () => {
    expect((await post(`/agencies/${dinkes.id}/cascades`, repDindik.token, body())).status).toBe(404);
    expect((await get(`/agencies/${dinkes.id}/cascades`, repDindik.token)).status).toBe(404);
    expect((await post(`/agencies/${malangAgency.id}/cascades`, cast.organizerBatu.token, body())).status).toBe(404);
    expect((await post(`/agencies/${dindik.id}/cascades`, cast.organizerBalikpapan.token, body())).status).toBe(404);
    expect((await post(`/agencies/${dindik.id}/cascades`, cast.viewerBatu.token, body())).status).toBe(403);
    expect((await get(`/agencies/${dindik.id}/cascades`, cast.checkinBatu.token)).status).toBe(403);
    // A province organizer reaches its cities' agencies.
    expect((await post(`/agencies/${malangAgency.id}/cascades`, cast.organizerJatim.token, body({ reached: { pns: 50, pppk: 0, nonAsn: 0 } }))).status).toBe(201);
  });

  it('lists latest first, paginated', async () => {
    for (const heldOn of ['2024-09-01', '2024-12-01', '2024-10-01']) {
      expect((await post(`/agencies/${dinkes.id}/cascades`, cast.organizerBatu.token, body({ heldOn, reached: { pns: 1, pppk: 0, nonAsn: 0 } }))).status).toBe(201);
    }
    const first = await get(`/agencies/${dinkes.id}/cascades?limit=2`, cast.organizerBatu.token);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((item: { heldOn: string }) => item.heldOn)).toEqual(['2024-12-01', '2024-10-01']);
    const second = await get(`/agencies/${dinkes.id}/cascades?limit=2&offset=2`, cast.organizerBatu.token);
    expect(second.body.items.map((item: { heldOn: string }) => item.heldOn)).toEqual(['2024-09-01']);
    expect((await get(`/agencies/${dinkes.id}/cascades?limit=500`, cast.organizerBatu.token)).status).toBe(400);
  });

  describe('evidence', () => {
    let cascadeId: string;
    const storedFiles = () => withAdminClient(t.databaseUrl, async (db: pg.Client) => Number((await db.query('SELECT count(*) FROM stored_files').then((res) => res.rows[0].count))));
    const upload = (bytes: Buffer, contentType: string, token = repDindik.token, id = cascadeId) =>
      t.http().put(`/api/v1/cascades/${id}/evidence`).set('Authorization', token).set('Content-Type', contentType).send(bytes);
    const download = (token = repDindik.token, id = cascadeId) =>
      t
        .http()
        .get(`/api/v1/cascades/${id}/evidence`)
        .set('Authorization', token)
        .buffer(true)
        .parse(asBytes);

    beforeAll(async () => {
      cascadeId = (await post(`/agencies/${dindik.id}/cascades`, repDindik.token, body())).body.id;
    });

    it('404 before any upload; a PDF is stored, shown on the cascade and downloaded byte for byte', async () => {
      expect((await download()).status).toBe(404);
      const stored = await upload(PDF, 'application/pdf');
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ mediaType: 'application/pdf', byteSize: PDF.length });
      const list = await get(`/agencies/${dindik.id}/cascades?limit=200`, repDindik.token);
      expect(list.body.items.find((item: { id: string }) => item.id === cascadeId).evidence).toMatchObject({ mediaType: 'application/pdf' });
      const back = await download(cast.organizerBatu.token);
      expect(back.status).toBe(200);
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(back.headers['cache-control']).toBe('private, no-store');
      expect(Buffer.compare(back.body as Buffer, PDF)).toBe(0);
    });

    it('refuses what is not a PDF, PNG or JPEG by its bytes, and files over 10 MiB; keeps nothing', async () => {
      const before = await storedFiles();
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
      const refused = await upload(exe, 'application/pdf');
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['file']);
      expect((await upload(Buffer.concat([PDF.subarray(0, 16), Buffer.alloc(MAX + 1 - 16)]), 'application/pdf')).status).toBe(413);
      expect(await storedFiles()).toBe(before);
    });

    it('other agencies’ reps and other regions get 404; VIEWER 403', async () => {
      const repDinkes = await createUser(t, 'AGENCY_REP', { agencyId: dinkes.id });
      expect((await upload(PNG, 'image/png', repDinkes.token)).status).toBe(404);
      expect((await download(repDinkes.token)).status).toBe(404);
      expect((await download(cast.organizerBalikpapan.token)).status).toBe(404);
      expect((await download(cast.viewerBatu.token)).status).toBe(403);
    });

    it('parallel replacements: the last one stays, every replaced file is gone, each upload audited', async () => {
      const before = await storedFiles();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(Buffer.concat([PNG, Buffer.from(` ${i}`)]), 'image/png', cast.organizerBatu.token)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
      // One file per cascade, whatever the interleaving: the replaced ones were released in the same transactions.
      expect(await storedFiles()).toBe(before);
      const back = await download();
      const sha256s = answers.map((answer) => answer.body.sha256);
      const kept = await withAdminClient(t.databaseUrl, async (db: pg.Client) => (await db.query('SELECT f.sha256 FROM cascades c JOIN stored_files f ON f.id = c.evidence_file_id WHERE c.id = $1', [cascadeId])).rows[0].sha256);
      expect(sha256s).toContain(kept);
      expect(back.headers['content-type']).toBe('image/png');
      const audit = (await auditEntries(t, 'cascade')).filter((entry) => entry.entityId === cascadeId && entry.action === 'upload-evidence');
      expect(audit).toHaveLength(7); // the PDF and six photos
    });
  });
});
