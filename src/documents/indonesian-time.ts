/**
 * Indonesian local time for letters, attendance sheets, calendars and API responses.
 *
 * Instants are stored in UTC; every region has an IANA zone. Wall-clock fields and offsets come
 * from Intl, so nothing here depends on the server's TZ. Day and month names are spelled out
 * below instead of taken from the `id-ID` locale data, whose spelling differs between ICU
 * versions ("Jumat" / "Jum'at") and would change printed letters after a Node upgrade.
 */
import type { IndonesianTimezone } from '../regions/region.entity.js';

export type ZoneAbbreviation = 'WIB' | 'WITA' | 'WIT';

const ZONE_ABBREVIATIONS: Record<IndonesianTimezone, ZoneAbbreviation> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Indexed by `Date#getUTCDay()`: 0 is Sunday. */
const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Wall-clock fields of an instant in a zone; `month` is 1–12, `weekday` 0 (Sunday)–6. */
interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export function zoneAbbreviation(timezone: IndonesianTimezone): ZoneAbbreviation {
  const abbreviation = ZONE_ABBREVIATIONS[timezone];
  // The type holds for typed callers; a zone read from elsewhere could still be anything.
  if (!abbreviation) throw new RangeError(`Not an Indonesian time zone: ${timezone}`);
  return abbreviation;
}

/** Offset of `timezone` from UTC at `date`, in minutes (Asia/Jakarta: 420). */
export function utcOffsetMinutes(date: Date, timezone: string): number {
  return offsetOf(date, localDateTime(date, timezone));
}

/** The offset, from the wall-clock fields of the same instant. */
function offsetOf(date: Date, local: LocalDateTime): number {
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  // Intl drops milliseconds, so compare against the instant truncated to the second.
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((localAsUtc - instant) / 60_000);
}

/** '+07:00' (ISO 8601 extended, the default) or '+0700' (basic, as iCalendar's TZOFFSETTO wants). */
export function formatUtcOffset(offsetMinutes: number, style: 'extended' | 'basic' = 'extended'): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const separator = style === 'extended' ? ':' : '';
  return `${sign}${pad(Math.floor(absolute / 60))}${separator}${pad(absolute % 60)}`;
}

/** ISO 8601 in the zone's own offset, to the second: '2024-10-29T13:00:00+07:00'. */
export function toLocalIso(date: Date, timezone: string): string {
  const local = localDateTime(date, timezone);
  const datePart = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const timePart = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
  // One Intl pass for both: responses format an instant like this for every row they carry.
  return `${datePart}T${timePart}${formatUtcOffset(offsetOf(date, local))}`;
}

/** 'Selasa, 29 Oktober 2024' */
export function formatIndonesianDate(date: Date, timezone: IndonesianTimezone): string {
  return formatLocalDate(localDateTime(date, timezone));
}

/**
 * '21 Oktober 2024': the date after the place of signing ("Batu, 21 Oktober 2024"), where
 * letters leave out the weekday.
 */
export function formatLetterDate(date: Date, timezone: IndonesianTimezone): string {
  const local = localDateTime(date, timezone);
  return `${local.day} ${MONTH_NAMES[local.month - 1]} ${local.year}`;
}

/** '13.00 WIB': Indonesian writes clock times with a dot. */
export function formatIndonesianTime(date: Date, timezone: IndonesianTimezone): string {
  return `${formatClock(localDateTime(date, timezone))} ${zoneAbbreviation(timezone)}`;
}

/** 'Selasa, 29 Oktober 2024, 13.00 WIB' */
export function formatIndonesianDateTime(date: Date, timezone: IndonesianTimezone): string {
  return `${formatIndonesianDate(date, timezone)}, ${formatIndonesianTime(date, timezone)}`;
}

/**
 * Clock times only, '13.00–16.00 WIB', as the "Pukul" line of an invitation letter.
 * An overnight range reads '20.00–02.00 WIB'; the date belongs on its own line.
 */
export function formatTimeRange(start: Date, end: Date, timezone: IndonesianTimezone): string {
  const from = formatClock(localDateTime(start, timezone));
  const to = formatClock(localDateTime(end, timezone));
  return `${from}–${to} ${zoneAbbreviation(timezone)}`;
}

/**
 * 'Selasa, 29 Oktober 2024, 13.00–16.00 WIB' for an event within one local day, otherwise
 * both ends in full: 'Selasa, 29 Oktober 2024, 13.00 WIB – Rabu, 30 Oktober 2024, 12.00 WIB'.
 */
export function formatIndonesianDateTimeRange(start: Date, end: Date, timezone: IndonesianTimezone): string {
  const startDate = formatIndonesianDate(start, timezone);
  if (startDate === formatIndonesianDate(end, timezone)) {
    return `${startDate}, ${formatTimeRange(start, end, timezone)}`;
  }
  return `${formatIndonesianDateTime(start, timezone)} – ${formatIndonesianDateTime(end, timezone)}`;
}

function formatLocalDate(local: LocalDateTime): string {
  return `${DAY_NAMES[local.weekday]}, ${local.day} ${MONTH_NAMES[local.month - 1]} ${local.year}`;
}

function formatClock(local: LocalDateTime): string {
  return `${pad(local.hour)}.${pad(local.minute)}`;
}

function localDateTime(date: Date, timezone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormatter(timezone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  // The weekday of a calendar date does not depend on the zone, so derive it from the fields.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second, weekday };
}

// Building a DateTimeFormat is far costlier than using one, and reports format thousands of rows.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23', // 'hour12: false' prints midnight as 24 in some ICU versions
    });
    wallClockFormatters.set(timezone, formatter);
  }
  return formatter;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
