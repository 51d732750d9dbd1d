import { coveragePercent, toGaps, toTotals } from './coverage-math.js';
import type { AgencyCoverage } from './dto/coverage-report.dto.js';

describe('coverage math', () => {
  it('percent: one decimal, capped at 100, null without a denominator', () => {
    expect(coveragePercent(1, 6)).toBe(16.7); // 16.666…
    expect(coveragePercent(21, 62)).toBe(33.9); // 33.870…
    expect(coveragePercent(1, 8)).toBe(12.5);
    expect(coveragePercent(0, 15)).toBe(0);
    expect(coveragePercent(9, 4)).toBe(100); // more reached than staff: capped
    expect(coveragePercent(3, 0)).toBeNull(); // zero headcount: no figure, not 0 % or 100 %
  });

  it('totals: percentages from the summed covered staff; no agencies gives zeros and no percentages', () => {
    const totals = toTotals({
      total_agencies: 2,
      total_hc_pns: 10,
      total_hc_pppk: 0,
      total_hc_non_asn: 10,
      total_reached_direct: 30,
      total_reached_cascade: 0,
      total_covered: 10,
      total_covered_pns: 10,
      total_covered_pppk: 0,
      total_covered_non_asn: 0,
      total_pledged: 4,
      total_head_attended: 1,
      total_stage_not_invited: 1,
      total_stage_no_show: 0,
      total_stage_attended: 0,
      total_stage_pledged: 1,
      total_gaps: 1,
    });
    // 30 people of one agency of 10 reached; the other agency's 10 not at all: 50 %, not 100 %.
    expect(totals).toMatchObject({ headcount: 20, reached: 10, coveragePct: 50, coveragePctByType: { pns: 100, pppk: null, nonAsn: 0 } });
    expect(toTotals(undefined)).toMatchObject({ agencies: 0, headcount: 0, coveragePct: null, stages: { NOT_INVITED: 0, NO_SHOW: 0, ATTENDED: 0, PLEDGED: 0 } });
  });

  it('gaps: no direct and no cascade reach, largest headcount first, then by name', () => {
    const agency = (name: string, headcount: number, reachedDirect: number, reachedCascade: number) =>
      ({ agencyId: name, name, headcount, reachedDirect, reachedCascade }) as AgencyCoverage;
    const gaps = toGaps([agency('Dinas B', 10, 0, 0), agency('Dinas A', 10, 0, 0), agency('Dinas C', 50, 1, 0), agency('Dinas D', 80, 0, 2), agency('Dinas E', 20, 0, 0)]);
    expect(gaps.map((gap) => gap.name)).toEqual(['Dinas E', 'Dinas A', 'Dinas B']);
  });
});
