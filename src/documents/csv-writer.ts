/**
 * CSV files for people to open in a spreadsheet: attendance sheets, coverage reports.
 *
 * - UTF-8 with a byte order mark, so that Excel reads "Sukarno, S.Sos." and "Ø" correctly instead
 *   of guessing a Windows code page.
 * - RFC 4180: CRLF line ends; a cell holding the separator, a double quote or a line break is
 *   enclosed in double quotes, with inner quotes doubled.
 * - Safe against formula injection (CSV injection): a spreadsheet runs a cell that starts with
 *   `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return can hide such a
 *   start. Names, positions and reasons are typed by people outside the office (an RSVP form, a
 *   walk-in desk), so every text cell that starts with one of these characters is prefixed with
 *   an apostrophe, which spreadsheets show as text and never evaluate (OWASP's advice). Numbers
 *   written as numbers are left alone: a negative figure is data, not a formula.
 */

export type CsvCell = string | number | null | undefined;

/** The UTF-8 byte order mark, as the first character of the file. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as written in the file: neutralised when it could be read as a formula, quoted when needed. */
export function csvCell(value: CsvCell, separator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(cells: readonly CsvCell[], separator = ','): string {
  return `${cells.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`;
}

/**
 * A whole file: the BOM, the header line, then the rows. Fine for what fits in a response body
 * (an attendance sheet of a few thousand lines); a report of millions of rows would stream
 * `csvLine` instead.
 */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>, separator = ','): string {
  let text = UTF8_BOM + csvLine(header, separator);
  for (const row of rows) text += csvLine(row, separator);
  return text;
}
