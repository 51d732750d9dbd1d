// Door check-in under load: one event of 5,000 registrations scanned by 50 concurrent
// connections, every request a first check-in by ticket code, alternating in chunks with the
// reference on an event of its own. A pledge template is active, as at any real event of an
// election cycle: every answer carries its signing link (`signUrl`, a token made on the first scan
// and given again on repeats), and the run checks that each API check-in got its token. The reference is a route mounted
// in the same process by this file only, behind the same auth guard, that does the one INSERT …
// SELECT of a check-in through pg directly: what the API costs on top of authentication and the
// write itself. Also: a batch of 1,000 offline scans against a bare set-based insert of the same
// rows, and the door lookup on the 5,000 registrations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Body, Controller, HttpCode, Inject, Module, Param, Post } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import autocannon from 'autocannon';
import pg from 'pg';
import { Roles } from '../dist/common/caller.js';
import { randomCode } from '../dist/common/codes.js';
import { ok, ratio, startBenchApp, timed } from './support.js';

const REGISTRATIONS = 5_000;
const CONNECTIONS = 50;
const BATCH = 1_000;
const SETUP_REQUEST = fileURLToPath(new URL('./check-in-request.cjs', import.meta.url));

/**
 * The reference route (benchmark only): the global guard authenticates it exactly like the API
 * (JWT, user and reach query, role check), then one statement inserts the check-in.
 */
class ReferenceCheckIns {
  constructor(dataSource) {
    this.pool = dataSource.driver.master;
  }

  async checkIn(eventId, body) {
    const { rows } = await this.pool.query(
      `INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by, device_id)
       SELECT r.region_id, r.event_id, r.person_id, r.agency_id, r.id, now(), 'QR', 'TICKET', $3
         FROM registrations r WHERE r.ticket_code = $2 AND r.event_id = $1
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [eventId, body.ticketCode, body.deviceId],
    );
    if (rows.length !== 1) throw new Error(`reference check-in of ${body.ticketCode} inserted nothing`);
    return { id: rows[0].id };
  }
}
Inject(getDataSourceToken())(ReferenceCheckIns, undefined, 0);
Controller('bench-reference')(ReferenceCheckIns);
const checkIn = Object.getOwnPropertyDescriptor(ReferenceCheckIns.prototype, 'checkIn');
Reflect.decorate([Post('events/:id/check-ins'), HttpCode(201), Roles('ADMIN', 'ORGANIZER', 'CHECKIN')], ReferenceCheckIns.prototype, 'checkIn', checkIn);
Param('id')(ReferenceCheckIns.prototype, 'checkIn', 0);
Body()(ReferenceCheckIns.prototype, 'checkIn', 1);

class ReferenceModule {}
Module({ controllers: [ReferenceCheckIns] })(ReferenceModule);

/** Scans each ticket once, `CONNECTIONS` at a time; every answer must be a 2xx. */
async function scanAll(app, token, folder, path, tickets) {
  const file = join(folder, `${randomCode(6)}.json`);
  writeFileSync(file, JSON.stringify({ path: `/api/v1${path}`, tickets, deviceId: 'bench-door' }));
  process.env.NETRALITAS_BENCH_SCANS = file;
  const result = await autocannon({
    url: app.base,
    connections: CONNECTIONS,
    amount: tickets.length,
    workers: 1,
    headers: { authorization: token, 'content-type': 'application/json' },
    requests: [{ setupRequest: SETUP_REQUEST }],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { requests: result.requests.total, seconds: result.duration, p99: result.latency.p99 };
}

/**
 * Scans two events' tickets in alternating chunks, reference then API: the machine is shared,
 * and load that comes and goes then weighs on both alike. Throughput is the scans of all chunks
 * over their time; p99 is the median of the chunks' p99 (autocannon gives no mergeable histogram).
 */
async function alternate(app, token, folder, routes, chunk) {
  const runs = routes.map(() => []);
  for (let start = 0; start < routes[0].tickets.length; start += chunk) {
    for (const [i, route] of routes.entries()) runs[i].push(await scanAll(app, token, folder, route.path, route.tickets.slice(start, start + chunk)));
  }
  return runs.map((chunks) => {
    const p99s = chunks.map((c) => c.p99).sort((a, b) => a - b);
    return { rps: chunks.reduce((n, c) => n + c.requests, 0) / chunks.reduce((t, c) => t + c.seconds, 0), p99: p99s[Math.floor(p99s.length / 2)] };
  });
}

export async function benchCheckIns() {
  const app = await startBenchApp({ modules: [ReferenceModule] });
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const folder = mkdtempSync(join(tmpdir(), 'netralitas-bench-scans-'));
  try {
    await ok(app, 'POST', '/regions', { code: '35', name: 'Jawa Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' });
    const city = await ok(app, 'POST', '/regions', { code: '35.79', name: 'Kota Batu', level: 'CITY', timezone: 'Asia/Jakarta' });
    const agency = await ok(app, 'POST', '/agencies', { regionId: city.id, name: 'Dinas Pendidikan', category: 'OPD' });
    await ok(app, 'POST', '/users', { email: 'pintu@bench.local', fullName: 'Petugas Pintu', password: 'bench-password-123', role: 'CHECKIN', regionId: city.id });
    const door = `Bearer ${(await ok(app, 'POST', '/auth/login', { email: 'pintu@bench.local', password: 'bench-password-123' }, '')).accessToken}`;
    // The active template: the scans below offer its signing link.
    await ok(app, 'POST', '/pledge-templates', { title: 'Pakta Integritas Netralitas ASN', clauses: ['Menjaga netralitas ASN.', 'Menolak politik uang.'], legalBasis: 'SKB 2022' });
    const { rows: people } = await db.query(
      `INSERT INTO people (region_id, agency_id, full_name, nip, employment_type, position)
       SELECT $1, $2, 'Peserta ' || n || CASE n % 7 WHEN 0 THEN ' Budi' ELSE '' END, '19800101201001' || lpad(n::text, 4, '0'), 'PNS', 'Pelaksana'
         FROM generate_series(1, $3) n RETURNING id`,
      [city.id, agency.id, REGISTRATIONS],
    );

    /** A SCHEDULED event whose door is open now, with `count` registrations; returns its id and tickets. */
    const startsAt = new Date(Date.now() + 3_600_000);
    const event = async (title, count = REGISTRATIONS) => {
      const created = await ok(app, 'POST', '/events', {
        regionId: city.id,
        title,
        type: 'SOSIALISASI',
        venueName: 'GOR Gajah Mada',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        capacity: REGISTRATIONS,
      });
      await ok(app, 'POST', `/events/${created.id}/publish`);
      const tickets = people.slice(0, count).map(() => randomCode(10));
      await db.query(
        `INSERT INTO registrations (region_id, event_id, person_id, agency_id, ticket_code)
         SELECT $1, $2, t.person_id, $3, t.ticket_code FROM unnest($4::uuid[], $5::text[]) AS t(person_id, ticket_code)`,
        [city.id, created.id, agency.id, people.slice(0, count).map((p) => p.id), tickets],
      );
      await db.query('UPDATE events SET registered = $2 WHERE id = $1', [created.id, count]);
      return { id: created.id, tickets };
    };

    // Autovacuum would have analyzed the bulk-loaded tables by the time of the event.
    await db.query('ANALYZE people; ANALYZE registrations');

    // Warm-up (JIT, prepared plans, pool): both routes on an event of their own.
    const warm = await event('Pemanasan', 1_000);
    await alternate(app, door, folder, [{ path: `/bench-reference/events/${warm.id}/check-ins`, tickets: warm.tickets.slice(0, 500) }, { path: `/events/${warm.id}/check-ins`, tickets: warm.tickets.slice(500) }], 250);

    // One event of 5,000 for each route, scanned in alternating chunks of 500.
    const forReference = await event('Referensi');
    const forApi = await event('Sosialisasi');
    await db.query('ANALYZE registrations');
    const [ref, api201] = await alternate(
      app,
      door,
      folder,
      [
        { path: `/bench-reference/events/${forReference.id}/check-ins`, tickets: forReference.tickets },
        { path: `/events/${forApi.id}/check-ins`, tickets: forApi.tickets },
      ],
      500,
    );
    // Every ticket again: the repeat path (200 with the first record, and a conflict kept).
    const [repeats] = await alternate(app, door, folder, [{ path: `/events/${forApi.id}/check-ins`, tickets: forApi.tickets }], 500);
    const { rows: [links] } = await db.query('SELECT count(*)::int AS n FROM sign_tokens s JOIN check_ins c ON c.region_id = s.region_id AND c.id = s.check_in_id WHERE c.event_id = $1', [forApi.id]);
    if (links.n !== REGISTRATIONS) throw new Error(`${links.n} signing links for ${REGISTRATIONS} check-ins`);

    // A batch of 1,000 offline scans, then the same batch again, against a bare INSERT … SELECT of 1,000 check-ins.
    const batchEvent = await event('Luring', BATCH);
    await db.query('ANALYZE registrations');
    const scannedAt = new Date(Date.now() - 60_000).toISOString();
    const items = batchEvent.tickets.map((ticketCode, i) => ({ clientCheckinId: `hp-${i}`, checkedInAt: scannedAt, deviceId: 'hp-luring', ticketCode }));
    const batch = await timed(() => ok(app, 'POST', `/events/${batchEvent.id}/check-ins/batch`, { items }, door));
    const replay = await timed(() => ok(app, 'POST', `/events/${batchEvent.id}/check-ins/batch`, { items }, door));
    if (batch.result.results.some((r) => r.status !== 'created') || replay.result.results.some((r) => r.status !== 'duplicate')) throw new Error('batch: unexpected statuses');
    const bareEvent = await event('Luring referensi', BATCH);
    const bare = await timed(() =>
      db.query(
        `INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by, device_id, client_checkin_id)
         SELECT r.region_id, r.event_id, r.person_id, r.agency_id, r.id, $2, 'OFFLINE_SYNC', 'TICKET', 'hp-luring', r.ticket_code
           FROM registrations r WHERE r.event_id = $1`,
        [bareEvent.id, scannedAt],
      ),
    );

    // The door lookup on 5,000 registrations (a name fragment matching 1 in 7).
    const lookup = await autocannon({ url: `${app.base}/events/${forApi.id}/registrations?q=budi&limit=20`, headers: { authorization: door }, connections: 10, duration: 3, workers: 1 });
    if (lookup.non2xx > 0 || lookup.errors > 0 || lookup.timeouts > 0 || lookup.requests.total === 0) throw new Error(`lookup: ${lookup.non2xx} non-2xx, ${lookup.errors} errors, ${lookup.timeouts} timeouts`);

    const row = (what, r, baseline) => [what, `${r.rps.toFixed(0)} req/s (p99 ${r.p99} ms)`, baseline ? ratio(r.rps, baseline.rps) : '1.00×'];
    return [
      row(`reference: guard + one INSERT … SELECT via pg (${CONNECTIONS} conn.)`, ref),
      row('POST /events/:id/check-ins, first scans of 5,000', api201, ref),
      row('POST /events/:id/check-ins, the 5,000 again (200 + conflict)', repeats, ref),
      ['bare INSERT … SELECT of 1,000 check-ins (reference)', `${(bare.seconds * 1000).toFixed(0)} ms`, '1.00×'],
      ['POST /events/:id/check-ins/batch, 1,000 new scans', `${(batch.seconds * 1000).toFixed(0)} ms`, ratio(batch.seconds, bare.seconds)],
      ['the same batch again (1,000 duplicates)', `${(replay.seconds * 1000).toFixed(0)} ms`, ratio(replay.seconds, bare.seconds)],
      ['GET /events/:id/registrations?q= on 5,000 (10 conn.)', `${lookup.requests.average.toFixed(0)} req/s (p99 ${lookup.latency.p99} ms)`, ''],
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await db.end();
    await app.close();
  }
}
