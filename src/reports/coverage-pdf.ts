/**
 * The coverage report as the mayor's office prints and files it: the office's letterhead, the
 * title, the period or election, the totals, the chart of coverage by agency category, every
 * agency with its stage, the agencies not yet reached, and the signature block. A4 landscape
 * (the agency table is wide), "Halaman 1 dari N" at the foot, the table header on every page.
 */
import { formatLetterDate } from '../documents/indonesian-time.js';
import { type Issuer, letterhead, signatureBlock } from '../documents/letterhead.js';
import { A4, type Content, PAGE_MARGINS, renderPdf } from '../documents/pdf.js';
import { table } from '../documents/table.js';
import { CATEGORY_LABELS, categoryChartSvg, formatCount, formatPercent, stageLabel } from './coverage-chart.js';
import { periodText, stageCounts } from './coverage-summary.js';
import type { CoverageReport } from './dto/coverage-report.dto.js';

export const COVERAGE_REPORT_TITLE = 'LAPORAN CAKUPAN SOSIALISASI NETRALITAS ASN';

/** Text width of a landscape A4 page between the margins. */
const LANDSCAPE_WIDTH = A4.height - PAGE_MARGINS[0] - PAGE_MARGINS[2];

export async function renderCoveragePdf(report: CoverageReport, issuer: Issuer, issuedAt: Date): Promise<Buffer> {
  const sender = issuer.office ? `${issuer.office.name} ${issuer.regionName}` : issuer.regionName;
  return renderPdf({
    title: `Laporan Cakupan Sosialisasi Netralitas ASN ${report.region.name}`,
    author: sender,
    createdAt: issuedAt,
    orientation: 'landscape',
    content: [
      letterhead(issuer, LANDSCAPE_WIDTH),
      { text: COVERAGE_REPORT_TITLE, style: 'title' },
      { text: `${report.region.name} · ${periodText(report, issuer.timezone)}`, style: 'subtitle' },
      totalsBlock(report, issuedAt, issuer),
      { text: 'Grafik Cakupan menurut Kategori Instansi', bold: true, margin: [0, 6, 0, 4] },
      { svg: categoryChartSvg(report.agencies).toString(), width: 560, margin: [0, 0, 0, 10] },
      { text: 'Rincian per Instansi', bold: true, margin: [0, 6, 0, 4], pageBreak: 'before' },
      agencyTable(report),
      gapsBlock(report),
      signatureBlock(issuer, issuedAt),
    ],
  });
}

function totalsBlock(report: CoverageReport, issuedAt: Date, issuer: Issuer): Content {
  const totals = report.totals;
  const stages = stageCounts(report);
  const rows: Array<[string, string]> = [
    ['Jumlah instansi', formatCount(totals.agencies)],
    ['Jumlah pegawai (PNS, PPPK, non-ASN)', `${formatCount(totals.headcount)} orang`],
    ['Hadir langsung pada kegiatan', `${formatCount(totals.reachedDirect)} orang`],
    ['Dijangkau melalui penyampaian berjenjang', `${formatCount(totals.reachedCascade)} orang`],
    ['Menandatangani ikrar netralitas', `${formatCount(totals.pledged)} orang`],
    ['Cakupan', formatPercent(totals.coveragePct)],
    ['Tahap instansi', stages.map((entry) => `${entry.label}: ${entry.count}`).join('; ')],
    ['Keadaan per tanggal', formatLetterDate(issuedAt, issuer.timezone)],
  ];
  return {
    layout: 'noBorders',
    table: { widths: [230, 8, '*'], body: rows.map(([label, value]) => [label, ':', { text: value, bold: label === 'Cakupan' }]) },
    fontSize: 11,
    margin: [0, 0, 0, 8],
  };
}

function agencyTable(report: CoverageReport): Content {
  return table(
    [
      { header: 'No.', width: 24, align: 'right' },
      { header: 'Instansi', width: '*' },
      { header: 'Kategori', width: 100 },
      { header: 'Hadir/ diundang', width: 50, align: 'center' },
      { header: 'Kepala hadir', width: 38, align: 'center' },
      { header: 'Pegawai', width: 44, align: 'right' },
      { header: 'Hadir langsung', width: 44, align: 'right' },
      { header: 'Berjenjang', width: 52, align: 'right' },
      { header: 'Ikrar', width: 34, align: 'right' },
      { header: 'Cakupan', width: 44, align: 'right' },
      { header: 'Tahap', width: 104 },
    ],
    report.agencies.map((agency, index) => [
      index + 1,
      agency.name,
      CATEGORY_LABELS[agency.category],
      `${agency.attendedEvents}/${agency.invitedEvents}`,
      agency.headAttended ? 'Ya' : 'Tidak',
      formatCount(agency.headcount),
      formatCount(agency.reachedDirect),
      formatCount(agency.reachedCascade),
      formatCount(agency.pledged),
      formatPercent(agency.coveragePct),
      stageLabel(agency.stage),
    ]),
    { fontSize: 9 },
  );
}

function gapsBlock(report: CoverageReport): Content {
  const heading: Content = { text: 'Instansi yang Belum Terjangkau', bold: true, margin: [0, 14, 0, 4] };
  if (report.gaps.length === 0) return [heading, { text: 'Semua instansi sudah terjangkau.', italics: true }];
  return [
    heading,
    { text: 'Diurutkan dari jumlah pegawai terbanyak.', fontSize: 9, margin: [0, 0, 0, 4] },
    table(
      [
        { header: 'No.', width: 24, align: 'right' },
        { header: 'Instansi', width: '*' },
        { header: 'Pegawai', width: 70, align: 'right' },
      ],
      report.gaps.map((gap, index) => [index + 1, gap.name, formatCount(gap.headcount)]),
      { fontSize: 9 },
    ),
  ];
}
