/**
 * The coverage query (DESIGN §5), written once and used by the region report, the rollup, the
 * plan snapshot (`npm run plans`) and the benchmark. Set-based: one statement, CTEs that each
 * aggregate one source table per agency, no per-agency loop.
 *
 * Parameters (positional):
 *   $1 uuid[] the regions whose agencies count: the region of a report; a parent and every region under it
 *   $2 date   first day of the period (inclusive, region's local time), or null
 *   $3 date   last day of the period (inclusive), or null
 *   $4 uuid   only events of this election, or null
 *   $5 uuid   only this agency (an AGENCY_REP's report), or null
 *   $6 uuid   the rollup only: the parent whose children are the buckets (null: the whole country)
 *
 * Each CTE repeats `region_id = ANY($1)` on its own table: the planner then estimates every
 * scan from the table's statistics and reads each table by region (region_id leads every index).
 *
 * Rules written down here because the SQL is where they live:
 * - Events count unless cancelled; the period applies to an event's start in the region's zone.
 * - An agency's people are the people checked in under its name (`check_ins.agency_id`, the
 *   agency at the time) and the pledges signed for it (`pledges.agency_id`); each person once.
 * - Employment types: PNS and CPNS count as `pns`, PPPK as `pppk`, NON_ASN and EXTERNAL as `nonAsn`.
 * - The invited head came in person: a check-in on a registration that came from the agency's
 *   invitation and is not a delegate's.
 * - Cascades: `held_on` within the period; with an election, only cascades relaying one of its
 *   events. Their sum is capped at the headcount of each type (the same staff told twice are
 *   still the same staff).
 * - Pledges at an event follow the event's filters; pledges outside any event follow the period
 *   by their signing day and drop out when an election is asked for.
 */

/**
 * The bucket each agency is summed under. A region report has one. The rollup below parent $6:
 * the parent's own agencies (null) and each child region's, a child's own children folded into
 * it; without a parent, the provinces of the country (a region without a parent is its own).
 */
const BUCKETS = {
  region: 'a.region_id',
  rollup: `CASE WHEN $6::uuid IS NULL THEN coalesce(p.parent_id, p.id, r.id)
                WHEN r.id = $6::uuid THEN NULL
                WHEN r.parent_id = $6::uuid THEN r.id
                ELSE r.parent_id END`,
} as const;

export type CoverageScope = keyof typeof BUCKETS;

/**
 * The CTEs up to `agency_rows`: one row per agency in scope with every figure of §5. Each source
 * table's aggregate is MATERIALIZED: computed once, then joined to the agencies. Left to itself,
 * a planner without statistics yet (tables just filled by an import or the demo) estimates one
 * row everywhere and re-runs each aggregate for every agency: 24 s instead of 50 ms for the demo
 * city on a fresh database.
 */
function agencyRows(scope: CoverageScope): string {
  return `WITH scope_agencies AS (
  SELECT a.id, a.region_id, ${BUCKETS[scope]} AS bucket, a.name, a.category,
         a.headcount_pns AS hc_pns, a.headcount_pppk AS hc_pppk, a.headcount_non_asn AS hc_non_asn
  FROM agencies a
  JOIN regions r ON r.id = a.region_id
  LEFT JOIN regions p ON p.id = r.parent_id
  WHERE a.region_id = ANY($1::uuid[]) AND ($5::uuid IS NULL OR a.id = $5::uuid)
),
scope_events AS NOT MATERIALIZED (
  SELECT e.region_id, e.id
  FROM events e JOIN regions r ON r.id = e.region_id
  WHERE e.region_id = ANY($1::uuid[])
    AND e.status <> 'CANCELLED'
    AND ($2::date IS NULL OR e.starts_at >= ($2::date)::timestamp AT TIME ZONE r.timezone)
    AND ($3::date IS NULL OR e.starts_at < ($3::date + 1)::timestamp AT TIME ZONE r.timezone)
    AND ($4::uuid IS NULL OR e.election_id = $4::uuid)
),
invited AS MATERIALIZED (
  SELECT i.region_id, i.agency_id,
         count(*) AS invited_events,
         count(*) FILTER (WHERE i.status = 'CONFIRMED') AS confirmed_events
  FROM invitations i JOIN scope_events e ON e.region_id = i.region_id AND e.id = i.event_id
  WHERE i.region_id = ANY($1::uuid[])
  GROUP BY i.region_id, i.agency_id
),
direct AS MATERIALIZED (
  SELECT c.region_id, c.agency_id,
         count(DISTINCT c.event_id) AS attended_events,
         count(DISTINCT c.person_id) AS reached_direct,
         count(DISTINCT c.person_id) FILTER (WHERE p.employment_type IN ('PNS', 'CPNS')) AS direct_pns,
         count(DISTINCT c.person_id) FILTER (WHERE p.employment_type = 'PPPK') AS direct_pppk,
         count(DISTINCT c.person_id) FILTER (WHERE p.employment_type IN ('NON_ASN', 'EXTERNAL')) AS direct_non_asn,
         bool_or(g.invitation_id IS NOT NULL AND NOT g.delegate) AS head_attended
  FROM check_ins c
  JOIN people p ON p.region_id = c.region_id AND p.id = c.person_id
  JOIN registrations g ON g.region_id = c.region_id AND g.id = c.registration_id
  WHERE c.region_id = ANY($1::uuid[]) AND p.region_id = ANY($1::uuid[]) AND g.region_id = ANY($1::uuid[])
    AND (c.region_id, c.event_id) IN (SELECT region_id, id FROM scope_events)
  GROUP BY c.region_id, c.agency_id
),
signed AS MATERIALIZED (
  SELECT pl.region_id, pl.agency_id, count(DISTINCT pl.person_id) AS pledged
  FROM pledges pl
  JOIN regions r ON r.id = pl.region_id
  LEFT JOIN scope_events e ON e.region_id = pl.region_id AND e.id = pl.event_id
  WHERE pl.region_id = ANY($1::uuid[])
    AND (e.id IS NOT NULL
         OR (pl.event_id IS NULL AND $4::uuid IS NULL
             AND ($2::date IS NULL OR pl.signed_at >= ($2::date)::timestamp AT TIME ZONE r.timezone)
             AND ($3::date IS NULL OR pl.signed_at < ($3::date + 1)::timestamp AT TIME ZONE r.timezone)))
  GROUP BY pl.region_id, pl.agency_id
),
cascaded AS MATERIALIZED (
  SELECT k.region_id, k.agency_id,
         sum(k.reached_pns) AS pns, sum(k.reached_pppk) AS pppk, sum(k.reached_non_asn) AS non_asn
  FROM cascades k
  LEFT JOIN events src ON src.region_id = k.region_id AND src.id = k.source_event_id
  WHERE k.region_id = ANY($1::uuid[])
    AND ($2::date IS NULL OR k.held_on >= $2::date)
    AND ($3::date IS NULL OR k.held_on <= $3::date)
    AND ($4::uuid IS NULL OR src.election_id = $4::uuid)
  GROUP BY k.region_id, k.agency_id
),
figures AS (
  SELECT a.id, a.region_id, a.bucket, a.name, a.category, a.hc_pns, a.hc_pppk, a.hc_non_asn,
         a.hc_pns + a.hc_pppk + a.hc_non_asn AS headcount,
         coalesce(i.invited_events, 0)::int AS invited_events,
         coalesce(i.confirmed_events, 0)::int AS confirmed_events,
         coalesce(d.attended_events, 0)::int AS attended_events,
         coalesce(d.head_attended, false) AS head_attended,
         coalesce(d.reached_direct, 0)::int AS reached_direct,
         coalesce(d.direct_pns, 0)::int AS direct_pns,
         coalesce(d.direct_pppk, 0)::int AS direct_pppk,
         coalesce(d.direct_non_asn, 0)::int AS direct_non_asn,
         coalesce(sg.pledged, 0)::int AS pledged,
         least(coalesce(k.pns, 0), a.hc_pns)::int AS cascade_pns,
         least(coalesce(k.pppk, 0), a.hc_pppk)::int AS cascade_pppk,
         least(coalesce(k.non_asn, 0), a.hc_non_asn)::int AS cascade_non_asn
  FROM scope_agencies a
  LEFT JOIN invited i ON i.region_id = a.region_id AND i.agency_id = a.id
  LEFT JOIN direct d ON d.region_id = a.region_id AND d.agency_id = a.id
  LEFT JOIN signed sg ON sg.region_id = a.region_id AND sg.agency_id = a.id
  LEFT JOIN cascaded k ON k.region_id = a.region_id AND k.agency_id = a.id
),
agency_rows AS (
  SELECT f.*,
         f.cascade_pns + f.cascade_pppk + f.cascade_non_asn AS reached_cascade,
         least(f.headcount, f.reached_direct + f.cascade_pns + f.cascade_pppk + f.cascade_non_asn) AS covered,
         least(f.hc_pns, f.direct_pns + f.cascade_pns) AS covered_pns,
         least(f.hc_pppk, f.direct_pppk + f.cascade_pppk) AS covered_pppk,
         least(f.hc_non_asn, f.direct_non_asn + f.cascade_non_asn) AS covered_non_asn,
         CASE WHEN f.pledged > 0 THEN 'PLEDGED'
              WHEN f.reached_direct > 0 THEN 'ATTENDED'
              WHEN f.invited_events > 0 THEN 'NO_SHOW'
              ELSE 'NOT_INVITED' END AS stage
  FROM figures f
)`;
}

/**
 * The sums that make up CoverageTotals (percentages are derived from them in coverage-math.ts),
 * written once: as window aggregates over a region's rows, and grouped per region in the rollup.
 */
const SUMS: ReadonlyArray<readonly [name: string, aggregate: string]> = [
  ['agencies', 'count(*)'],
  ['hc_pns', 'sum(hc_pns)'],
  ['hc_pppk', 'sum(hc_pppk)'],
  ['hc_non_asn', 'sum(hc_non_asn)'],
  ['reached_direct', 'sum(reached_direct)'],
  ['reached_cascade', 'sum(reached_cascade)'],
  ['covered', 'sum(covered)'],
  ['covered_pns', 'sum(covered_pns)'],
  ['covered_pppk', 'sum(covered_pppk)'],
  ['covered_non_asn', 'sum(covered_non_asn)'],
  ['pledged', 'sum(pledged)'],
  ['head_attended', 'count(*) FILTER (WHERE head_attended)'],
  ['stage_not_invited', "count(*) FILTER (WHERE stage = 'NOT_INVITED')"],
  ['stage_no_show', "count(*) FILTER (WHERE stage = 'NO_SHOW')"],
  ['stage_attended', "count(*) FILTER (WHERE stage = 'ATTENDED')"],
  ['stage_pledged', "count(*) FILTER (WHERE stage = 'PLEDGED')"],
  ['gaps', 'count(*) FILTER (WHERE reached_direct + reached_cascade = 0)'],
];

function sums(over: '' | ' OVER ()'): string {
  return SUMS.map(([name, aggregate]) => `coalesce(${aggregate}${over}, 0)::int AS total_${name}`).join(',\n  ');
}

/**
 * Every agency of one region with its figures, by name, and on every row the region's totals
 * (window aggregates: one statement, one pass). No agencies: no rows, and the totals are zeros.
 */
export const REGION_REPORT_SQL = `${agencyRows('region')}
SELECT id, name, category, hc_pns, hc_pppk, hc_non_asn, headcount, invited_events, confirmed_events, attended_events,
       head_attended, reached_direct, direct_pns, direct_pppk, direct_non_asn, pledged,
       cascade_pns, cascade_pppk, cascade_non_asn, reached_cascade, stage,
  ${sums(' OVER ()')}
FROM agency_rows
ORDER BY name, id`;

/** The sums per bucket (child region; null: the parent's own agencies) and, where is_total, over all of them. */
export const ROLLUP_SQL = `${agencyRows('rollup')}
SELECT bucket, GROUPING(bucket) = 1 AS is_total,
  ${sums('')}
FROM agency_rows
GROUP BY GROUPING SETS ((bucket), ())`;

export interface AgencyRow {
  id: string;
  name: string;
  category: string;
  hc_pns: number;
  hc_pppk: number;
  hc_non_asn: number;
  headcount: number;
  invited_events: number;
  confirmed_events: number;
  attended_events: number;
  head_attended: boolean;
  reached_direct: number;
  direct_pns: number;
  direct_pppk: number;
  direct_non_asn: number;
  pledged: number;
  cascade_pns: number;
  cascade_pppk: number;
  cascade_non_asn: number;
  reached_cascade: number;
  stage: string;
}

export interface SumsRow {
  total_agencies: number;
  total_hc_pns: number;
  total_hc_pppk: number;
  total_hc_non_asn: number;
  total_reached_direct: number;
  total_reached_cascade: number;
  total_covered: number;
  total_covered_pns: number;
  total_covered_pppk: number;
  total_covered_non_asn: number;
  total_pledged: number;
  total_head_attended: number;
  total_stage_not_invited: number;
  total_stage_no_show: number;
  total_stage_attended: number;
  total_stage_pledged: number;
  total_gaps: number;
}

export type ReportRow = AgencyRow & SumsRow;

export interface RollupRow extends SumsRow {
  bucket: string | null;
  is_total: boolean;
}
