// Invitations: (1) bulk-inviting every agency of a region of 150 agencies through the API against a
// bare INSERT … SELECT of the same rows (tokens drawn in SQL, as the API does) in the same database
// and run; (2) answers per second when 50 concurrent clients race to confirm for the last seats of
// one event, against the same conditional seat update sent through pg directly by 50 clients.
import pg from 'pg';
import { RANDOM_TOKEN_SQL } from '../dist/common/codes.js';
import { ok, ratio, startBenchApp, timed } from './support.js';

const REGION_AGENCIES = 150;
const INVITE_ROUNDS = 15;
const RACERS = 50;
const INVITED = 2000;
const CAPACITY = 1000;

async function api(app, method, path, body) {
  const headers = body ? { authorization: app.token, 'content-type': 'application/json' } : { authorization: app.token };
  const response = await fetch(`${app.base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

async function scheduledEvent(app, regionId, capacity, n) {
  const event = await ok(app, 'POST', '/events', {
    regionId,
    title: `Sosialisasi Netralitas ASN ${n}`,
    type: 'SOSIALISASI',
    venueName: 'GOR Gajah Mada',
    startsAt: '2030-10-29T13:00:00+07:00',
    endsAt: '2030-10-29T16:00:00+07:00',
    capacity,
  });
  await ok(app, 'POST', `/events/${event.id}/publish`);
  return event.id;
}

/** Agencies of a category in the region, with one person each, written directly (setup, not under test). */
async function seedAgencies(db, regionId, count, category) {
  const { rows } = await db.query(
    `WITH agencies AS (
       INSERT INTO agencies (region_id, name, category, head_title)
       SELECT $1, $3 || ' Uji ' || n, $3::agency_category, 'Kepala' FROM generate_series(1, $2) AS n RETURNING id
     )
     INSERT INTO people (region_id, agency_id, full_name, employment_type)
     SELECT $1, id, 'Kepala ' || id, 'NON_ASN' FROM agencies RETURNING id, agency_id`,
    [regionId, count, category],
  );
  return new Map(rows.map((row) => [row.agency_id, row.id]));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `work(item)` over the items with `concurrency` workers pulling from one queue. */
async function race(items, concurrency, work) {
  let next = 0;
  const outcomes = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) outcomes.push(await work(items[next++]));
    }),
  );
  return outcomes;
}

export async function benchInvitations() {
  const app = await startBenchApp();
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    await ok(app, 'POST', '/regions', { code: '35', name: 'Jawa Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' });
    const city = await ok(app, 'POST', '/regions', { code: '35.79', name: 'Kota Batu', level: 'CITY', timezone: 'Asia/Jakarta' });
    await seedAgencies(db, city.id, REGION_AGENCIES, 'OPD');

    // (1) Bulk invitation, API against a bare INSERT … SELECT, alternating, one fresh event each.
    const apiTimes = [];
    const bareTimes = [];
    for (let round = 0; round <= INVITE_ROUNDS; round++) {
      const viaApi = await scheduledEvent(app, city.id, 1000, `api ${round}`);
      const bare = await scheduledEvent(app, city.id, 1000, `bare ${round}`);
      const a = await timed(() => ok(app, 'POST', `/events/${viaApi}/invitations`, { category: 'OPD', seats: 3 }));
      if (a.result.created.length !== REGION_AGENCIES) throw new Error(`invited ${a.result.created.length}`);
      const b = await timed(() =>
        db.query(
          `INSERT INTO invitations (region_id, event_id, agency_id, addressee_title, seats, token)
           SELECT a.region_id, $2, a.id, coalesce(a.head_title, a.name), 3, ${RANDOM_TOKEN_SQL}
             FROM agencies a WHERE a.region_id = $1 AND a.category = 'OPD'`,
          [city.id, bare],
        ),
      );
      // Round 0 warms up (JIT, plans, pool).
      if (round > 0) {
        apiTimes.push(a.seconds);
        bareTimes.push(b.seconds);
      }
    }
    const apiInvite = median(apiTimes);
    const bareInvite = median(bareTimes);

    // (2) 2,000 invitations of one seat each, 1,000 seats: 50 clients confirm at once; half get 409.
    const people = await seedAgencies(db, city.id, INVITED, 'DESA');
    const racedEvent = await scheduledEvent(app, city.id, CAPACITY, 'race');
    const invited = await ok(app, 'POST', `/events/${racedEvent}/invitations`, { category: 'DESA', seats: 1 });
    const answers = await timed(() =>
      race(invited.created, RACERS, (invitation) =>
        api(app, 'POST', `/invitations/${invitation.invitationId}/respond`, { status: 'CONFIRMED', attendees: [{ personId: people.get(invitation.agencyId) }] }).then((r) => r.status),
      ),
    );
    const confirmed = answers.result.filter((status) => status === 200).length;
    const refused = answers.result.filter((status) => status === 409).length;
    const { rows: [state] } = await db.query('SELECT registered, (SELECT count(*)::int FROM registrations WHERE event_id = $1) AS registrations FROM events WHERE id = $1', [racedEvent]);
    if (confirmed !== CAPACITY || refused !== INVITED - CAPACITY || state.registered !== CAPACITY || state.registrations !== CAPACITY) {
      throw new Error(`race: ${confirmed} confirmed, ${refused} refused, ${JSON.stringify(state)}`);
    }

    // Baseline: the same conditional update (takeSeats) for the same number of answers, 50 pg clients, autocommit.
    const baselineEvent = await scheduledEvent(app, city.id, CAPACITY, 'baseline');
    const clients = await Promise.all(
      Array.from({ length: RACERS }, async () => {
        const client = new pg.Client({ connectionString: app.databaseUrl });
        await client.connect();
        return client;
      }),
    );
    let sent = 0;
    const updates = await timed(async () => {
      const taken = [];
      await Promise.all(
        clients.map(async (client) => {
          while (sent < INVITED) {
            sent += 1;
            const { rowCount } = await client.query('UPDATE events SET registered = registered + 1 WHERE id = $1 AND registered + 1 <= capacity', [baselineEvent]);
            taken.push(rowCount);
          }
        }),
      );
      return taken;
    });
    await Promise.all(clients.map((client) => client.end()));
    if (updates.result.filter((n) => n === 1).length !== CAPACITY) throw new Error('baseline over- or under-booked');

    const apiRate = INVITED / answers.seconds;
    const bareRate = INVITED / updates.seconds;
    return [
      [`bare INSERT … SELECT of ${REGION_AGENCIES} invitations (baseline, median of ${INVITE_ROUNDS})`, `${(bareInvite * 1000).toFixed(1)} ms`, '1.00×'],
      [`POST /events/:id/invitations {category}, ${REGION_AGENCIES} agencies`, `${(apiInvite * 1000).toFixed(1)} ms`, ratio(apiInvite, bareInvite)],
      [`conditional seat UPDATE via pg, ${RACERS} clients (baseline)`, `${bareRate.toFixed(0)} answers/s`, '1.00×'],
      [`POST /invitations/:id/respond, ${RACERS} clients, ${INVITED} answers for ${CAPACITY} seats (${confirmed} × 200, ${refused} × 409)`, `${apiRate.toFixed(0)} answers/s`, ratio(apiRate, bareRate)],
    ];
  } finally {
    await db.end();
    await app.close();
  }
}
