import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import type { AddressInfo } from 'node:net';
import { createAgency, createPerson } from './support/directory-fixtures.js';
import { createEvent, createScheduledEvent, createSpeaker, eventBody } from './support/event-fixtures.js';
import { createRegions, createUser } from './support/fixtures.js';
import { unansweredInvitation } from './support/registration-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Every error is problem+json in one shape, and no input, however hostile, answers 500. */
describe('input at the edge', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const api = (path: string) => `/api/v1${path}`;

  /** The shape of every error body (DESIGN §4 plus instance and requestId). */
  function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({ type: expect.stringMatching(/^https:\/\/netralitas\.id\/problems\//), title: expect.any(String), status, detail: expect.any(String), instance: expect.any(String), requestId: expect.any(String) }),
    );
    expect(response.headers['x-request-id']).toBe(response.body.requestId);
  }

  /** A request written to the socket as is, for what an HTTP client library would refuse to send. */
  function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body = ''] = data.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), headers: head, body });
      });
    });
  }

  describe('text that cannot be stored faithfully', () => {
    const lone = '\ud800@x.id';

    it('answers a lone surrogate in an email with a 400 naming the field: login (no token), users, people', async () => {
      const agency = await createAgency(t, r.batu.id, 'Dinas Pendidikan');
      const person = await createPerson(t, agency.id, { fullName: 'Siti Rahmawati', employmentType: 'NON_ASN' });
      const cases = [
        t.http().post(api('/auth/login')).send({ email: lone, password: 'x' }),
        t.http().post(api('/users')).set('Authorization', t.adminToken).send({ email: lone, fullName: 'X Y', password: 'long-enough-pw', role: 'VIEWER', regionId: r.batu.id }),
        t.http().post(api('/people')).set('Authorization', t.adminToken).send({ agencyId: agency.id, fullName: 'X Y', employmentType: 'NON_ASN', email: lone }),
        t.http().patch(api(`/people/${person.id}`)).set('Authorization', t.adminToken).send({ email: lone }),
      ];
      for (const response of await Promise.all(cases)) {
        expectProblem(response, 400);
        expect(response.body.errors).toEqual([{ field: 'email', message: expect.stringMatching(/^email /) }]);
      }
    });

    it('refuses a lone surrogate in any text field, and in a query', async () => {
      const body = await t.http().post(api('/regions')).set('Authorization', t.adminToken).send({ code: '36', name: 'Banten \udc00', level: 'PROVINCE', timezone: 'Asia/Jakarta' });
      expectProblem(body, 400);
      expect(body.body.errors).toEqual([{ field: 'name', message: 'name contains an invalid character (an unpaired UTF-16 surrogate)' }]);
      const query = await t.http().get(`${api('/regions')}?q=%ED%A0%80`).set('Authorization', t.adminToken);
      expect(query.status).toBeLessThan(500);
    });
  });

  describe('deeply nested JSON', () => {
    const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

    it('is refused with a 400 on every route that takes a JSON body, login included', async () => {
      const { body: doc } = await t.http().get('/api/docs-json').expect(200);
      const routes: Array<[string, string]> = [];
      for (const [path, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
        for (const method of Object.keys(operations)) if (['post', 'put', 'patch'].includes(method)) routes.push([method, `${doc.servers[0].url}${path.replace(/\{[^}]+\}/g, randomUUID())}`]);
      }
      expect(routes.length).toBeGreaterThanOrEqual(15);
      for (const [method, path] of routes) {
        for (const payload of [arrays(1500), objects(3000)]) {
          const response = await t.http()[method as 'post'](path).set('Authorization', t.adminToken).set('content-type', 'application/json').send(payload);
          expectProblem(response, 400);
          expect({ method, path, errors: response.body.errors }).toEqual({ method, path, errors: [{ field: 'body', message: 'body nests arrays or objects more than 64 levels deep' }] });
        }
      }
    });

    it('draws the line at 64 levels', async () => {
      const deep = (depth: number) => t.http().post(api('/regions')).set('Authorization', t.adminToken).set('content-type', 'application/json').send(`{"code":"36","name":"Banten","level":"PROVINCE","timezone":"Asia/Jakarta","x":${arrays(depth - 1)}}`);
      const within = await deep(64);
      expectProblem(within, 400);
      expect(within.body.errors).toEqual([{ field: 'x', message: 'x is not an accepted field' }]);
      expect((await deep(65)).body.errors).toEqual([{ field: 'body', message: 'body nests arrays or objects more than 64 levels deep' }]);
    });
  });

  describe("the framework's own errors", () => {
    it('answers an invalid percent-encoding in the path as problem+json', async () => {
      for (const id of ['%FF%FE', '%ED%A0%80']) {
        const response = await t.http().get(api(`/regions/${id}`)).set('Authorization', t.adminToken);
        expectProblem(response, 400);
        expect(response.body.type).toBe('https://netralitas.id/problems/bad-request');
      }
    });

    it('answers an over-long path parameter with 414 as problem+json', async () => {
      const response = await t.http().get(api(`/regions/${'a'.repeat(10_000)}`)).set('Authorization', t.adminToken);
      expectProblem(response, 414);
      expect(response.body.instance.length).toBeLessThanOrEqual(1025);
    });

    it("answers 431 as problem+json when Node's HTTP parser refuses a 20 KB URL or header", async () => {
      for (const request of [
        `GET /api/v1/health?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
        `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${'x'.repeat(20_000)}\r\n\r\n`,
      ]) {
        const response = await raw(request);
        expect(response.status).toBe(431);
        expect(response.headers).toMatch(/content-type: application\/problem\+json/i);
        expect(JSON.parse(response.body)).toMatchObject({ type: 'https://netralitas.id/problems/headers-too-large', title: 'Request Header Fields Too Large', status: 431, detail: expect.any(String) });
      }
    });

    it('answers malformed JSON, a body over the limit and an unsupported content type in the same shape', async () => {
      const malformed = await t.http().post(api('/regions')).set('Authorization', t.adminToken).set('content-type', 'application/json').send('{"code": "35",');
      expectProblem(malformed, 400);
      const large = await t.http().post(api('/regions')).set('Authorization', t.adminToken).set('content-type', 'application/json').send(`{"name":"${'x'.repeat(1_100_000)}"}`);
      expectProblem(large, 413);
      expect(large.body.type).toBe('https://netralitas.id/problems/payload-too-large');
      for (const contentType of ['application/xml', 'text/plain']) {
        const unsupported = await t.http().post(api('/regions')).set('Authorization', t.adminToken).set('content-type', contentType).send('{"code":"36"}');
        expectProblem(unsupported, 415);
        expect(unsupported.body.type).toBe('https://netralitas.id/problems/unsupported-media-type');
      }
    });
  });

  describe('bodies are read by their real content type', () => {
    it('refuses a multipart body on a JSON route: nothing is written, nothing is audited', async () => {
      const organizer = await createUser(t, 'ORGANIZER', { regionId: r.batu.id });
      const speaker = await createSpeaker(t, organizer.token, { fullName: 'Islah Bahrawi' });
      const auditBefore = await auditCount(speaker.id);
      const response = await t.http().patch(api(`/speakers/${speaker.id}`)).set('Authorization', organizer.token).field('fullName', 'Someone Else');
      expectProblem(response, 415);
      const after = await t.http().get(api(`/speakers/${speaker.id}`)).set('Authorization', organizer.token).expect(200);
      expect(after.body).toMatchObject({ fullName: 'Islah Bahrawi', updatedAt: (speaker as unknown as { updatedAt: string }).updatedAt });
      expect(await auditCount(speaker.id)).toBe(auditBefore);
      // A JSON body in a request labelled multipart is refused the same way.
      const mislabelled = await t.http().patch(api(`/speakers/${speaker.id}`)).set('Authorization', organizer.token).set('content-type', 'multipart/form-data; boundary=x').send('{"fullName":"Someone Else"}');
      expectProblem(mislabelled, 415);
    });

    it('refuses a body that does not say what it is', async () => {
      const body = '{"code":"36","name":"Banten","level":"PROVINCE","timezone":"Asia/Jakarta"}';
      const response = await raw(`POST /api/v1/regions HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${t.adminToken}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body)).toMatchObject({ status: 415, type: 'https://netralitas.id/problems/unsupported-media-type', requestId: expect.any(String) });
      await t.http().get(api('/regions?q=Banten')).set('Authorization', t.adminToken).expect(200, { items: [], total: 0, limit: 50, offset: 0 });
    });

    it('still takes the CSV imports as text/csv or multipart', async () => {
      await t.http().post(`${api('/agencies/import')}?regionId=${r.balikpapan.id}`).set('Authorization', t.adminToken).set('content-type', 'text/csv').send(Buffer.from('name,category\nDinas Kominfo,OPD\n')).expect(200);
      await t.http().post(`${api('/agencies/import')}?regionId=${r.balikpapan.id}`).set('Authorization', t.adminToken).attach('file', Buffer.from('name,category\nDinas Sosial,OPD\n'), { filename: 'a.csv', contentType: 'text/csv' }).expect(200);
    });
  });

  describe('malformed multipart on a document upload (found by test/fuzz.e2e-spec.ts)', () => {
    const boundary = 'b0undary';
    const part = (content: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\nContent-Type: application/pdf\r\n\r\n${content}`;
    const pdf = '%PDF-1.4\n% surat tugas\n%%EOF\n';

    it('answers a 400 naming the file, stores nothing and audits nothing, however the body is broken', async () => {
      const agency = await createAgency(t, r.batu.id, 'Dinas Perhubungan');
      const event = await createScheduledEvent(t, t.adminToken, eventBody(r.batu.id, { startsAt: '2031-03-04T09:00:00+07:00', endsAt: '2031-03-04T12:00:00+07:00' }));
      const invitation = await unansweredInvitation(t, event, agency.id);
      const path = api(`/invitations/${invitation}/assignment-letter`);
      const files = async () => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM stored_files'))[0].n as number;
      const filesBefore = await files();
      const cases: Array<[string, string, string | Buffer]> = [
        ['random bytes under a valid boundary', `multipart/form-data; boundary=${boundary}`, Buffer.from([0x00])],
        ['garbage text under a valid boundary', `multipart/form-data; boundary=${boundary}`, 'not multipart at all'],
        ['no boundary parameter', 'multipart/form-data', `${part(pdf)}\r\n--${boundary}--\r\n`],
        ['an empty boundary', 'multipart/form-data; boundary=', `${part(pdf)}\r\n--${boundary}--\r\n`],
        ['a boundary over 70 characters', `multipart/form-data; boundary=${'b'.repeat(80)}`, `--${'b'.repeat(80)}\r\n`],
        ['no closing boundary', `multipart/form-data; boundary=${boundary}`, part(pdf)],
        ['a body that does not use its boundary', 'multipart/form-data; boundary=other', `${part(pdf)}\r\n--${boundary}--\r\n`],
        ['part headers without an end', `multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="file"`],
      ];
      for (const [name, contentType, body] of cases) {
        const response = await t.http().put(path).set('Authorization', t.adminToken).set('content-type', contentType).send(body);
        expect({ name, status: response.status }).toEqual({ name, status: 400 });
        expectProblem(response, 400);
        expect({ name, fields: response.body.errors.map((e: { field: string }) => e.field) }).toEqual({ name, fields: [expect.stringMatching(/^(file|content-type)$/)] });
      }
      const stored = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM invitations WHERE id = $1 AND assignment_letter_id IS NOT NULL', [invitation]);
      expect(stored[0].n).toBe(0);
      expect(await files()).toBe(filesBefore);
      expect(await auditCount(invitation)).toBe(0);
      // The same route still takes a well-formed multipart upload.
      const good = await t.http().put(path).set('Authorization', t.adminToken).set('content-type', `multipart/form-data; boundary=${boundary}`).send(`${part(pdf)}\r\n--${boundary}--\r\n`);
      expect(good.status).toBe(200);
    });
  });

  describe('a key without a name (found by test/fuzz.e2e-spec.ts)', () => {
    it('is refused with a field error that names where it was', async () => {
      const query = await t.http().get(`${api('/regions')}?=`).set('Authorization', t.adminToken);
      expectProblem(query, 400);
      expect(query.body.errors).toEqual([{ field: 'query', message: 'query has a parameter without a name' }]);
      const body = await t.http().post(api('/regions')).set('Authorization', t.adminToken).send({ code: '36', name: 'Banten', level: 'PROVINCE', timezone: 'Asia/Jakarta', '': 1 });
      expectProblem(body, 400);
      expect(body.body.errors).toEqual([{ field: 'body', message: 'body has a field without a name' }]);
    });
  });

  async function auditCount(entityId: string): Promise<number> {
    const response = await t.http().get(`${api('/audit-log')}?entityId=${entityId}&limit=200`).set('Authorization', t.adminToken).expect(200);
    return response.body.total as number;
  }

  describe('an empty or no-op PATCH changes nothing and answers the record', () => {
    it('on regions, users, agencies, people, speakers and events', async () => {
      const organizer = await createUser(t, 'ORGANIZER', { regionId: r.batu.id });
      const viewer = await createUser(t, 'VIEWER', { regionId: r.batu.id });
      const agency = await createAgency(t, r.batu.id, 'Dinas Sosial', { headcount: { pns: 10, pppk: 2, nonAsn: 3 }, headcountAsOf: '2024-06-30' });
      const person = await createPerson(t, agency.id, { fullName: 'Budi Santoso', employmentType: 'NON_ASN', phone: '0812-3456-7890' });
      const speaker = await createSpeaker(t, organizer.token, { fullName: 'Drs. Ahmad Fauzi', title: 'Ketua Bawaslu' });
      const event = await createEvent(t, organizer.token, eventBody(r.batu.id));
      const records: Array<[string, string, Record<string, unknown>]> = [
        [`/regions/${r.batu.id}`, t.adminToken, { name: 'Kota Batu', timezone: 'Asia/Jakarta' }],
        [`/users/${viewer.id}`, t.adminToken, { fullName: 'Test VIEWER', role: 'VIEWER', regionId: r.batu.id, active: true }],
        [`/agencies/${agency.id}`, t.adminToken, { name: 'Dinas Sosial', category: 'OPD', headcount: { nonAsn: 3, pns: 10, pppk: 2 }, headcountAsOf: '2024-06-30', shortName: null }],
        [`/people/${person.id}`, t.adminToken, { fullName: 'Budi Santoso', employmentType: 'NON_ASN', nip: null, phone: '0812-3456-7890', agencyId: agency.id }],
        [`/speakers/${speaker.id}`, organizer.token, { fullName: 'Drs. Ahmad Fauzi', title: 'Ketua Bawaslu' }],
        // The same instants, written in another zone.
        [`/events/${event.id}`, organizer.token, { title: event.title, topics: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'], startsAt: '2024-10-29T06:00:00Z', endsAt: '2024-10-29T17:00:00+08:00', capacity: 500 }],
      ];
      for (const [path, token, same] of records) {
        const before = await t.http().get(api(path)).set('Authorization', token).expect(200);
        const audited = await auditCount(before.body.id);
        for (const body of [{}, same]) {
          const response = await t.http().patch(api(path)).set('Authorization', token).send(body);
          expect({ path, body, status: response.status }).toEqual({ path, body, status: 200 });
          expect(response.body).toEqual(before.body);
        }
        expect({ path, audited: await auditCount(before.body.id) }).toEqual({ path, audited });
      }
      // A real change still writes, bumps updatedAt and is audited.
      const changed = await t.http().patch(api(`/speakers/${speaker.id}`)).set('Authorization', organizer.token).send({ title: 'Anggota Bawaslu' }).expect(200);
      expect(changed.body.updatedAt > (speaker as unknown as { updatedAt: string }).updatedAt).toBe(true);
      const [entry] = (await t.http().get(`${api('/audit-log')}?entityId=${speaker.id}`).set('Authorization', t.adminToken).expect(200)).body.items;
      expect(entry).toMatchObject({ action: 'update', changes: { title: 'Anggota Bawaslu' } });
    });
  });

  describe('one message per problem', () => {
    it('says a missing field is required, once, and a mistyped one only that its type is wrong', async () => {
      const missing = await t.http().post(api('/regions')).set('Authorization', t.adminToken).send({}).expect(400);
      expect(missing.body.errors).toEqual([
        { field: 'code', message: 'code must be a Kemendagri code such as 35 (province) or 35.79 (regency/city)' },
        { field: 'name', message: 'name is required' },
        { field: 'level', message: 'level must be one of PROVINCE, REGENCY, CITY' },
        { field: 'timezone', message: 'timezone must be one of Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura' },
      ]);
      const mistyped = await t.http().post(api('/regions')).set('Authorization', t.adminToken).send({ code: '36', name: 42, level: 'PROVINCE', timezone: 'Asia/Jakarta' }).expect(400);
      expect(mistyped.body.errors).toEqual([{ field: 'name', message: 'name must be a string' }]);
      const nested = await t.http().post(api('/agencies')).set('Authorization', t.adminToken).send({ regionId: r.batu.id, name: 'Dinas X', category: 'OPD', headcount: { pns: '10', pppk: 1 } }).expect(400);
      expect(nested.body.errors).toEqual([
        { field: 'headcount.pns', message: 'headcount.pns must be a whole number' },
        { field: 'headcount.nonAsn', message: 'headcount.nonAsn is required' },
      ]);
    });

    it('holds on every route that creates something: each field named at most once for an empty body', async () => {
      const { body: doc } = await t.http().get('/api/docs-json').expect(200);
      const creates = Object.keys(doc.paths)
        .filter((path) => doc.paths[path].post && !/\{|import|login|publish|complete|\/view\//.test(path)) // the report page's forms answer pages
        .map((path) => `${doc.servers[0].url}${path}`);
      expect(creates).toEqual(expect.arrayContaining(['/api/v1/regions', '/api/v1/users', '/api/v1/agencies', '/api/v1/people', '/api/v1/speakers', '/api/v1/events', '/api/v1/elections']));
      for (const path of creates) {
        const response = await t.http().post(path).set('Authorization', t.adminToken).send({});
        expectProblem(response, 400);
        const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field);
        expect({ path, fields }).toEqual({ path, fields: [...new Set(fields)] });
      }
    });
  });
});
