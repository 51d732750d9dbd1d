// The coverage report's people's files, rendered from one report of national size (150 agencies,
// a third of them not reached): the printable PDF (letterhead, chart, ~6 pages of table, gaps,
// signature) and the XLSX, time and peak memory, against the floor of the same PDF engine in the
// same run (a one-line A4 page in the same embedded font). No database: the renderers only.
import { renderPdf } from '../dist/documents/pdf.js';
import { coverageXlsx } from '../dist/reports/coverage-files.js';
import { coveragePercent, toGaps } from '../dist/reports/coverage-math.js';
import { renderCoveragePdf } from '../dist/reports/coverage-pdf.js';
import { ISSUER } from './documents.js';
import { ratio, timed } from './support.js';

const CATEGORIES = ['OPD', 'KECAMATAN', 'KELURAHAN', 'DESA', 'SCHOOL', 'VERTICAL', 'ELECTION_BODY', 'BUMD', 'OTHER'];
const STAGES = ['PLEDGED', 'ATTENDED', 'NO_SHOW', 'NOT_INVITED'];

function nationalSizeReport(count = 150) {
  const agencies = Array.from({ length: count }, (_, i) => {
    const stage = STAGES[i % 3 === 2 ? 2 + (i % 2) : i % 2];
    const headcount = 20 + ((i * 37) % 180);
    const reachedDirect = stage === 'PLEDGED' || stage === 'ATTENDED' ? Math.floor(headcount / 3) : 0;
    const reachedCascade = stage === 'PLEDGED' ? Math.floor(headcount / 2) : 0;
    const pct = coveragePercent(reachedDirect + reachedCascade, headcount);
    return {
      agencyId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `${['Dinas', 'Kecamatan', 'Kelurahan', 'Desa', 'SMA Negeri'][i % 5]} Contoh ${i + 1}`,
      category: CATEGORIES[i % CATEGORIES.length],
      invitedEvents: stage === 'NOT_INVITED' ? 0 : 3,
      confirmedEvents: stage === 'NOT_INVITED' ? 0 : 2,
      attendedEvents: reachedDirect > 0 ? 2 : 0,
      headAttended: stage === 'PLEDGED',
      reachedDirect,
      pledged: stage === 'PLEDGED' ? reachedDirect : 0,
      reachedCascade,
      headcount,
      headcountByType: { pns: headcount, pppk: 0, nonAsn: 0 },
      coveragePct: pct,
      coveragePctByType: { pns: pct, pppk: null, nonAsn: null },
      stage,
    };
  });
  const sum = (figure) => agencies.reduce((total, agency) => total + figure(agency), 0);
  const headcount = sum((a) => a.headcount);
  const reached = sum((a) => Math.min(a.headcount, a.reachedDirect + a.reachedCascade));
  const gaps = toGaps(agencies);
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, agencies.filter((a) => a.stage === stage).length]));
  return {
    region: { id: '00000000-0000-4000-8000-000000003579', code: '35.79', name: 'Kota Batu', level: 'CITY', timezone: 'Asia/Jakarta' },
    period: { from: '2024-10-01', to: '2024-11-30', election: null },
    totals: {
      agencies: count,
      headcount,
      headcountByType: { pns: headcount, pppk: 0, nonAsn: 0 },
      reachedDirect: sum((a) => a.reachedDirect),
      reachedCascade: sum((a) => a.reachedCascade),
      reached,
      reachedByType: { pns: reached, pppk: 0, nonAsn: 0 },
      pledged: sum((a) => a.pledged),
      headAttended: agencies.filter((a) => a.headAttended).length,
      coveragePct: coveragePercent(reached, headcount),
      coveragePctByType: { pns: coveragePercent(reached, headcount), pppk: null, nonAsn: null },
      stages,
      gaps: gaps.length,
    },
    agencies,
    gaps,
  };
}

/** Median seconds of `runs` renders after a warm-up, and the highest RSS growth seen during any of them (sampled every 2 ms). */
async function measure(render, runs) {
  await render();
  const times = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const before = process.memoryUsage.rss();
    let top = before;
    const sampler = setInterval(() => (top = Math.max(top, process.memoryUsage.rss())), 2);
    const { seconds } = await timed(render);
    clearInterval(sampler);
    top = Math.max(top, process.memoryUsage.rss());
    peak = Math.max(peak, top - before);
    times.push(seconds);
  }
  return { seconds: times.sort((a, b) => a - b)[Math.floor(runs / 2)], peakMb: peak / 1024 / 1024 };
}

export async function benchCoverageDocuments() {
  const report = nationalSizeReport();
  const issuedAt = new Date('2024-12-02T02:00:00Z');
  const bare = await measure(() => renderPdf({ title: 'bare', author: 'bench', createdAt: issuedAt, content: 'Satu baris.', pageNumbers: false }), 15);
  const pdf = await measure(() => renderCoveragePdf(report, ISSUER, issuedAt), 7);
  const xlsx = await measure(() => coverageXlsx(report), 7);
  const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
  const mb = (value) => `${value.toFixed(1)} MB`;
  return [
    ['one-line PDF page (baseline)', ms(bare.seconds), '1.00×'],
    ['coverage PDF, 150 agencies: time', ms(pdf.seconds), ratio(pdf.seconds, bare.seconds)],
    ['coverage PDF, 150 agencies: peak RSS growth', mb(pdf.peakMb), ''],
    ['coverage XLSX, 150 agencies: time', ms(xlsx.seconds), ratio(xlsx.seconds, bare.seconds)],
    ['coverage XLSX, 150 agencies: peak RSS growth', mb(xlsx.peakMb), ''],
  ];
}
