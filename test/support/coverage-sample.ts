/**
 * A coverage report as the JSON endpoint answers it (DESIGN §5), built by hand for the tests
 * of its people's formats (PDF, page) without a database: a few named agencies at each stage,
 * and as many generated ones as a test asks for (about 150 in a region of national size).
 */
import type { AgencyCategory } from '../../src/agencies/agency.entity.js';
import { coveragePercent, toGaps } from '../../src/reports/coverage-math.js';
import type { AgencyCoverage as AgencyRow, CoverageReport, CoverageStage } from '../../src/reports/dto/coverage-report.dto.js';

function agency(id: number, name: string, category: AgencyCategory, headcount: number, reachedDirect: number, reachedCascade: number, pledged: number, stage: CoverageStage, extra: Partial<AgencyRow> = {}): AgencyRow {
  const reached = reachedDirect + reachedCascade;
  return {
    agencyId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    name,
    category,
    invitedEvents: stage === 'NOT_INVITED' ? 0 : 2,
    confirmedEvents: stage === 'NOT_INVITED' ? 0 : stage === 'NO_SHOW' ? 1 : 2,
    attendedEvents: stage === 'ATTENDED' || stage === 'PLEDGED' ? 2 : 0,
    headAttended: stage === 'PLEDGED',
    reachedDirect,
    pledged,
    reachedCascade,
    headcount,
    // Everyone a PNS, for simplicity: the by-type figures are the PDF's and the page's concern only through the totals.
    headcountByType: { pns: headcount, pppk: 0, nonAsn: 0 },
    coveragePct: coveragePercent(reached, headcount),
    coveragePctByType: { pns: coveragePercent(reached, headcount), pppk: null, nonAsn: null },
    stage,
    ...extra,
  };
}

export const SAMPLE_AGENCIES: AgencyRow[] = [
  agency(1, 'Dinas Pendidikan', 'OPD', 120, 40, 60, 35, 'PLEDGED'),
  agency(2, 'Dinas Kesehatan', 'OPD', 80, 10, 0, 0, 'ATTENDED'),
  agency(3, 'Kecamatan Batu', 'KECAMATAN', 40, 0, 0, 0, 'NO_SHOW'),
  agency(4, 'Kecamatan Junrejo', 'KECAMATAN', 35, 5, 40, 5, 'PLEDGED'),
  agency(5, 'SMA Negeri 1 Batu', 'SCHOOL', 60, 0, 0, 0, 'NOT_INVITED'),
  agency(6, 'Kantor Kementerian Agama Kota Batu', 'VERTICAL', 0, 3, 0, 3, 'PLEDGED'),
  agency(7, 'Bawaslu Kota Batu', 'ELECTION_BODY', 25, 0, 0, 0, 'NOT_INVITED'),
];

/**
 * The report of the sample agencies plus `generated` more ("Desa Contoh 1…"), with totals and
 * gaps computed the way DESIGN §5 defines them.
 */
export function sampleCoverageReport(options: { generated?: number; election?: boolean } = {}): CoverageReport {
  const stages: CoverageStage[] = ['PLEDGED', 'ATTENDED', 'NO_SHOW', 'NOT_INVITED'];
  const generated = Array.from({ length: options.generated ?? 0 }, (_, index) => {
    const stage = stages[index % 4];
    const headcount = 10 + ((index * 7) % 50);
    const direct = stage === 'PLEDGED' || stage === 'ATTENDED' ? Math.floor(headcount / 2) : 0;
    return agency(100 + index, `Desa Contoh ${index + 1}`, 'DESA', headcount, direct, 0, stage === 'PLEDGED' ? direct : 0, stage);
  });
  const agencies = [...SAMPLE_AGENCIES, ...generated];
  const sum = (figure: (row: AgencyRow) => number) => agencies.reduce((total, row) => total + figure(row), 0);
  const headcount = sum((row) => row.headcount);
  const reached = sum((row) => Math.min(row.headcount, row.reachedDirect + row.reachedCascade));
  const gaps = toGaps(agencies);
  const count = (stage: CoverageStage) => agencies.filter((row) => row.stage === stage).length;
  return {
    region: { id: '00000000-0000-4000-8000-000000003579', code: '35.79', name: 'Kota Batu', level: 'CITY', parentId: '00000000-0000-4000-8000-000000000035', timezone: 'Asia/Jakarta' },
    period: options.election
      ? { from: null, to: null, election: { id: '00000000-0000-4000-8000-000000002024', name: 'Pilkada Serentak 2024', votingDate: '2024-11-27' } }
      : { from: '2024-10-01', to: '2024-10-31', election: null },
    totals: {
      agencies: agencies.length,
      headcount,
      headcountByType: { pns: headcount, pppk: 0, nonAsn: 0 },
      reachedDirect: sum((row) => row.reachedDirect),
      reachedCascade: sum((row) => row.reachedCascade),
      reached,
      reachedByType: { pns: reached, pppk: 0, nonAsn: 0 },
      pledged: sum((row) => row.pledged),
      headAttended: agencies.filter((row) => row.headAttended).length,
      coveragePct: coveragePercent(reached, headcount),
      coveragePctByType: { pns: coveragePercent(reached, headcount), pppk: null, nonAsn: null },
      stages: { NOT_INVITED: count('NOT_INVITED'), NO_SHOW: count('NO_SHOW'), ATTENDED: count('ATTENDED'), PLEDGED: count('PLEDGED') },
      gaps: gaps.length,
    },
    agencies,
    gaps,
  };
}
