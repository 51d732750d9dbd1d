// A national-size data set for the coverage report, generated set-based (one INSERT … SELECT
// over generate_series per table, no row-by-row loop): REGIONS cities under PROVINCES provinces,
// each city with the figures of a real regency or city. Used by the plan snapshot
// (bench/coverage-plans.js, `npm run plans`) and by the coverage benchmark (bench/coverage.js).
//
// Per city: 150 agencies, 10,000 people, 40 events (30 of them for the election), 40 invitations
// per event (80 % confirmed), 5,000 registrations with their check-ins (people at several events;
// a quarter delegates; walk-ins where the agency was not invited), 5,000 pledges (half at an
// event after a check-in, half outside any event), 100 cascades.

export const SHAPE = {
  provinces: 5,
  regions: 50,
  agencies: 150,
  people: 10_000,
  events: 40,
  invitationsPerEvent: 40,
  checkIns: 5_000,
  pledges: 5_000,
  cascades: 100,
};

/**
 * Fills an empty, migrated database. Returns the ids a report needs: the first city, its
 * province and the election. Takes a minute or so on a laptop for 50 cities.
 */
export async function generateCoverageData(client, shape = SHAPE) {
  const step = async (sql, params = []) => client.query(sql, params);
  // The rows are consistent by construction; skipping the per-row foreign-key triggers while
  // generating makes the 1.25 million inserted rows minutes faster (superuser only, as in CI).
  await step('SET session_replication_role = replica');
  const perProvince = Math.ceil(shape.regions / shape.provinces);
  const { rows: [election] } = await step(`INSERT INTO elections (name, type, voting_date) VALUES ('Pilkada Serentak (bench)', 'SERENTAK', '2024-11-27') RETURNING id`);
  const { rows: [template] } = await step(
    `INSERT INTO pledge_templates (title, version, clauses, legal_basis, text_hash) VALUES ('Ikrar Netralitas ASN (bench)', 1, '["Netral"]', 'SKB 2022', repeat('0', 64)) RETURNING id`,
  );

  await step(
    `INSERT INTO regions (code, name, level, timezone)
     SELECT 'B' || p, 'Provinsi Bench ' || p, 'PROVINCE', 'Asia/Jakarta' FROM generate_series(1, $1) p`,
    [shape.provinces],
  );
  await step(
    `INSERT INTO regions (code, name, level, parent_id, timezone)
     SELECT 'B' || p.n || '.' || lpad(c::text, 2, '0'), 'Kota Bench ' || p.n || '.' || c, 'CITY', p.id, 'Asia/Jakarta'
       FROM (SELECT id, substr(code, 2)::int AS n FROM regions WHERE code ~ '^B[0-9]+$') p, generate_series(1, $1) c
      WHERE (p.n - 1) * $1 + c <= $2`,
    [perProvince, shape.regions],
  );
  await step(`CREATE TEMP TABLE bench_cities AS SELECT id, row_number() OVER (ORDER BY code) AS n FROM regions WHERE code ~ '^B[0-9]+\\.'`);

  await step(
    `INSERT INTO agencies (region_id, name, category, head_title, headcount_pns, headcount_pppk, headcount_non_asn)
     SELECT r.id, 'Instansi ' || lpad(g::text, 3, '0'), (enum_range(NULL::agency_category))[1 + g % 9], 'Kepala', 30 + g % 70, g % 12, 5 + g % 25
       FROM bench_cities r, generate_series(0, $1 - 1) g`,
    [shape.agencies],
  );
  await step(
    `CREATE TEMP TABLE bench_agencies AS
     SELECT a.id, a.region_id, (row_number() OVER (PARTITION BY a.region_id ORDER BY a.name) - 1)::int AS n
       FROM agencies a JOIN bench_cities r ON r.id = a.region_id`,
  );
  await step('CREATE INDEX ON bench_agencies (region_id, n)');

  await step(
    `INSERT INTO people (region_id, agency_id, full_name, employment_type)
     SELECT r.id, a.id, 'Pegawai ' || g, (ARRAY['PNS','PNS','PNS','PNS','PNS','CPNS','PPPK','PPPK','NON_ASN','NON_ASN'])[1 + g % 10]::employment_type
       FROM bench_cities r CROSS JOIN generate_series(0, $1 - 1) g
       JOIN bench_agencies a ON a.region_id = r.id AND a.n = g % $2`,
    [shape.people, shape.agencies],
  );
  await step(
    `CREATE TEMP TABLE bench_people AS
     SELECT p.id, p.region_id, p.agency_id, (substr(p.full_name, 9))::int AS n FROM people p JOIN bench_cities r ON r.id = p.region_id`,
  );
  await step('CREATE INDEX ON bench_people (region_id, n)');

  await step(
    `INSERT INTO events (region_id, title, type, topics, election_id, venue_name, starts_at, ends_at, capacity, status)
     SELECT r.id, 'Sosialisasi ' || e, 'SOSIALISASI', '{NETRALITAS_ASN}', CASE WHEN e < 30 THEN $2::uuid END, 'Aula',
            timestamptz '2024-08-01 09:00+07' + e * interval '2 days', timestamptz '2024-08-01 12:00+07' + e * interval '2 days', 1000, 'COMPLETED'
       FROM bench_cities r, generate_series(0, $1 - 1) e`,
    [shape.events, election.id],
  );
  await step(
    `CREATE TEMP TABLE bench_events AS
     SELECT e.id, e.region_id, (substr(e.title, 13))::int AS n FROM events e JOIN bench_cities r ON r.id = e.region_id`,
  );
  await step('CREATE INDEX ON bench_events (region_id, n)');

  // Event e invites the agencies e*7 … e*7+39 (mod 150): every agency is invited somewhere, some never.
  await step(
    `INSERT INTO invitations (region_id, event_id, agency_id, addressee_title, seats, status, responded_at, token)
     SELECT e.region_id, e.id, a.id, 'Kepala', 5,
            (CASE WHEN k % 10 = 0 THEN 'DECLINED' WHEN k % 10 = 5 THEN 'PENDING' ELSE 'CONFIRMED' END)::invitation_status,
            CASE WHEN k % 10 <> 5 THEN timestamptz '2024-07-15 10:00+07' END,
            md5(e.id::text || a.id::text)
       FROM bench_events e CROSS JOIN generate_series(0, $1 - 1) k
       JOIN bench_agencies a ON a.region_id = e.region_id AND a.n = (e.n * 7 + k) % $2`,
    [shape.invitationsPerEvent, shape.agencies],
  );

  // Check-in k: event k % 40, person (7k mod 3001): people come to several events, never twice to one.
  await step(
    `CREATE TEMP TABLE bench_attendance AS
     SELECT r.id AS region_id, e.id AS event_id, p.id AS person_id, p.agency_id, k, i.id AS invitation_id, gen_random_uuid() AS registration_id, gen_random_uuid() AS check_in_id
       FROM bench_cities r CROSS JOIN generate_series(0, $1 - 1) k
       JOIN bench_events e ON e.region_id = r.id AND e.n = k % $2
       JOIN bench_people p ON p.region_id = r.id AND p.n = (k * 7) % 3001
       LEFT JOIN invitations i ON i.region_id = r.id AND i.event_id = e.id AND i.agency_id = p.agency_id`,
    [shape.checkIns, shape.events],
  );
  await step(
    `INSERT INTO registrations (id, region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code)
     SELECT registration_id, region_id, event_id, person_id, agency_id, invitation_id, invitation_id IS NOT NULL AND k % 4 = 0, substr(md5(registration_id::text), 1, 16)
       FROM bench_attendance`,
  );
  await step(
    `INSERT INTO check_ins (id, region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by)
     SELECT a.check_in_id, a.region_id, a.event_id, a.person_id, a.agency_id, a.registration_id, e.starts_at, 'QR', 'TICKET'
       FROM bench_attendance a JOIN events e ON e.id = a.event_id`,
  );

  // Half the pledges at an event (the first check-ins), half outside any event (other people).
  const atEvent = Math.floor(shape.pledges / 2);
  await step(
    `INSERT INTO pledges (region_id, chain_seq, event_id, template_id, person_id, agency_id, capacity, check_in_id, signature_name, signed_at, verification_code, hash, prev_hash)
     SELECT x.region_id, row_number() OVER (PARTITION BY x.region_id ORDER BY x.k), x.event_id, $1, x.person_id, x.agency_id, 'SELF', x.check_in_id, 'Pegawai',
            x.signed_at, substr(md5(x.person_id::text || coalesce(x.event_id::text, '-')), 1, 16), md5(x.person_id::text) || md5(x.k::text), repeat('0', 64)
       FROM (
         SELECT a.region_id, a.k, a.event_id, a.person_id, a.agency_id, a.check_in_id, e.starts_at + interval '1 hour' AS signed_at
           FROM bench_attendance a JOIN events e ON e.id = a.event_id WHERE a.k < $2
         UNION ALL
         SELECT p.region_id, $2 + p.n, NULL, p.id, p.agency_id, NULL, timestamptz '2024-09-01 08:00+07' + (p.n % 90) * interval '1 day'
           FROM bench_people p WHERE p.n >= 3001 AND p.n < 3001 + $3
       ) x`,
    [template.id, atEvent, shape.pledges - atEvent],
  );

  await step(
    `INSERT INTO cascades (region_id, agency_id, source_event_id, held_on, reached_pns, reached_pppk, reached_non_asn)
     SELECT a.region_id, a.id, e.id, date '2024-08-10' + a.n, least(ag.headcount_pns, 10 + a.n % 20), least(ag.headcount_pppk, 2), least(ag.headcount_non_asn, 3)
       FROM bench_agencies a JOIN agencies ag ON ag.id = a.id
       LEFT JOIN bench_events e ON e.region_id = a.region_id AND e.n = a.n % 40 AND a.n % 3 = 0
      WHERE a.n < $1`,
    [shape.cascades],
  );
  await step('SET session_replication_role = DEFAULT');
  await step('VACUUM ANALYZE');
  const { rows: [first] } = await step(`SELECT r.id, r.parent_id FROM regions r JOIN bench_cities c ON c.id = r.id WHERE c.n = 1`);
  return { regionId: first.id, provinceId: first.parent_id, electionId: election.id };
}
