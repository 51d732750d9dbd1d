/**
 * Sentences the PDF and the report page write the same way: the period line, and the count of
 * agencies at each stage.
 */
import { formatLetterDate } from '../documents/indonesian-time.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';
import { STAGES } from './coverage-chart.js';
import type { CoverageReport, CoverageStage } from './dto/coverage-report.dto.js';

/**
 * "Pilkada Serentak 2024 (1 Oktober 2024 s.d. 30 November 2024)", "Periode 1 Oktober 2024 s.d.
 * 31 Oktober 2024", "Sejak 1 Oktober 2024", "Seluruh kegiatan".
 */
export function periodText(report: Pick<CoverageReport, 'period'>, timezone: IndonesianTimezone): string {
  const { from, to, election } = report.period;
  const date = (value: string) => formatLetterDate(calendarDay(value), timezone);
  const range = from && to ? `${date(from)} s.d. ${date(to)}` : from ? `sejak ${date(from)}` : to ? `sampai dengan ${date(to)}` : null;
  if (election) return range ? `${election.name} (${range})` : election.name;
  return range ? `Periode ${range}` : 'Seluruh kegiatan';
}

/** A calendar date ("2024-10-01") at noon UTC: the same day in every Indonesian zone. */
function calendarDay(value: string): Date {
  return new Date(`${value.slice(0, 10)}T12:00:00Z`);
}

/** How many agencies are at each stage, in the stages' order, with their label and colour. */
export function stageCounts(report: Pick<CoverageReport, 'totals'>): Array<{ stage: CoverageStage; label: string; color: string; count: number }> {
  return STAGES.map((entry) => ({ ...entry, count: report.totals.stages[entry.stage] }));
}
