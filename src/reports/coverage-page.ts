/**
 * The report page (`GET /reports/coverage/view`) for people who would rather look than read:
 * its sign-in form, and the report itself — the totals, the chart by agency category (the
 * PDF's chart), every agency as a bar in its stage's colour, the gaps, and the downloads.
 * Pure functions of the report: the controller reads, these write.
 */
import type { Issuer } from '../documents/letterhead.js';
import { errorSummary, type FormErrors, textField } from '../pages/forms.js';
import { html, type SafeHtml } from '../pages/html.js';
import { renderPage } from '../pages/layout.js';
import { agencyBarSvg, CATEGORY_LABELS, categoryChartSvg, formatCount, formatPercent, PAGE_CHART_FONT, stageLabel } from './coverage-chart.js';
import { periodText, stageCounts } from './coverage-summary.js';
import type { CoverageReport } from './dto/coverage-report.dto.js';
import { REPORT_VIEW_PATH } from './report-session.js';

export const PAGE_TITLE = 'Laporan Cakupan Sosialisasi';
const STYLESHEETS = ['coverage.css'];

/** The report's filters as the page's links carry them: `regionId=…&from=…`. */
export type ReportFilters = Readonly<Partial<Record<'regionId' | 'from' | 'to' | 'electionId', string>>>;

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

/** The report itself. `filters` are those of the page's address, carried into the download links. */
export function coveragePage(report: CoverageReport, issuer: Issuer, filters: ReportFilters): SafeHtml {
  const totals = report.totals;
  const downloads = { ...filters, regionId: report.region.id };
  return renderPage({
    title: PAGE_TITLE,
    heading: `Cakupan Sosialisasi Netralitas ASN ${report.region.name}`,
    issuer,
    styles: STYLESHEETS,
    body: html`<p class="report-period">${periodText(report, issuer.timezone)}</p>
<section aria-labelledby="ringkasan">
<h2 id="ringkasan">Ringkasan</h2>
<dl class="totals">
${total('coveragePct', 'Cakupan', formatPercent(totals.coveragePct), `${formatCount(totals.reached)} dari ${formatCount(totals.headcount)} pegawai`, true)}
${total('agencies', 'Instansi', formatCount(totals.agencies), `${formatCount(totals.gaps)} belum terjangkau`)}
${total('reachedDirect', 'Hadir langsung', formatCount(totals.reachedDirect), 'orang pada kegiatan')}
${total('reachedCascade', 'Penyampaian berjenjang', formatCount(totals.reachedCascade), 'orang di instansinya')}
${total('pledged', 'Berikrar', formatCount(totals.pledged), 'orang menandatangani ikrar')}
${total('headcount', 'Jumlah pegawai', formatCount(totals.headcount), 'PNS, PPPK dan non-ASN')}
</dl>
</section>
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
<form method="post" action="${REPORT_VIEW_PATH}/sign-out" class="sign-out">
<button type="submit" class="button button--secondary">Keluar</button>
</form>
`,
  });
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
