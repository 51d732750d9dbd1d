/**
 * The charts of the coverage report, drawn on the server as SVG: the same markup goes into the
 * PDF (pdfmake's `svg` node) and into the report page (inline, where the pages' CSP allows it:
 * SVG presentation attributes, no style attributes, no script). Built with html`…`, which escapes
 * for XML as for HTML, so an agency's name can never become markup.
 */
import type { AgencyCategory } from '../agencies/agency.entity.js';
import { html, type SafeHtml } from '../pages/html.js';
import { coveragePercent } from './coverage-math.js';
import { STAGE_LABELS } from './coverage-files.js';
import type { CoverageStage } from './dto/coverage-report.dto.js';

/** The four stages in order of progress, as the page and the PDF name and colour them. */
export const STAGES: ReadonlyArray<{ stage: CoverageStage; label: string; color: string }> = [
  { stage: 'NOT_INVITED', label: STAGE_LABELS.NOT_INVITED, color: '#6e7781' },
  { stage: 'NO_SHOW', label: STAGE_LABELS.NO_SHOW, color: '#b3261e' },
  { stage: 'ATTENDED', label: STAGE_LABELS.ATTENDED, color: '#b36200' },
  { stage: 'PLEDGED', label: STAGE_LABELS.PLEDGED, color: '#1e6b34' },
];

const STAGE_BY_KEY = new Map(STAGES.map((entry) => [entry.stage, entry]));

export function stageLabel(stage: CoverageStage): string {
  return STAGE_BY_KEY.get(stage)?.label ?? stage;
}

export function stageColor(stage: CoverageStage): string {
  return STAGE_BY_KEY.get(stage)?.color ?? '#8a939c';
}

/** Agency categories as a Kesbangpol writes them, in the order the report lists them. */
export const CATEGORY_LABELS: Readonly<Record<AgencyCategory, string>> = {
  OPD: 'Perangkat Daerah (OPD)',
  KECAMATAN: 'Kecamatan',
  KELURAHAN: 'Kelurahan',
  DESA: 'Desa',
  SCHOOL: 'Sekolah',
  VERTICAL: 'Instansi vertikal',
  ELECTION_BODY: 'Penyelenggara pemilu',
  BUMD: 'BUMD',
  OTHER: 'Lainnya',
};

/** What the charts read of an agency row of the report (DESIGN §5). */
export interface ChartAgency {
  category: AgencyCategory;
  headcount: number;
  reachedDirect: number;
  reachedCascade: number;
}

export interface CategoryCoverage {
  category: AgencyCategory;
  label: string;
  agencies: number;
  headcount: number;
  /** People reached, each agency's reach capped at its headcount (as its own coveragePct is). */
  reached: number;
  /** 0–100, one decimal, as the totals compute it; null when the category's agencies have no headcount. */
  coveragePct: number | null;
}

/**
 * Coverage by agency category: the reach of the category's agencies (each capped at its own
 * headcount, so one agency's cascade cannot make up for another's absence) over their headcount.
 * Categories without agencies are left out.
 */
export function coverageByCategory(agencies: readonly ChartAgency[]): CategoryCoverage[] {
  const sums = new Map<AgencyCategory, { agencies: number; headcount: number; reached: number }>();
  for (const agency of agencies) {
    const sum = sums.get(agency.category) ?? { agencies: 0, headcount: 0, reached: 0 };
    sum.agencies += 1;
    sum.headcount += agency.headcount;
    sum.reached += Math.min(agency.headcount, agency.reachedDirect + agency.reachedCascade);
    sums.set(agency.category, sum);
  }
  return (Object.keys(CATEGORY_LABELS) as AgencyCategory[])
    .filter((category) => sums.has(category))
    .map((category) => {
      const sum = sums.get(category)!;
      return {
        category,
        label: CATEGORY_LABELS[category],
        ...sum,
        coveragePct: coveragePercent(sum.reached, sum.headcount),
      };
    });
}

/** "72,5%": Indonesian writes a decimal comma. "–" for no figure (no headcount). */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
}

/** "1.234": Indonesian groups thousands with a dot. */
export function formatCount(value: number): string {
  return value.toLocaleString('id-ID');
}

export interface BarChartOptions {
  /** The chart's accessible name (<title>, aria-label). */
  title: string;
  /**
   * `side` (the PDF's): each label left of its bar, 720 units wide. `stacked` (the page's, for
   * a phone): each label above its bar, 360 units wide, so the text stays large when scaled down.
   */
  layout?: 'side' | 'stacked';
  /** The PDF draws with its embedded Tinos (the default); the page with the reader's own sans-serif. */
  font?: string;
}

export interface Bar {
  label: string;
  /** 0–100; null draws no bar and writes "–". */
  percent: number | null;
  /** Written after the value: "(1.234/1.700)". */
  note?: string;
  color?: string;
}

/** pdfmake picks the first family it has fonts for: Tinos, embedded in every document. */
export const PDF_CHART_FONT = 'Tinos, serif';
export const PAGE_CHART_FONT = 'system-ui, sans-serif';
const ACCENT = '#8c1d18';
const AXIS_HEIGHT = 22;

/** Where things go, in viewBox units, for each layout. */
const LAYOUTS = {
  side: { width: 720, row: 30, bar: 18, plotLeft: 200, valueRoom: 170, labelFont: 13 },
  stacked: { width: 360, row: 44, bar: 16, plotLeft: 4, valueRoom: 112, labelFont: 14 },
} as const;

/**
 * A horizontal bar chart, 0–100 %, one row per bar: the label, the bar over a light grid at
 * every 25 %, the value (and note) at the bar's end. Labels and values are drawn as text, so
 * the PDF's text and the page's screen readers read them.
 */
export function barChartSvg(bars: readonly Bar[], options: BarChartOptions): SafeHtml {
  const stacked = options.layout === 'stacked';
  const layout = LAYOUTS[options.layout ?? 'side'];
  const font = options.font ?? PDF_CHART_FONT;
  const plotWidth = layout.width - layout.plotLeft - layout.valueRoom;
  const height = AXIS_HEIGHT + bars.length * layout.row + 6;
  const x = (percent: number) => layout.plotLeft + (plotWidth * Math.max(0, Math.min(100, percent))) / 100;
  const grid = [0, 25, 50, 75, 100].map(
    (tick) => html`<line x1="${n(x(tick))}" y1="${AXIS_HEIGHT - 4}" x2="${n(x(tick))}" y2="${height - 4}" stroke="#c9d1d9" stroke-width="1"/>
<text x="${n(x(tick))}" y="${AXIS_HEIGHT - 8}" font-family="${font}" font-size="11" fill="#59636e" text-anchor="${tick === 0 && stacked ? 'start' : 'middle'}">${tick}%</text>
`,
  );
  const rows = bars.map((bar, index) => {
    const rowTop = AXIS_HEIGHT + index * layout.row;
    const top = stacked ? rowTop + layout.row - layout.bar - 6 : rowTop + (layout.row - layout.bar) / 2;
    const middle = top + layout.bar / 2 + 4;
    const end = bar.percent === null ? layout.plotLeft : x(bar.percent);
    const value = `${formatPercent(bar.percent)}${bar.note ? ` ${bar.note}` : ''}`;
    const label = stacked
      ? html`<text x="${layout.plotLeft}" y="${n(top - 5)}" font-family="${font}" font-size="${layout.labelFont}" font-weight="bold" fill="#1b1f24">${truncate(bar.label, 40)}</text>`
      : html`<text x="${layout.plotLeft - 10}" y="${n(middle)}" font-family="${font}" font-size="${layout.labelFont}" fill="#1b1f24" text-anchor="end">${truncate(bar.label, 30)}</text>`;
    return html`${label}
${bar.percent !== null && bar.percent > 0 && html`<rect x="${layout.plotLeft}" y="${n(top)}" width="${n(end - layout.plotLeft)}" height="${layout.bar}" fill="${bar.color ?? ACCENT}"/>`}
<text x="${n(end + 6)}" y="${n(middle)}" font-family="${font}" font-size="12" fill="#1b1f24">${value}</text>
`;
  });
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${height}" width="${layout.width}" height="${height}" role="img" aria-label="${options.title}" class="chart">
<title>${options.title}</title>
${grid}${rows}</svg>`;
}

/** The bar chart of coverage by agency category, as the PDF and the page show it. */
export function categoryChartSvg(agencies: readonly ChartAgency[], options: Omit<BarChartOptions, 'title'> = {}): SafeHtml {
  const bars = coverageByCategory(agencies).map((row) => ({
    label: row.label,
    percent: row.coveragePct,
    note: `(${formatCount(row.reached)}/${formatCount(row.headcount)})`,
  }));
  return barChartSvg(bars, { title: 'Cakupan sosialisasi menurut kategori instansi', ...options });
}

/**
 * One agency's coverage as a single bar in its stage's colour, for the rows of the page's list:
 * a 100-unit track that scales to the row's width.
 */
export function agencyBarSvg(percent: number | null, stage: CoverageStage): SafeHtml {
  return coverageBarSvg(percent, stageColor(stage));
}

/** A region's coverage as a single bar, for the rows of the page's list of regions. */
export function regionBarSvg(percent: number | null): SafeHtml {
  return coverageBarSvg(percent, ACCENT);
}

/** A 100-unit track, filled to `percent` in `color`, that scales to the row's width (class `coverage-bar`). */
function coverageBarSvg(percent: number | null, color: string): SafeHtml {
  const filled = Math.max(0, Math.min(100, percent ?? 0));
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 8" preserveAspectRatio="none" class="coverage-bar" aria-hidden="true" focusable="false">
<rect x="0" y="0" width="100" height="8" fill="#e6e9ed"/>${filled > 0 && html`<rect x="0" y="0" width="${n(filled)}" height="8" fill="${color}"/>`}</svg>`;
}

/** Coordinates with at most one decimal: shorter markup, the same picture. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
