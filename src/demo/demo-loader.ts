import './not-in-production.js';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { RANDOM_TOKEN_SQL } from '../common/codes.js';
import { newTicketCode } from '../invitations/registration.entity.js';
import { hashPassword } from '../users/passwords.js';
import { loadDemoAttendance } from './attendance-loader.js';
import { loadDemoPledges } from './pledge-loader.js';
import { loadDemoCascades } from './cascades-loader.js';
import { DEMO_PASSWORD, type DemoData } from './demo-data.js';

export interface DemoLoadSummary {
  regions: number;
  offices: number;
  elections: number;
  agencies: number;
  people: number;
  users: number;
  speakers: number;
  events: number;
  invitations: number;
  registrations: number;
  checkIns: number;
  pledges: number;
  cascades: number;
}

/**
 * Upserts the demo data set by natural keys (region code — also of its office —, election name, agency name within
 * its region, NIP — or agency and name — for people, email, speaker name within its region,
 * event title and start; invitations, registrations and check-ins by event and agency or person;
 * cascades by agency, day and notes),
 * one set-based statement per table, in one transaction. Running it again changes nothing and
 * duplicates nothing.
 */
export async function loadDemoData(dataSource: DataSource, data: DemoData): Promise<DemoLoadSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = await dataSource.transaction(async (manager) => {
    const json = (rows: readonly object[]) => JSON.stringify(rows);
    // Provinces first: regencies and cities find their parent by code.
    for (const rows of [data.provinces, data.regions]) {
      await manager.query(
        `INSERT INTO regions (code, name, level, parent_id, timezone)
         SELECT r.code, r.name, r.level::region_level, p.id, r.timezone
           FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, level text, "parentCode" text, timezone text)
           LEFT JOIN regions p ON p.code = r."parentCode"
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, timezone = EXCLUDED.timezone, updated_at = now()
          WHERE (regions.name, regions.timezone) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.timezone)`,
        [json(rows)],
      );
    }
    // An office changed through the API since is kept: the demo only sets the ones missing.
    await manager.query(
      `INSERT INTO region_offices (region_id, government, name, address, phone, email, website, city,
                                   signatory_name, signatory_position, signatory_rank, signatory_nip)
       SELECT r.id, o.government, o.name, o.address, o.phone, o.email, o.website, o.city,
              o.signatory->>'name', o.signatory->>'position', o.signatory->>'rank', o.signatory->>'nip'
         FROM jsonb_to_recordset($1::jsonb) AS o("regionCode" text, government text, name text, address text, phone text,
              email text, website text, city text, signatory jsonb)
         JOIN regions r ON r.code = o."regionCode"
       ON CONFLICT (region_id) DO NOTHING`,
      [json(data.offices)],
    );
    await manager.query(
      `INSERT INTO elections (name, type, voting_date)
       SELECT e.name, e.type::election_type, e."votingDate"::date
         FROM jsonb_to_recordset($1::jsonb) AS e(name text, type text, "votingDate" text)
       ON CONFLICT (lower(name)) DO NOTHING`,
      [json(data.elections)],
    );
    await manager.query(
      `INSERT INTO agencies (region_id, name, short_name, category, head_title, headcount_pns, headcount_pppk, headcount_non_asn, headcount_as_of)
       SELECT r.id, a.name, a."shortName", a.category::agency_category, a."headTitle",
              (a.headcount->>'pns')::int, (a.headcount->>'pppk')::int, (a.headcount->>'nonAsn')::int, a."headcountAsOf"::date
         FROM jsonb_to_recordset($1::jsonb) AS a("regionCode" text, name text, "shortName" text, category text, "headTitle" text, headcount jsonb, "headcountAsOf" text)
         JOIN regions r ON r.code = a."regionCode"
       ON CONFLICT (region_id, lower(name)) DO NOTHING`,
      [json(data.agencies)],
    );
    await manager.query(
      `UPDATE agencies child SET parent_agency_id = parent.id
         FROM jsonb_to_recordset($1::jsonb) AS a("regionCode" text, name text, "parentAgencyName" text)
         JOIN regions r ON r.code = a."regionCode"
         JOIN agencies parent ON parent.region_id = r.id AND lower(parent.name) = lower(a."parentAgencyName")
        WHERE child.region_id = r.id AND lower(child.name) = lower(a.name)
          AND child.parent_agency_id IS DISTINCT FROM parent.id`,
      [json(data.agencies.filter((a) => a.parentAgencyName))],
    );
    // People with a NIP are keyed by it; the others by agency and name.
    await manager.query(
      `INSERT INTO people (region_id, agency_id, full_name, nip, employment_type, position, phone, email)
       SELECT r.id, a.id, p."fullName", p.nip, p."employmentType"::employment_type, p.position, p.phone, p.email
         FROM jsonb_to_recordset($1::jsonb) AS p("regionCode" text, "agencyName" text, "fullName" text, nip text, "employmentType" text, position text, phone text, email text)
         JOIN regions r ON r.code = p."regionCode"
         JOIN agencies a ON a.region_id = r.id AND lower(a.name) = lower(p."agencyName")
        WHERE p.nip IS NOT NULL OR NOT EXISTS (
          SELECT 1 FROM people x WHERE x.agency_id = a.id AND lower(x.full_name) = lower(p."fullName"))
       ON CONFLICT (region_id, nip text_pattern_ops) WHERE nip IS NOT NULL DO NOTHING`,
      [json(data.people)],
    );
    await manager.query(
      `INSERT INTO users (email, full_name, password_hash, role, region_id, agency_id, active)
       SELECT lower(u.email), u."fullName", $2, u.role::user_role, r.id, a.id, u.active
         FROM jsonb_to_recordset($1::jsonb) AS u(email text, "fullName" text, role text, "regionCode" text, "agencyName" text, active boolean)
         LEFT JOIN regions r ON r.code = u."regionCode"
         LEFT JOIN agencies a ON a.region_id = r.id AND lower(a.name) = lower(u."agencyName")
       ON CONFLICT (email) DO NOTHING`,
      [json(data.users), passwordHash],
    );
    await manager.query(
      `INSERT INTO speakers (region_id, full_name, title, organization)
       SELECT r.id, s."fullName", s.title, s.organization
         FROM jsonb_to_recordset($1::jsonb) AS s("regionCode" text, "fullName" text, title text, organization text)
         JOIN regions r ON r.code = s."regionCode"
        WHERE NOT EXISTS (SELECT 1 FROM speakers x WHERE x.region_id = r.id AND x.full_name = s."fullName")`,
      [json(data.speakers)],
    );
    const insertedEvents = (await manager.query(
      `INSERT INTO events (region_id, title, type, topics, election_id, organizer, venue_name, venue_address, starts_at, ends_at, capacity, letter_number, status)
       SELECT r.id, e.title, e.type::event_type, ARRAY(SELECT jsonb_array_elements_text(e.topics)), el.id, e.organizer, e."venueName", e."venueAddress",
              e."startsAt"::timestamptz, e."endsAt"::timestamptz, e.capacity, e."letterNumber", e.status::event_status
         FROM jsonb_to_recordset($1::jsonb) AS e("regionCode" text, title text, type text, topics jsonb, "electionName" text, organizer text,
              "venueName" text, "venueAddress" text, "startsAt" text, "endsAt" text, capacity int, "letterNumber" text, status text)
         JOIN regions r ON r.code = e."regionCode"
         LEFT JOIN elections el ON el.name = e."electionName"
        WHERE NOT EXISTS (SELECT 1 FROM events x WHERE x.region_id = r.id AND x.title = e.title AND x.starts_at = e."startsAt"::timestamptz)
       RETURNING id`,
      [json(data.events)],
    )) as Array<{ id: string }>;
    // Programmes are written with their event only, so a programme edited later is kept.
    await manager.query(
      `INSERT INTO event_speakers (region_id, event_id, speaker_id, topic, starts_at, ends_at, "order")
       SELECT ev.region_id, ev.id, sp.id, s.topic, s."startsAt"::timestamptz, s."endsAt"::timestamptz, s."order"
         FROM jsonb_to_recordset($1::jsonb) AS e("regionCode" text, title text, "startsAt" text, speakers jsonb)
         JOIN regions r ON r.code = e."regionCode"
         JOIN events ev ON ev.region_id = r.id AND ev.title = e.title AND ev.starts_at = e."startsAt"::timestamptz AND ev.id = ANY($2::uuid[])
         CROSS JOIN LATERAL jsonb_to_recordset(e.speakers) AS s("speakerName" text, topic text, "startsAt" text, "endsAt" text, "order" int)
         JOIN speakers sp ON sp.region_id = r.id AND sp.full_name = s."speakerName"`,
      [json(data.events), insertedEvents.map((e) => e.id)],
    );
    await loadInvitations(manager, data);
    await loadDemoAttendance(manager, data);
    await loadDemoPledges(manager, data);
    await loadDemoCascades(manager, data);
    await recordLoad(manager);
    return countDemoRows(manager, data);
  });
  // Statistics for what was just loaded, as autovacuum would gather them a minute later: until
  // then the planner takes every table for empty and joins people to check-ins row by row.
  await dataSource.query('ANALYZE agencies, people, events, invitations, registrations, check_ins, pledges, cascades');
  return summary;
}

/**
 * The stories' invitations with their answers, and a registration (with a ticket code) for each
 * attendee of a confirmed one. Attendees are written with their invitation only, so an answer
 * changed later through the API is kept; the seat counters are then set from the registrations
 * (for invitations: their attendees; for events: every registration, as `takeSeats` keeps them).
 */
async function loadInvitations(manager: EntityManager, data: DemoData): Promise<void> {
  const eventKey = (e: DemoData['events'][number]) => ({ regionCode: e.regionCode, title: e.title, startsAt: e.startsAt });
  const invitations = data.events.flatMap((e) => e.invitations.map((i) => ({ ...eventKey(e), ...i, attendees: undefined })));
  const attendees = data.events.flatMap((e) =>
    e.invitations.flatMap((i) => i.attendees.map((a) => ({ ...eventKey(e), agencyName: i.agencyName, fullName: a.fullName, delegate: a.delegate, ticketCode: newTicketCode() }))),
  );
  const eventJoin = `JOIN regions r ON r.code = x."regionCode"
         JOIN events ev ON ev.region_id = r.id AND ev.title = x.title AND ev.starts_at = x."startsAt"::timestamptz
         JOIN agencies a ON a.region_id = r.id AND lower(a.name) = lower(x."agencyName")`;
  const inserted = (await manager.query(
    `INSERT INTO invitations (region_id, event_id, agency_id, addressee_title, addressee_person_id, seats, status, responded_at, reason, token)
     SELECT ev.region_id, ev.id, a.id, x."addresseeTitle", head.id, x.seats, x.status::invitation_status, x."respondedAt"::timestamptz, x.reason, ${RANDOM_TOKEN_SQL}
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, title text, "startsAt" text, "agencyName" text, "addresseeTitle" text,
            "addresseePersonName" text, seats int, status text, "respondedAt" text, reason text)
       ${eventJoin}
       LEFT JOIN people head ON head.region_id = r.id AND head.agency_id = a.id AND head.full_name = x."addresseePersonName"
     ON CONFLICT ON CONSTRAINT uq_invitations_event_agency DO NOTHING
     RETURNING id, event_id`,
    [JSON.stringify(invitations)],
  )) as Array<{ id: string; event_id: string }>;
  if (inserted.length === 0) return;
  await manager.query(
    `INSERT INTO registrations (region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code)
     SELECT ev.region_id, ev.id, p.id, a.id, i.id, x.delegate, x."ticketCode"
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, title text, "startsAt" text, "agencyName" text, "fullName" text, delegate boolean, "ticketCode" text)
       ${eventJoin}
       JOIN invitations i ON i.region_id = r.id AND i.event_id = ev.id AND i.agency_id = a.id AND i.id = ANY($2::uuid[])
       JOIN people p ON p.region_id = r.id AND p.agency_id = a.id AND p.full_name = x."fullName"
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(attendees), inserted.map((row) => row.id)],
  );
  await manager.query(
    `UPDATE invitations i SET attendees = c.n
       FROM (SELECT invitation_id, count(*)::int AS n FROM registrations WHERE invitation_id = ANY($1::uuid[]) GROUP BY invitation_id) c
      WHERE i.id = c.invitation_id AND i.attendees <> c.n`,
    [inserted.map((row) => row.id)],
  );
  await manager.query(
    `UPDATE events e SET registered = c.n
       FROM (SELECT event_id, count(*)::int AS n FROM registrations WHERE event_id = ANY($1::uuid[]) GROUP BY event_id) c
      WHERE e.id = c.event_id AND e.registered <> c.n`,
    [[...new Set(inserted.map((row) => row.event_id))]],
  );
}

async function recordLoad(manager: EntityManager): Promise<void> {
  await new AuditService(manager.connection).record(manager, null, { action: 'load-demo', entity: 'demo', entityId: null, regionId: null, changes: { source: 'src/demo/demo-data.ts' } });
}

/** How many rows of each kind the demo data set has in the database now. */
async function countDemoRows(manager: EntityManager, data: DemoData): Promise<DemoLoadSummary> {
  const codes = [...data.provinces, ...data.regions].map((r) => r.code);
  const [row] = (await manager.query(
    `WITH demo_regions AS (SELECT id FROM regions WHERE code = ANY($1))
     SELECT (SELECT count(*) FROM demo_regions)::int AS regions,
            (SELECT count(*) FROM region_offices WHERE region_id IN (SELECT id FROM demo_regions))::int AS offices,
            (SELECT count(*) FROM elections WHERE name = ANY($2))::int AS elections,
            (SELECT count(*) FROM agencies WHERE region_id IN (SELECT id FROM demo_regions))::int AS agencies,
            (SELECT count(*) FROM people WHERE region_id IN (SELECT id FROM demo_regions))::int AS people,
            (SELECT count(*) FROM users WHERE email = ANY($3))::int AS users,
            (SELECT count(*) FROM speakers WHERE region_id IN (SELECT id FROM demo_regions))::int AS speakers,
            (SELECT count(*) FROM events WHERE region_id IN (SELECT id FROM demo_regions))::int AS events,
            (SELECT count(*) FROM invitations WHERE region_id IN (SELECT id FROM demo_regions))::int AS invitations,
            (SELECT count(*) FROM registrations WHERE region_id IN (SELECT id FROM demo_regions))::int AS registrations,
            (SELECT count(*) FROM check_ins WHERE region_id IN (SELECT id FROM demo_regions))::int AS "checkIns",
            (SELECT count(*) FROM pledges WHERE region_id IN (SELECT id FROM demo_regions))::int AS pledges,
            (SELECT count(*) FROM cascades WHERE region_id IN (SELECT id FROM demo_regions))::int AS cascades`,
    [codes, data.elections.map((e) => e.name), data.users.map((u) => u.email.toLowerCase())],
  )) as DemoLoadSummary[];
  return row;
}
