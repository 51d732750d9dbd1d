import type { IndonesianTimezone } from '../regions/region.entity.js';
import {
  formatIndonesianDate,
  formatIndonesianDateTime,
  formatIndonesianDateTimeRange,
  formatIndonesianTime,
  formatLetterDate,
  formatTimeRange,
  formatUtcOffset,
  toLocalIso,
  utcOffsetMinutes,
  zoneAbbreviation,
} from './indonesian-time.js';

const tuesdayAfternoonUtc = new Date('2024-10-29T06:00:00Z');

describe('zoneAbbreviation', () => {
  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
  ] as const)('%s is %s', (timezone, abbreviation) => {
    expect(zoneAbbreviation(timezone)).toBe(abbreviation);
  });

  it('refuses a zone outside Indonesia instead of printing a wrong abbreviation', () => {
    expect(() => zoneAbbreviation('Asia/Singapore' as IndonesianTimezone)).toThrow(RangeError);
  });
});

describe('toLocalIso', () => {
  it.each([
    ['Asia/Jakarta', '2024-10-29T13:00:00+07:00'],
    ['Asia/Pontianak', '2024-10-29T13:00:00+07:00'],
    ['Asia/Makassar', '2024-10-29T14:00:00+08:00'],
    ['Asia/Jayapura', '2024-10-29T15:00:00+09:00'],
  ])('writes the instant in %s as %s', (timezone, expected) => {
    expect(toLocalIso(tuesdayAfternoonUtc, timezone)).toBe(expected);
  });

  it('keeps seconds and drops milliseconds', () => {
    expect(toLocalIso(new Date('2024-10-29T06:07:08.999Z'), 'Asia/Jakarta')).toBe('2024-10-29T13:07:08+07:00');
  });

  it('denotes the same instant as its input', () => {
    const local = toLocalIso(tuesdayAfternoonUtc, 'Asia/Jayapura');
    expect(new Date(local).getTime()).toBe(tuesdayAfternoonUtc.getTime());
  });

  it('moves to the next local day when UTC is still on the previous one', () => {
    expect(toLocalIso(new Date('2024-10-28T17:00:00Z'), 'Asia/Jakarta')).toBe('2024-10-29T00:00:00+07:00');
    expect(toLocalIso(new Date('2024-12-31T20:00:00Z'), 'Asia/Jayapura')).toBe('2025-01-01T05:00:00+09:00');
  });

  it('takes the offset from the time zone database, not from a table', () => {
    // Jakarta kept +07:30 until 1964; a hard-coded +07:00 would get this wrong.
    expect(toLocalIso(new Date('1960-06-01T00:00:00Z'), 'Asia/Jakarta')).toBe('1960-06-01T07:30:00+07:30');
    expect(toLocalIso(new Date('2024-10-29T06:00:00Z'), 'UTC')).toBe('2024-10-29T06:00:00+00:00');
    expect(toLocalIso(new Date('2024-07-01T12:00:00Z'), 'America/Sao_Paulo')).toBe('2024-07-01T09:00:00-03:00');
  });
});

describe('utcOffsetMinutes and formatUtcOffset', () => {
  it('gives the offset in minutes', () => {
    expect(utcOffsetMinutes(tuesdayAfternoonUtc, 'Asia/Jakarta')).toBe(420);
    expect(utcOffsetMinutes(tuesdayAfternoonUtc, 'Asia/Makassar')).toBe(480);
    expect(utcOffsetMinutes(tuesdayAfternoonUtc, 'Asia/Jayapura')).toBe(540);
  });

  it.each([
    [420, 'extended', '+07:00'],
    [420, 'basic', '+0700'],
    [330, 'extended', '+05:30'],
    [-180, 'basic', '-0300'],
    [0, 'extended', '+00:00'],
  ] as const)('writes %i minutes (%s) as %s', (minutes, style, expected) => {
    expect(formatUtcOffset(minutes, style)).toBe(expected);
  });
});

describe('Indonesian date and time text', () => {
  it('writes the date, the time and both together', () => {
    expect(formatIndonesianDate(tuesdayAfternoonUtc, 'Asia/Jakarta')).toBe('Selasa, 29 Oktober 2024');
    expect(formatIndonesianTime(tuesdayAfternoonUtc, 'Asia/Jakarta')).toBe('13.00 WIB');
    expect(formatIndonesianDateTime(tuesdayAfternoonUtc, 'Asia/Jakarta')).toBe('Selasa, 29 Oktober 2024, 13.00 WIB');
  });

  it('uses the local time and abbreviation of each zone', () => {
    expect(formatIndonesianDateTime(tuesdayAfternoonUtc, 'Asia/Makassar')).toBe('Selasa, 29 Oktober 2024, 14.00 WITA');
    expect(formatIndonesianDateTime(tuesdayAfternoonUtc, 'Asia/Jayapura')).toBe('Selasa, 29 Oktober 2024, 15.00 WIT');
  });

  it('names the local day, not the UTC day, around midnight', () => {
    // Monday 20:00 UTC is already Tuesday 03.00 in Jakarta.
    const mondayEveningUtc = new Date('2024-10-28T20:00:00Z');
    expect(formatIndonesianDateTime(mondayEveningUtc, 'Asia/Jakarta')).toBe('Selasa, 29 Oktober 2024, 03.00 WIB');
  });

  it('pads minutes and hours', () => {
    expect(formatIndonesianTime(new Date('2024-10-29T01:05:00Z'), 'Asia/Jakarta')).toBe('08.05 WIB');
    expect(formatIndonesianTime(new Date('2024-10-28T17:00:00Z'), 'Asia/Jakarta')).toBe('00.00 WIB');
  });

  it.each([
    ['2024-10-27', 'Minggu'],
    ['2024-10-28', 'Senin'],
    ['2024-10-29', 'Selasa'],
    ['2024-10-30', 'Rabu'],
    ['2024-10-31', 'Kamis'],
    ['2024-11-01', 'Jumat'],
    ['2024-11-02', 'Sabtu'],
  ])('%s is a %s', (isoDate, dayName) => {
    expect(formatIndonesianDate(new Date(`${isoDate}T12:00:00+07:00`), 'Asia/Jakarta')).toMatch(new RegExp(`^${dayName}, `));
  });

  it.each([
    [1, 'Januari'],
    [2, 'Februari'],
    [3, 'Maret'],
    [4, 'April'],
    [5, 'Mei'],
    [6, 'Juni'],
    [7, 'Juli'],
    [8, 'Agustus'],
    [9, 'September'],
    [10, 'Oktober'],
    [11, 'November'],
    [12, 'Desember'],
  ])('month %i is %s', (month, monthName) => {
    const date = new Date(`2024-${String(month).padStart(2, '0')}-15T12:00:00+07:00`);
    expect(formatIndonesianDate(date, 'Asia/Jakarta')).toMatch(new RegExp(`, 15 ${monthName} 2024$`));
  });
});

describe('time ranges', () => {
  const start = new Date('2024-10-29T06:00:00Z');
  const end = new Date('2024-10-29T09:00:00Z');

  it('writes the clock times of a range for a letter', () => {
    expect(formatTimeRange(start, end, 'Asia/Jakarta')).toBe('13.00–16.00 WIB');
    expect(formatTimeRange(start, end, 'Asia/Makassar')).toBe('14.00–17.00 WITA');
  });

  it('writes the date once for an event within one local day', () => {
    expect(formatIndonesianDateTimeRange(start, end, 'Asia/Jakarta')).toBe('Selasa, 29 Oktober 2024, 13.00–16.00 WIB');
  });

  it('writes both dates for an event that runs into the next local day', () => {
    const nextMorning = new Date('2024-10-30T05:00:00Z');
    expect(formatIndonesianDateTimeRange(start, nextMorning, 'Asia/Jayapura')).toBe(
      'Selasa, 29 Oktober 2024, 15.00 WIT – Rabu, 30 Oktober 2024, 14.00 WIT',
    );
  });
});

describe('formatLetterDate', () => {
  it('writes the day, month and year of the local date, without the weekday', () => {
    expect(formatLetterDate(tuesdayAfternoonUtc, 'Asia/Jakarta')).toBe('29 Oktober 2024');
    expect(formatLetterDate(new Date('2024-03-01T00:00:00Z'), 'Asia/Jakarta')).toBe('1 Maret 2024');
  });

  it('takes the date in the region\'s zone: 23.30 UTC is already the next day in WITA', () => {
    const lateUtc = new Date('2023-10-19T23:30:00Z');
    expect(formatLetterDate(lateUtc, 'Asia/Makassar')).toBe('20 Oktober 2023');
    expect(formatLetterDate(lateUtc, 'Asia/Jakarta')).toBe('20 Oktober 2023');
    expect(formatLetterDate(new Date('2023-10-19T16:30:00Z'), 'Asia/Jakarta')).toBe('19 Oktober 2023');
  });
});
