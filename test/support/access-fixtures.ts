import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { randomToken } from '../../src/common/codes.js';
import { hashPassword } from '../../src/users/passwords.js';
import type { Caller, FreshKind, Place, PlaceKey, Ref, Role, World } from './access-matrix.js';
import { listen, type Send } from './access-matrix.js';
import { pnsNip } from './directory-fixtures.js';
import { createRegions } from './fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * The world of the access matrix, created once per run: the cast (one user per role, an
 * ORGANIZER of a city and one of its province), and five places, each with the same kinds
 * of objects, named "Matrix …" so that lists can be searched for them:
 *
 * | place       | region                            | agency                  | reached by, besides ADMIN                        |
 * | ----------- | --------------------------------- | ----------------------- | ------------------------------------------------ |
 * | own         | Kota Batu                         | the AGENCY_REP's agency | the whole cast                                   |
 * | otherAgency | Kota Batu                         | another agency          | the whole cast, but not the AGENCY_REP for agency rows |
 * | province    | Jawa Timur (the province of Batu) | an agency of it         | the province's ORGANIZER                         |
 * | sibling     | Kabupaten Malang (same province)  | an agency of it         | the province's ORGANIZER                         |
 * | foreign     | Kota Balikpapan (another province)| an agency of it         | nobody                                           |
 *
 * The places' objects are made through the API. Rows a single write case acts on
 * (`world.fresh`, hundreds per run) and the cast's accounts are inserted straight into the
 * tables: through the API they would double the matrix's time (and cost an argon2 hash per
 * user). The requests under test always go through the API.
 */

const PLACE_LABELS: Record<PlaceKey, string> = {
  own: 'own object (Kota Batu, own agency)',
  otherAgency: 'other agency in the same region',
  province: 'object of the province above',
  sibling: 'object of a sibling region',
  foreign: 'object of another province',
};

export const CAST_PASSWORD = 'correct-horse-battery';

/** The smallest file the surat tugas upload takes: a PDF by its first bytes. */
export const MATRIX_PDF = Buffer.from('%PDF-1.4\n% matrix surat tugas\n%%EOF\n');

export interface AccessWorld extends World {
  send: Send;
  db: pg.Pool;
  /** Inserts users that never log in (they share one password hash), returning their ids in order. */
  insertUsers(users: Array<{ role: Role; regionId: string | null; agencyId: string | null; name: string }>): Promise<string[]>;
  close(): Promise<void>;
}

export async function createAccessWorld(t: TestApp): Promise<AccessWorld> {
  const db = new pg.Pool({ connectionString: t.databaseUrl, max: 4 });
  try {
    return await populate(t, db, await listen(t.app));
  } catch (error) {
    await db.end();
    throw error;
  }
}

async function populate(t: TestApp, db: pg.Pool, send: Send): Promise<AccessWorld> {
  let counter = 0;
  const next = () => ++counter;
  const passwordHash = await hashPassword(CAST_PASSWORD);

  const asAdmin = async <T = Ref>(method: string, url: string, body?: unknown): Promise<T> => {
    const answer = await send({ method, url: `/api/v1${url}`, token: t.adminToken, body });
    if (answer.status >= 300) throw new Error(`fixture ${method} ${url}: ${answer.status} ${answer.body}`);
    return answer.json() as T;
  };

  const insertUsers: AccessWorld['insertUsers'] = async (users) => {
    const ids = users.map(() => randomUUID());
    await db.query(
      `INSERT INTO users (id, email, full_name, password_hash, role, region_id, agency_id)
       SELECT id, 'matrix.' || id || '@matrix.test', name, $6, role::user_role, region_id, agency_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[]) AS u(id, name, role, region_id, agency_id)`,
      [ids, users.map((u) => u.name), users.map((u) => u.role), users.map((u) => u.regionId), users.map((u) => u.agencyId), passwordHash],
    );
    return ids;
  };

  /** Every event has a day of its own, so that no programme ever double-books a speaker. */
  // Upcoming (a month ahead and on): the region's calendar feed holds only recent and coming events.
  const firstDay = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 30 * 86_400_000;
  const eventDay = () => new Date(firstDay + next() * 86_400_000).toISOString().slice(0, 10);
  const createEvent = async (regionId: string, title: string, scheduled: boolean) => {
    const day = eventDay();
    const body = { regionId, title, type: 'SOSIALISASI', venueName: 'Aula Bakesbangpol', startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T12:00:00+07:00`, capacity: 100 };
    const event = await asAdmin<Ref & { startsAt: string; endsAt: string }>('POST', '/events', body);
    return scheduled ? asAdmin<Ref & { startsAt: string; endsAt: string }>('POST', `/events/${event.id}/publish`) : event;
  };

  /** One INSERT per kind of row; ids are made here, so that each row maps back to its request. */
  const fresh = async (requests: Array<{ kind: FreshKind; place: Place }>): Promise<Ref[]> => {
    const rows: Ref[] = requests.map(({ kind }) => {
      const day = eventDay();
      return { id: randomUUID(), label: `Fresh ${kind} ${next()}`, startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T12:00:00+07:00` };
    });
    const columns = (kinds: FreshKind[], values: (row: Ref, place: Place, kind: FreshKind) => unknown[]) => {
      const batch = requests.flatMap((request, i) => (kinds.includes(request.kind) ? [values(rows[i], request.place, request.kind)] : []));
      return batch.length === 0 ? null : batch[0].map((_, column) => batch.map((row) => row[column]));
    };
    const insert = async (sql: string, values: unknown[][] | null) => {
      if (values) await db.query(sql, values);
    };
    await Promise.all([
      insert(
        `INSERT INTO agencies (id, region_id, name, category) SELECT i, r, l, 'OPD' FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(i, r, l)`,
        columns(['agency'], (row, place) => [row.id, place.region.id, row.label]),
      ),
      insert(
        `INSERT INTO people (id, region_id, agency_id, full_name, employment_type)
         SELECT i, r, a, l, 'NON_ASN' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS u(i, r, a, l)`,
        columns(['person'], (row, place) => [row.id, place.agency.regionId, place.agency.id, row.label]),
      ),
      insert(
        `INSERT INTO speakers (id, region_id, full_name) SELECT i, r, l FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(i, r, l)`,
        columns(['speaker'], (row, place) => [row.id, place.region.id, row.label]),
      ),
      insert(
        `INSERT INTO events (id, region_id, title, type, topics, venue_name, starts_at, ends_at, capacity, status)
         SELECT i, r, l, 'SOSIALISASI', '{}', 'Aula Bakesbangpol', s, e, 100, st::event_status
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[]) AS u(i, r, l, s, e, st)`,
        columns(['event', 'draftEvent'], (row, place, kind) => [row.id, place.region.id, row.label, row.startsAt, row.endsAt, kind === 'event' ? 'SCHEDULED' : 'DRAFT']),
      ),
      insert(
        `INSERT INTO cascades (id, region_id, agency_id, held_on, notes) SELECT i, r, a, date '2024-11-04', l FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS u(i, r, a, l)`,
        columns(['cascade'], (row, place) => [row.id, place.agency.regionId, place.agency.id, row.label]),
      ),
    ]);
    // An invitation of the place's agency to an event of its own (still to come: answers close at the start).
    const invitations = requests.flatMap((request, i) => (request.kind === 'invitation' ? [{ request, row: rows[i] }] : []));
    for (const { row } of invitations) {
      row.eventId = randomUUID();
      row.token = randomToken();
    }
    if (invitations.length > 0) {
      await db.query(
        `WITH e AS (
           INSERT INTO events (id, region_id, title, type, topics, venue_name, starts_at, ends_at, capacity, status)
           SELECT ev, r, l, 'SOSIALISASI', '{}', 'Aula Bakesbangpol', s, s + interval '3 hours', 100, 'SCHEDULED'
             FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) AS u(ev, r, l, s)
           RETURNING id
         )
         INSERT INTO invitations (id, region_id, event_id, agency_id, addressee_title, seats, token)
         SELECT i, r, ev, a, 'Kepala Matrix', 2, tk
           FROM unnest($1::uuid[], $3::uuid[], $2::uuid[], $6::uuid[], $7::text[]) AS u(i, r, ev, a, tk)
          WHERE EXISTS (SELECT 1 FROM e)`,
        [
          invitations.map(({ row }) => row.id),
          invitations.map(({ row }) => row.eventId),
          invitations.map(({ request }) => request.place.region.id),
          invitations.map(({ row }) => row.label),
          invitations.map(({ row }) => row.startsAt),
          invitations.map(({ request }) => request.place.agency.id),
          invitations.map(({ row }) => row.token),
        ],
      );
    }
    const users = requests.flatMap((request, i) => (request.kind === 'user' ? [{ request, row: rows[i] }] : []));
    const userIds = await insertUsers(users.map(({ request, row }) => ({ role: 'CHECKIN', regionId: request.place.region.id, agencyId: null, name: String(row.label) })));
    users.forEach(({ row }, i) => (row.id = userIds[i]));
    return rows;
  };

  const r = await createRegions(t);
  const placeRegions: Record<PlaceKey, typeof r.batu> = { own: r.batu, otherAgency: r.batu, province: r.jatim, sibling: r.malang, foreign: r.balikpapan };
  const keys = Object.keys(placeRegions) as PlaceKey[];
  const agencies = await Promise.all(
    keys.map((key) => asAdmin<Ref & { name: string; regionId: string }>('POST', '/agencies', { regionId: placeRegions[key].id, name: `Matrix Dinas ${key}`, category: 'OPD' })),
  );

  // The cast logs in like anyone else; its accounts share one hash of the same password.
  const admin = await asAdmin<Ref & { email: string }>('GET', '/auth/me');
  const members: Array<Omit<Caller, 'token' | 'userId' | 'email'>> = [
    { label: 'ORGANIZER of Kota Batu', role: 'ORGANIZER', regionIds: [r.batu.id], agencyId: null },
    { label: 'ORGANIZER of Jawa Timur', role: 'ORGANIZER', regionIds: [r.jatim.id, r.batu.id, r.malang.id], agencyId: null },
    { label: 'VIEWER of Kota Batu', role: 'VIEWER', regionIds: [r.batu.id], agencyId: null },
    { label: 'CHECKIN of Kota Batu', role: 'CHECKIN', regionIds: [r.batu.id], agencyId: null },
    { label: 'AGENCY_REP of own agency', role: 'AGENCY_REP', regionIds: [r.batu.id], agencyId: agencies[0].id },
  ];
  const memberIds = await insertUsers(
    members.map((m) => ({ role: m.role, regionId: m.regionIds![0], agencyId: m.agencyId, name: `Matrix ${m.label}` })),
  );
  const emails = (await db.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE id = ANY($1)', [memberIds])).rows;
  const cast: Caller[] = [
    { label: 'ADMIN', role: 'ADMIN', token: t.adminToken, userId: admin.id, email: admin.email, regionIds: null, agencyId: null },
    ...(await Promise.all(
      members.map(async (member, i) => {
        const email = emails.find((e) => e.id === memberIds[i])!.email;
        return { ...member, userId: memberIds[i], email, token: await t.login(email, CAST_PASSWORD) };
      }),
    )),
  ];

  const placeList = await Promise.all(
    keys.map(async (key, i): Promise<Place> => {
      const region = placeRegions[key];
      const agency = agencies[i];
      const [person, speaker, event, draft, [userId]] = await Promise.all([
        asAdmin('POST', '/people', { agencyId: agency.id, fullName: `Matrix Orang ${key}`, nip: pnsNip(1000 + i), employmentType: 'PNS' }),
        asAdmin('POST', '/speakers', { regionId: region.id, fullName: `Matrix Narasumber ${key}` }),
        createEvent(region.id, `Matrix Sosialisasi ${key}`, true),
        createEvent(region.id, `Matrix Rakor ${key}`, false),
        insertUsers([{ role: 'CHECKIN', regionId: region.id, agencyId: null, name: `Matrix Petugas ${key}` }]),
      ]);
      return { key, label: PLACE_LABELS[key], region: region as Place['region'], agency, person, speaker, event, draft, user: { id: userId }, invitation: { id: '', token: '' }, pledge: { id: '', verificationCode: '' }, cascade: { id: '' } };
    }),
  );
  const places = Object.fromEntries(placeList.map((place) => [place.key, place])) as Record<PlaceKey, Place>;
  // Invitations through the API, with a surat tugas each; the two of Kota Batu to the same event.
  for (const place of placeList) {
    const event = place.key === 'otherAgency' ? places.own.event : place.event;
    const invited = await asAdmin<{ created: Array<{ invitationId: string }> }>('POST', `/events/${event.id}/invitations`, { agencyIds: [place.agency.id], seats: 2 });
    const id = invited.created[0].invitationId;
    const { rows } = await db.query<{ token: string }>('SELECT token FROM invitations WHERE id = $1', [id]);
    place.invitation = { id, token: rows[0].token };
    const letter = await send({ method: 'PUT', url: `/api/v1/invitations/${id}/assignment-letter`, token: t.adminToken, file: { contentType: 'application/pdf', bytes: MATRIX_PDF } });
    if (letter.status !== 200) throw new Error(`fixture surat tugas: ${letter.status} ${letter.body}`);
    // A cascade of the place's agency, with its evidence.
    const cascade = await asAdmin<Ref>('POST', `/agencies/${place.agency.id}/cascades`, { heldOn: '2024-11-04', reached: { pns: 0, pppk: 0, nonAsn: 0 } });
    place.cascade = { id: cascade.id };
    const evidence = await send({ method: 'PUT', url: `/api/v1/cascades/${cascade.id}/evidence`, token: t.adminToken, file: { contentType: 'application/pdf', bytes: MATRIX_PDF } });
    if (evidence.status !== 200) throw new Error(`fixture cascade evidence: ${evidence.status} ${evidence.body}`);
  }
  const election = await asAdmin('POST', '/elections', { name: 'Matrix Pilkada Serentak', type: 'SERENTAK', votingDate: '2024-11-27' });
  // A pledge in every place (signed outside any event), and a signing link at the own place's event.
  const pledgeTemplate = await asAdmin('POST', '/pledge-templates', { title: 'Matrix Pakta Integritas', clauses: ['Klausul matrix.'], legalBasis: 'SKB 2022' });
  for (const place of placeList) {
    const fullName = (place.person as Ref & { fullName: string }).fullName;
    place.pledge = await asAdmin('POST', '/pledges', { templateId: pledgeTemplate.id, personId: place.person.id, capacity: 'SELF', signatureName: fullName, consent: true });
  }
  // Someone checked in at the own place's event, with a signing link; and a second one who signed
  // through theirs (its certificate is the signer's to download).
  const signingLink = async (fullName: string, ticketCode: string): Promise<string> => {
    const token = randomToken();
    await db.query(
      `WITH person AS (
         INSERT INTO people (region_id, agency_id, full_name, employment_type) VALUES ($1, $2, $5, 'NON_ASN') RETURNING id
       ), registration AS (
         INSERT INTO registrations (region_id, event_id, person_id, agency_id, delegate, ticket_code)
         SELECT $1, $3, id, $2, false, $6 FROM person RETURNING id, person_id
       ), check_in AS (
         INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by)
         SELECT $1, $3, person_id, $2, id, now(), 'MANUAL', 'PERSON' FROM registration RETURNING id
       )
       INSERT INTO sign_tokens (region_id, check_in_id, token, expires_at) SELECT $1, id, $4, now() + interval '30 days' FROM check_in`,
      [places.own.region.id, places.own.agency.id, places.own.event.id, token, fullName, ticketCode],
    );
    return token;
  };
  const signToken = await signingLink('Matrix Penanda Tangan', 'MATRIXSIGN1');
  const signedSignToken = await signingLink('Matrix Penanda Tangan Kedua', 'MATRIXSIGN2');
  const signed = await send({ method: 'POST', url: `/api/v1/sign/${signedSignToken}`, body: { signatureName: 'Matrix Penanda Tangan Kedua', consent: true } });
  if (signed.status !== 201) throw new Error(`fixture signing by link: ${signed.status} ${signed.body}`);

  return {
    send,
    cast,
    places,
    election,
    pledgeTemplate,
    signToken,
    signedSignToken,
    fresh,
    marker: () => `mx${String(next()).padStart(6, '0')}`,
    db,
    insertUsers,
    close: () => db.end(),
  };
}
