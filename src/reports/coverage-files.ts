import ExcelJS from 'exceljs';
import { type CsvCell, csvDocument } from '../documents/csv-writer.js';
import type { AgencyCoverage, CoverageReport, CoverageStage, CoverageTotals } from './dto/coverage-report.dto.js';

/**
 * The coverage report as files for people (Bahasa Indonesia): CSV and XLSX here; each format is
 * one renderer of the same CoverageReport, so that every format shows the same figures.
 */

/** How a stage reads in documents and on the report page. */
export const STAGE_LABELS: Record<CoverageStage, string> = {
  NOT_INVITED: 'Belum diundang',
  NO_SHOW: 'Diundang, tidak hadir',
  ATTENDED: 'Hadir',
  PLEDGED: 'Hadir dan ikrar',
};

type Kind = 'text' | 'count' | 'percent';

interface Column {
  header: string;
  kind: Kind;
  agency: (row: AgencyCoverage) => string | number | null;
  /** The totals row's cell; undefined leaves it empty. */
  total?: (totals: CoverageTotals) => string | number | null;
}

/** The per-agency table, in the order of §5. */
const COLUMNS: Column[] = [
  { header: 'Instansi', kind: 'text', agency: (r) => r.name, total: () => 'Jumlah' },
  { header: 'Kategori', kind: 'text', agency: (r) => r.category, total: (t) => `${t.agencies} instansi` },
  { header: 'Diundang (kegiatan)', kind: 'count', agency: (r) => r.invitedEvents },
  { header: 'Konfirmasi (kegiatan)', kind: 'count', agency: (r) => r.confirmedEvents },
  { header: 'Hadir (kegiatan)', kind: 'count', agency: (r) => r.attendedEvents },
  { header: 'Pimpinan hadir langsung', kind: 'text', agency: (r) => (r.headAttended ? 'Ya' : 'Tidak'), total: (t) => t.headAttended },
  { header: 'Terjangkau langsung', kind: 'count', agency: (r) => r.reachedDirect, total: (t) => t.reachedDirect },
  { header: 'Ikrar', kind: 'count', agency: (r) => r.pledged, total: (t) => t.pledged },
  { header: 'Terjangkau berjenjang', kind: 'count', agency: (r) => r.reachedCascade, total: (t) => t.reachedCascade },
  { header: 'Jumlah pegawai', kind: 'count', agency: (r) => r.headcount, total: (t) => t.headcount },
  { header: 'Cakupan', kind: 'percent', agency: (r) => r.coveragePct, total: (t) => t.coveragePct },
  { header: 'Cakupan PNS', kind: 'percent', agency: (r) => r.coveragePctByType.pns, total: (t) => t.coveragePctByType.pns },
  { header: 'Cakupan PPPK', kind: 'percent', agency: (r) => r.coveragePctByType.pppk, total: (t) => t.coveragePctByType.pppk },
  { header: 'Cakupan non-ASN', kind: 'percent', agency: (r) => r.coveragePctByType.nonAsn, total: (t) => t.coveragePctByType.nonAsn },
  { header: 'Tahap', kind: 'text', agency: (r) => STAGE_LABELS[r.stage] },
];

/** A downloadable rendering of the report. */
export interface CoverageFile {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

/** `cakupan-35.79-2024-10-01-2024-11-30.csv` */
export function coverageFilename(report: CoverageReport, extension: string): string {
  const parts = ['cakupan', report.region.code, report.period.from ?? 'awal', report.period.to ?? 'kini'];
  return `${parts.join('_').replaceAll(/[^\w.-]/g, '-')}.${extension}`;
}

/** CSV: the agencies table and a totals line; UTF-8 with BOM, formula-safe (csv-writer.ts). Percentages as numbers (62.5). */
export function coverageCsv(report: CoverageReport): CoverageFile {
  const rows: CsvCell[][] = report.agencies.map((agency) => COLUMNS.map((column) => column.agency(agency)));
  rows.push(COLUMNS.map((column) => column.total?.(report.totals) ?? null));
  return {
    contentType: 'text/csv; charset=utf-8',
    filename: coverageFilename(report, 'csv'),
    body: csvDocument(
      COLUMNS.map((column) => (column.kind === 'percent' ? `${column.header} (%)` : column.header)),
      rows,
    ),
  };
}

const NUMBER_FORMATS: Record<Kind, string | undefined> = { text: undefined, count: '#,##0', percent: '0.0%' };

/** A cell value as the workbook keeps it: percentages as fractions (62.5 → 0.625) shown with a % format. */
function cellValue(kind: Kind, value: string | number | null): string | number | null {
  if (kind === 'percent' && typeof value === 'number') return value / 100;
  return value;
}

/** How wide a column must be for its longest shown text (header included), in characters. */
function fittedWidth(texts: string[]): number {
  return Math.min(60, Math.max(8, ...texts.map((text) => text.length + 2)));
}

function shownText(kind: Kind, value: string | number | null): string {
  if (value === null) return '';
  if (kind === 'percent' && typeof value === 'number') return `${value.toFixed(1)}%`;
  if (kind === 'count' && typeof value === 'number') return value.toLocaleString('en-US');
  return String(value);
}

/**
 * A sheet with a bold, frozen header row, number formats per column, a bold totals row and
 * column widths that fit their contents.
 */
function addTable<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; kind: Kind; value: (row: T) => string | number | null; total?: string | number | null }[],
  rows: T[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: fittedWidth([column.header, ...rows.map((row) => shownText(column.kind, column.value(row))), shownText(column.kind, column.total ?? null)]),
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => cellValue(column.kind, column.value(row))));
  const totals = sheet.addRow(columns.map((column) => cellValue(column.kind, column.total ?? null)));
  totals.font = { bold: true };
  totals.eachCell((cell) => {
    cell.border = { top: { style: 'thin' } };
  });
}

/** XLSX: one sheet per part, "Instansi" (every agency, then the totals) and "Belum terjangkau" (the gaps). */
export async function coverageXlsx(report: CoverageReport): Promise<CoverageFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Netralitas';
  workbook.title = `Cakupan sosialisasi netralitas ASN — ${report.region.name}`;
  addTable(
    workbook,
    'Instansi',
    COLUMNS.map((column) => ({
      header: column.header,
      kind: column.kind,
      value: column.agency,
      total: column.total?.(report.totals) ?? null,
    })),
    report.agencies,
  );
  addTable(
    workbook,
    'Belum terjangkau',
    [
      { header: 'Instansi', kind: 'text', value: (gap: CoverageReport['gaps'][number]) => gap.name, total: 'Jumlah' },
      { header: 'Jumlah pegawai', kind: 'count', value: (gap) => gap.headcount, total: report.gaps.reduce((sum, gap) => sum + gap.headcount, 0) },
    ],
    report.gaps,
  );
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: coverageFilename(report, 'xlsx'), body };
}
