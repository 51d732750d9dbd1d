/**
 * The report page (`GET /reports/coverage/view`) for people who would rather look than read:
 * its sign-in form, the list of regions for a user who reaches several, and the report itself —
 * the totals, the chart by agency category (the PDF's chart), every agency as a bar in its
 * stage's colour, the gaps, and the downloads.
 * Pure functions of the report: the controller reads, these write.
 */
import type { Issuer } from '../documents/letterhead.js';
import { errorSummary, type FormErrors, textField } from '../pages/forms.js';
import { html, type SafeHtml } from '../pages/html.js';
import { renderPage } from '../pages/layout.js';
import { agencyBarSvg, CATEGORY_LABELS, categoryChartSvg, formatCount, formatPercent, PAGE_CHART_FONT, regionBarSvg, stageLabel } from './coverage-chart.js';
import { periodText, stageCounts } from './coverage-summary.js';
import type { CoverageRegion, CoverageReport, CoverageRollup, CoverageTotals } from './dto/coverage-report.dto.js';
import { REPORT_VIEW_PATH } from './report-session.js';

export const PAGE_TITLE = 'Laporan Cakupan Sosialisasi';
const STYLESHEETS = ['coverage.css'];

/**
 * The page's address as its links carry it: the region of a report (`regionId`) or the parent of
 * a list of regions (`parentId`), and the filters every page keeps (`from`, `to`, `electionId`).
 */
export type ReportFilters = Readonly<Partial<Record<'regionId' | 'parentId' | 'from' | 'to' | 'electionId', string>>>;

/** A link of the page's navigation: to a list of regions, from a report or from another list. */
export interface PageLink {
  label: string;
  href: string;
}

/** How far the signed-in user reaches, which decides the links between the lists and the reports. */
export interface ReaderReach {
  /** More than one region: ADMIN, or the users of a province with regions under it. */
  several: boolean;
  /** Every region (ADMIN): the list of the provinces is theirs. */
  nationwide: boolean;
}

export const SIGN_IN_LABELS = { email: 'Email', password: 'Kata sandi' };

/**
 * The sign-in form. It posts to the page's session route with the report's filters in its
 * address, and comes back here with the errors next to their fields.
 */
export function signInPage(filters: ReportFilters, values: { email?: string }, errors: FormErrors): SafeHtml {
  return renderPage({
    title: PAGE_TITLE,
    styles: STYLESHEETS,
    body: html`<p>Masuk dengan akun Netralitas Anda untuk melihat cakupan sosialisasi netralitas ASN.</p>
${errorSummary(errors, SIGN_IN_LABELS)}<form method="post" action="${withFilters(`${REPORT_VIEW_PATH}/session`, filters)}" class="card" novalidate>
${textField({ name: 'email', label: SIGN_IN_LABELS.email, type: 'email', inputmode: 'email', value: values.email, autocomplete: 'username', required: true, errors })}
${textField({ name: 'password', label: SIGN_IN_LABELS.password, type: 'password', autocomplete: 'current-password', required: true, errors })}
<button type="submit" class="button button--block" data-sending="Memeriksa…">Masuk</button>
</form>
<p class="field__hint">Sesi berlaku 30 menit dan hanya untuk membaca laporan.</p>
`,
  });
}

/**
 * The report itself. `filters` are those of the page's address, carried into the download links
 * and the links to the lists of regions (reportLinks).
 */
export function coveragePage(report: CoverageReport, issuer: Issuer, filters: ReportFilters, links: readonly PageLink[] = []): SafeHtml {
  const downloads = { ...keptFilters(filters), regionId: report.region.id };
  return renderPage({
    title: PAGE_TITLE,
    heading: `Cakupan Sosialisasi Netralitas ASN ${report.region.name}`,
    issuer,
    styles: STYLESHEETS,
    body: html`${pageNav(links)}<p class="report-period">${periodText(report, issuer.timezone)}</p>
${totalsSection(report.totals)}
<p class="downloads">
<a class="button button--secondary" href="${withFilters(`${REPORT_VIEW_PATH}/download`, { ...downloads, format: 'pdf' })}" download>Unduh PDF</a>
<a class="button button--secondary" href="${withFilters(`${REPORT_VIEW_PATH}/download`, { ...downloads, format: 'xlsx' })}" download>Unduh XLSX</a>
<a class="button button--secondary" href="${withFilters(`${REPORT_VIEW_PATH}/download`, { ...downloads, format: 'csv' })}" download>Unduh CSV</a>
</p>
<section aria-labelledby="kategori">
<h2 id="kategori">Cakupan menurut kategori instansi</h2>
<figure class="chart-figure">${categoryChartSvg(report.agencies, { layout: 'stacked', font: PAGE_CHART_FONT })}</figure>
</section>
${gapsSection(report)}
<section aria-labelledby="instansi">
<h2 id="instansi">Cakupan per instansi</h2>
${stageLegend(report)}
<ol class="agency-list">
${report.agencies.map(
  (agency) => html`<li class="agency" data-agency-id="${agency.agencyId}" data-stage="${agency.stage}">
<p class="agency__name">${agency.name}</p>
<p class="agency__meta">${CATEGORY_LABELS[agency.category]} · <span class="stage stage--${agency.stage}">${stageLabel(agency.stage)}</span></p>
${agencyBarSvg(agency.coveragePct, agency.stage)}
<p class="agency__figures"><strong>${formatPercent(agency.coveragePct)}</strong> · ${formatCount(agency.reachedDirect)} hadir, ${formatCount(agency.reachedCascade)} berjenjang, ${formatCount(agency.pledged)} berikrar, dari ${formatCount(agency.headcount)} pegawai</p>
</li>
`,
)}</ol>
</section>
${SIGN_OUT}`,
  });
}

/**
 * The list of regions, for a user who reaches several and opens the page without a region: the
 * parent as a whole (a province, or the whole country for ADMIN), then a row per region with its
 * headline figures. Each row's link opens the page that breaks its figures down: the report of a
 * regency or city, the report of a province's own agencies, and for a province of the country
 * its own list (its figures cover its regencies and cities too).
 */
export function regionListPage(rollup: CoverageRollup, issuer: Issuer | undefined, filters: ReportFilters, links: readonly PageLink[] = []): SafeHtml {
  const parent = rollup.parent;
  const rows: RegionRow[] = [];
  if (parent && rollup.ownAgencies) {
    rows.push({ region: parent, totals: rollup.ownAgencies, note: ownAgenciesNote(parent), href: regionHref(filters, { regionId: parent.id }) });
  }
  for (const child of rollup.regions) {
    const province = child.region.level === 'PROVINCE';
    rows.push({
      region: child.region,
      totals: child.totals,
      note: province ? 'Instansi provinsi dan kabupaten/kotanya' : null,
      href: regionHref(filters, province ? { parentId: child.region.id } : { regionId: child.region.id }),
    });
  }
  // Calendar days read the same in every Indonesian zone; the country has no zone of its own.
  const timezone = issuer?.timezone ?? parent?.timezone ?? 'Asia/Jakarta';
  return renderPage({
    title: PAGE_TITLE,
    heading: `Cakupan Sosialisasi Netralitas ASN ${parent ? parent.name : 'Seluruh Indonesia'}`,
    issuer,
    styles: STYLESHEETS,
    body: html`${pageNav(links)}<p class="report-period">${periodText(rollup, timezone)}</p>
${totalsSection(rollup.totals)}
<section aria-labelledby="wilayah">
<h2 id="wilayah">Pilih wilayah</h2>
${
  rows.length === 0
    ? html`<p class="notice">Belum ada wilayah yang terdaftar.</p>
`
    : html`<p>${parent ? 'Buka nama wilayah untuk melihat setiap instansinya, grafiknya dan unduhannya.' : 'Buka nama provinsi untuk melihat instansi provinsinya dan kabupaten/kotanya.'}</p>
<ol class="region-list">
${rows.map(regionRow)}</ol>
`
}</section>
${SIGN_OUT}`,
  });
}

/**
 * The links of a report page to the lists of regions, for a user who reaches more than the
 * report's region: a province's own list (its regencies and cities), the list the region is in,
 * and for ADMIN the provinces of the country.
 */
export function reportLinks(region: CoverageRegion, reach: ReaderReach, filters: ReportFilters): PageLink[] {
  if (!reach.several) return [];
  const links: PageLink[] = [];
  if (region.level === 'PROVINCE') links.push({ label: `Kabupaten dan kota di ${region.name}`, href: regionHref(filters, { parentId: region.id }) });
  if (region.parentId) links.push({ label: 'Kembali ke daftar wilayah', href: regionHref(filters, { parentId: region.parentId }) });
  if (reach.nationwide) links.push({ label: 'Semua provinsi', href: regionHref(filters, {}) });
  return links;
}

/** The links of a list of regions: ADMIN, in a province's list, goes back to the provinces. */
export function regionListLinks(rollup: CoverageRollup, reach: ReaderReach, filters: ReportFilters): PageLink[] {
  return reach.nationwide && rollup.parent ? [{ label: 'Semua provinsi', href: regionHref(filters, {}) }] : [];
}

const SIGN_OUT = html`<form method="post" action="${REPORT_VIEW_PATH}/sign-out" class="sign-out">
<button type="submit" class="button button--secondary">Keluar</button>
</form>
`;

interface RegionRow {
  region: CoverageRegion;
  totals: CoverageTotals;
  /** What the figures cover, when the name alone does not say. */
  note: string | null;
  href: string;
}

function regionRow(row: RegionRow): SafeHtml {
  const totals = row.totals;
  return html`<li class="region" data-region-id="${row.region.id}">
<p class="region__name"><a href="${row.href}">${row.region.name}</a></p>
${row.note && html`<p class="region__note">${row.note}</p>
`}${regionBarSvg(totals.coveragePct)}
<p class="region__figures"><strong data-figure="coveragePct">${formatPercent(totals.coveragePct)}</strong> · <span data-figure="reached">${formatCount(totals.reached)}</span> dari <span data-figure="headcount">${formatCount(totals.headcount)}</span> pegawai · <span data-figure="agencies">${formatCount(totals.agencies)}</span> instansi, <span data-figure="gaps">${formatCount(totals.gaps)}</span> belum terjangkau</p>
</li>
`;
}

/** A province's own row: its offices and its schools (SMA, SMK), which its regencies' lists do not hold. */
function ownAgenciesNote(region: CoverageRegion): string | null {
  return region.level === 'PROVINCE' ? 'Instansi tingkat provinsi' : null;
}

function pageNav(links: readonly PageLink[]): SafeHtml | null {
  if (links.length === 0) return null;
  return html`<nav class="report-nav" aria-label="Daftar wilayah">
${links.map((link) => html`<a href="${link.href}">${link.label}</a>
`)}</nav>
`;
}

/** The totals as tiles, the report's and the list's alike. */
function totalsSection(totals: CoverageTotals): SafeHtml {
  return html`<section aria-labelledby="ringkasan">
<h2 id="ringkasan">Ringkasan</h2>
<dl class="totals">
${total('coveragePct', 'Cakupan', formatPercent(totals.coveragePct), `${formatCount(totals.reached)} dari ${formatCount(totals.headcount)} pegawai`, true)}
${total('agencies', 'Instansi', formatCount(totals.agencies), `${formatCount(totals.gaps)} belum terjangkau`)}
${total('reachedDirect', 'Hadir langsung', formatCount(totals.reachedDirect), 'orang pada kegiatan')}
${total('reachedCascade', 'Penyampaian berjenjang', formatCount(totals.reachedCascade), 'orang di instansinya')}
${total('pledged', 'Berikrar', formatCount(totals.pledged), 'orang menandatangani ikrar')}
${total('headcount', 'Jumlah pegawai', formatCount(totals.headcount), 'PNS, PPPK dan non-ASN')}
</dl>
</section>`;
}

/** The filters every page of the report keeps, whichever region or list it shows. */
function keptFilters(filters: ReportFilters): ReportFilters {
  return { from: filters.from, to: filters.to, electionId: filters.electionId };
}

/** The page's address for a region's report (`regionId`) or a list (`parentId`, none: the reader's own), with the kept filters. */
function regionHref(filters: ReportFilters, target: { regionId?: string; parentId?: string }): string {
  return withFilters(REPORT_VIEW_PATH, { ...target, ...keptFilters(filters) });
}

function total(name: string, label: string, value: string, note: string, main = false): SafeHtml {
  return html`<div class="total${main ? ' total--main' : ''}">
<dt>${label}</dt>
<dd><span class="total__value" data-total="${name}">${value}</span><span class="total__note">${note}</span></dd>
</div>`;
}

/** The four stages as colours, each with how many agencies are at it. */
function stageLegend(report: CoverageReport): SafeHtml {
  return html`<ul class="legend" aria-label="Tahap instansi">
${stageCounts(report).map(
  (entry) => html`<li><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 12" class="legend__swatch" aria-hidden="true" focusable="false"><rect width="12" height="12" rx="2" fill="${entry.color}"/></svg>${entry.label}: <strong data-stage-count="${entry.stage}">${entry.count}</strong></li>
`,
)}</ul>
`;
}

/** The agencies with no reach, largest headcount first, set apart so they are seen first. */
function gapsSection(report: CoverageReport): SafeHtml {
  if (report.gaps.length === 0) {
    return html`<p class="notice notice--ok">Semua instansi sudah terjangkau.</p>\n`;
  }
  return html`<section class="gaps" aria-labelledby="belum">
<h2 id="belum">Belum terjangkau (${report.gaps.length} instansi)</h2>
<p>Belum ada pegawai yang hadir atau menerima penyampaian berjenjang. Diurutkan dari jumlah pegawai terbanyak.</p>
<ol class="gaps__list">
${report.gaps.map((gap) => html`<li data-agency-id="${gap.agencyId}">${gap.name} <span class="gaps__count">${formatCount(gap.headcount)} pegawai</span></li>\n`)}</ol>
</section>
`;
}

/** `path?regionId=…&from=…`, leaving out what is not set. */
export function withFilters(path: string, filters: Readonly<Record<string, string | undefined>>): string {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return query ? `${path}?${query}` : path;
}
