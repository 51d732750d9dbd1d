import type { AgencyCategory } from '../agencies/agency.entity.js';
import type { AgencyCoverage, ByEmploymentType, CoverageGap, CoverageStage, CoverageTotals } from './dto/coverage-report.dto.js';
import type { AgencyRow, SumsRow } from './coverage.sql.js';

/**
 * Coverage as a percentage (DESIGN §5): `min(100, 100 × reached / headcount)`, one decimal.
 * Null when there is nobody to reach (headcount 0): 0 % would read as a failure, 100 % as a success.
 */
export function coveragePercent(reached: number, headcount: number): number | null {
  if (headcount <= 0) return null;
  return Math.min(100, Math.round((1000 * reached) / headcount) / 10);
}

/** One agency's row of the report. */
export function toAgencyCoverage(row: AgencyRow): AgencyCoverage {
  return {
    agencyId: row.id,
    name: row.name,
    category: row.category as AgencyCategory,
    invitedEvents: row.invited_events,
    confirmedEvents: row.confirmed_events,
    attendedEvents: row.attended_events,
    headAttended: row.head_attended,
    reachedDirect: row.reached_direct,
    pledged: row.pledged,
    reachedCascade: row.reached_cascade,
    headcount: row.headcount,
    headcountByType: { pns: row.hc_pns, pppk: row.hc_pppk, nonAsn: row.hc_non_asn },
    coveragePct: coveragePercent(row.reached_direct + row.reached_cascade, row.headcount),
    coveragePctByType: {
      pns: coveragePercent(row.direct_pns + row.cascade_pns, row.hc_pns),
      pppk: coveragePercent(row.direct_pppk + row.cascade_pppk, row.hc_pppk),
      nonAsn: coveragePercent(row.direct_non_asn + row.cascade_non_asn, row.hc_non_asn),
    },
    stage: row.stage as CoverageStage,
  };
}

const NO_SUMS: SumsRow = {
  total_agencies: 0,
  total_hc_pns: 0,
  total_hc_pppk: 0,
  total_hc_non_asn: 0,
  total_reached_direct: 0,
  total_reached_cascade: 0,
  total_covered: 0,
  total_covered_pns: 0,
  total_covered_pppk: 0,
  total_covered_non_asn: 0,
  total_pledged: 0,
  total_head_attended: 0,
  total_stage_not_invited: 0,
  total_stage_no_show: 0,
  total_stage_attended: 0,
  total_stage_pledged: 0,
  total_gaps: 0,
};

/**
 * Totals from the sums of the SQL (undefined: a region without agencies). Percentages come
 * from the summed `covered` (each agency capped at its own headcount) over the summed
 * headcount, so an agency reached twice over cannot hide another that was not reached.
 */
export function toTotals(sums: SumsRow | undefined): CoverageTotals {
  const s = sums ?? NO_SUMS;
  const headcount = s.total_hc_pns + s.total_hc_pppk + s.total_hc_non_asn;
  const byType: ByEmploymentType = {
    pns: coveragePercent(s.total_covered_pns, s.total_hc_pns),
    pppk: coveragePercent(s.total_covered_pppk, s.total_hc_pppk),
    nonAsn: coveragePercent(s.total_covered_non_asn, s.total_hc_non_asn),
  };
  return {
    agencies: s.total_agencies,
    headcount,
    headcountByType: { pns: s.total_hc_pns, pppk: s.total_hc_pppk, nonAsn: s.total_hc_non_asn },
    reachedDirect: s.total_reached_direct,
    reachedCascade: s.total_reached_cascade,
    reached: s.total_covered,
    reachedByType: { pns: s.total_covered_pns, pppk: s.total_covered_pppk, nonAsn: s.total_covered_non_asn },
    pledged: s.total_pledged,
    headAttended: s.total_head_attended,
    coveragePct: coveragePercent(s.total_covered, headcount),
    coveragePctByType: byType,
    stages: { NOT_INVITED: s.total_stage_not_invited, NO_SHOW: s.total_stage_no_show, ATTENDED: s.total_stage_attended, PLEDGED: s.total_stage_pledged },
    gaps: s.total_gaps,
  };
}

/** Agencies with no reach at all, largest headcount first (then by name). */
export function toGaps(agencies: AgencyCoverage[]): CoverageGap[] {
  return agencies
    .filter((agency) => agency.reachedDirect + agency.reachedCascade === 0)
    .sort((a, b) => b.headcount - a.headcount || a.name.localeCompare(b.name, 'id'))
    .map((agency) => ({ agencyId: agency.agencyId, name: agency.name, headcount: agency.headcount }));
}
