import { Readable, pipeline } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { DomainError } from './errors.js';

/**
 * Streaming reader for the CSV imports (`POST /agencies/import`, `POST /people/import`, DESIGN §4).
 *
 * - UTF-8, with or without a BOM; `,` or `;` separated, chosen from the header line (spreadsheets
 *   in the Indonesian locale save with `;`).
 * - Line 1 is the header. Its names are trimmed and matched case-insensitively against the
 *   caller's field names. Unknown names are refused rather than ignored, so that a typo
 *   ("emial") cannot silently drop a column; header cells left blank are ignored, since
 *   spreadsheets often add trailing separators.
 * - Records come one at a time, numbered with the file line they start on. Blank lines (and rows
 *   of separators only) are skipped, values are trimmed, a row shorter than the header gets
 *   empty values, and a value under a column without a name is a format error.
 * - Malformed files fail with `CsvFormatError`, which answers 400 when not caught.
 * - Work is linear and taken in turns: the parser is fed at most 128 lines (or 16 KiB) at a
 *   time, and every ~10 ms the reader gives way to the event loop, so no file (millions of rows,
 *   megabytes of blank or ragged lines, records of 64 KiB) keeps other requests waiting.
 *
 * The input is UTF-8 text (see csv-encoding.ts for files in other encodings).
 */

export interface CsvColumns<F extends string> {
  /** Header names the caller understands, spelled as the JSON fields (`fullName`, `nip`). */
  fields: readonly F[];
  /** Fields whose column must be in the header (a value may still be empty). */
  required?: readonly F[];
}

export interface CsvRow<F extends string> {
  /** 1-based line of the file where the record starts; the header is line 1. */
  line: number;
  /** Every column of the header, keyed by the caller's spelling; absent columns are absent keys. */
  record: Partial<Record<F, string>>;
}

/** A file that cannot be read as CSV, or whose header does not fit the import. */
export class CsvFormatError extends DomainError {
  readonly status = 400;
  readonly type = 'csv-format';
  readonly title = 'Bad Request';
  /** Shown as `line` next to `detail` in the problem+json body. */
  readonly extra: { line: number };

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.extra = { line };
  }
}

/** Longer records are refused, so an unclosed quote cannot make the parser buffer the whole file. */
const MAX_RECORD_BYTES = 64 * 1024;
/** The header is looked for in at most this much of the start of the file. */
const MAX_HEADER_BYTES = 64 * 1024;
/**
 * The parser gets at most this many lines, or bytes, at a time: one call never runs long,
 * whatever the bytes are. Lines matter most: csv-parse spends ~30–90 µs on each record whose
 * length differs from the header's (it builds an error object even when told to relax).
 */
const MAX_PARSE_LINES = 128;
const MAX_PARSE_BYTES = 16 * 1024;
/** The reader works this long at most before it lets other requests run. */
const TURN_MS = 10;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

type Delimiter = ',' | ';';

/** One parsed record: its raw fields and the line it starts on. */
interface NumberedRecord {
  line: number;
  fields: string[];
}

/** Per position in the header: the caller's field name, or null for a cell left blank. */
type Header<F extends string> = (F | null)[];

/**
 * `for await (const { line, record } of readCsv(body, { fields: ['name', 'category'], required: ['name'] }))`:
 * records arrive as the body is read, so memory does not grow with the size of the file.
 */
export async function* readCsv<F extends string>(input: Readable, columns: CsvColumns<F>): AsyncGenerator<CsvRow<F>> {
  const source = input[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const head = await readHead(source);
  // csv-parse would skip it and take line 2 for the header.
  if (firstLineIsEmpty(head)) {
    await source.return?.();
    throw new CsvFormatError(1, 'Line 1 is empty: it must name the columns');
  }
  const delimiter = detectDelimiter(head);
  const lines = new LineCounter();
  const parser = parse({
    bom: true,
    delimiter,
    // Row lengths are checked against the header below, with messages that name the column.
    // (csv-parse still builds an error object for each row of another length than the first:
    // about 25 µs a row, the cost of validating one, so linear and bounded by the turns below.)
    relax_column_count: true,
    // Skipped inside the parser at almost no cost; LineCounter adds them back into line numbers.
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    // The typings only allow a string[] result without `columns`; csv-parse emits whatever this returns.
    on_record: ((fields: string[], info: { empty_lines: number }) => lines.number(fields, info.empty_lines)) as unknown as (fields: string[]) => string[],
  });
  // Errors of the request stream reach the loop below through the parser, which pipeline destroys.
  pipeline(Readable.from(replay(head, source)), parser, () => {});

  let header: Header<F> | undefined;
  let turnStarted = performance.now();
  try {
    for await (const row of parser as AsyncIterable<NumberedRecord>) {
      if (performance.now() - turnStarted > TURN_MS) {
        await nextTurn();
        turnStarted = performance.now();
      }
      if (!header) {
        header = readHeader(row.fields, columns);
      } else if (!isBlank(row.fields)) {
        yield { line: row.line, record: toRecord(row, header, delimiter) };
      }
    }
  } catch (error) {
    throw error instanceof CsvError ? toFormatError(error, lines.next(parser.info.empty_lines)) : error;
  }
  if (!header) throw emptyFileError();
}

export function emptyFileError(): CsvFormatError {
  return new CsvFormatError(1, 'The file is empty: line 1 must name the columns');
}

/**
 * Counts lines itself rather than trusting csv-parse's `info.lines`, which is the line where a
 * record ends (not where it starts) and counts a CRLF inside quotes as two lines. Blank lines
 * never reach it; csv-parse counts them (`empty_lines`), and they all come before the record
 * being numbered.
 */
class LineCounter {
  /** Lines taken by the records so far, plus 1. */
  private records = 1;

  number(fields: string[], blankLinesBefore: number): NumberedRecord {
    const line = this.next(blankLinesBefore);
    this.records += 1 + fields.reduce((breaks, field) => breaks + lineBreaks(field), 0);
    return { line, fields };
  }

  /** The line the next record starts on; at a parse error, the line of the broken record. */
  next(blankLinesBefore: number): number {
    return this.records + blankLinesBefore;
  }
}

function lineBreaks(value: string): number {
  // Most values have none; skip the regular expression for them (it runs on every field).
  if (!value.includes('\n') && !value.includes('\r')) return 0;
  return value.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Reads from the source until the end of the first line (or the file), to choose the separator. */
async function readHead(source: AsyncIterator<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < MAX_HEADER_BYTES) {
    const { value, done } = await source.next();
    if (done) break;
    const chunk = toBuffer(value);
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(LF) || chunk.includes(CR)) break;
  }
  return Buffer.concat(chunks);
}

/** The bytes already read for the header, then the rest of the source, for the parser, in slices (see MAX_PARSE_LINES). */
async function* replay(head: Buffer, source: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  try {
    yield* slices(head);
    for (let next = await source.next(); !next.done; next = await source.next()) yield* slices(toBuffer(next.value));
  } finally {
    // Stops (and destroys) the input when the reader is abandoned before the end of the file.
    await source.return?.();
  }
}

function* slices(chunk: Buffer): Generator<Buffer> {
  let start = 0;
  let breaks = 0;
  for (let i = 0; i < chunk.length; i++) {
    const byte = chunk[i];
    if (((byte === LF || byte === CR) && ++breaks >= MAX_PARSE_LINES) || i + 1 - start >= MAX_PARSE_BYTES) {
      yield chunk.subarray(start, i + 1);
      start = i + 1;
      breaks = 0;
    }
  }
  if (start < chunk.length) yield chunk.subarray(start);
}

/** Line 1 has no character at all (after a BOM); a line of spaces or separators is found later. */
function firstLineIsEmpty(head: Buffer): boolean {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return head[start] === LF || head[start] === CR;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
}

/**
 * The separator used more often in the header line wins; a single-column header means `,`.
 * Counting bytes is safe in UTF-8: multi-byte characters never contain ASCII bytes.
 */
function detectDelimiter(head: Buffer): Delimiter {
  let commas = 0;
  let semicolons = 0;
  for (const byte of head) {
    if (byte === LF || byte === CR) break;
    if (byte === COMMA) commas++;
    else if (byte === SEMICOLON) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function readHeader<F extends string>(names: string[], columns: CsvColumns<F>): Header<F> {
  if (isBlank(names)) throw new CsvFormatError(1, 'Line 1 is empty: it must name the columns');
  const byLowerCase = new Map(columns.fields.map((field) => [field.toLowerCase(), field]));
  const header: Header<F> = names.map((name) => (name.trim() === '' ? null : (byLowerCase.get(name.trim().toLowerCase()) ?? null)));

  const unknown = names.filter((name, i) => name.trim() !== '' && header[i] === null).map((name) => name.trim());
  const duplicated = [...new Set(header.filter((field, i): field is F => field !== null && header.indexOf(field) !== i))];
  const missing = (columns.required ?? []).filter((field) => !header.includes(field));
  const problems = [
    unknown.length && `Unknown ${plural(unknown, 'column')} ${quoted(unknown)}; the accepted columns are ${columns.fields.join(', ')}`,
    duplicated.length && `Repeated ${plural(duplicated, 'column')} ${quoted(duplicated)}`,
    missing.length && `Missing required ${plural(missing, 'column')} ${quoted(missing)}`,
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length > 0) throw new CsvFormatError(1, problems.join('; '));
  return header;
}

function toRecord<F extends string>(row: NumberedRecord, header: Header<F>, delimiter: Delimiter): Partial<Record<F, string>> {
  const record: Partial<Record<F, string>> = {};
  header.forEach((field, i) => {
    if (field !== null) record[field] = row.fields[i]?.trim() ?? '';
  });
  const strayColumn = row.fields.findIndex((value, i) => (header[i] ?? null) === null && value.trim() !== '');
  if (strayColumn >= 0) {
    // Almost always a value containing the separator without quotes around it.
    throw new CsvFormatError(
      row.line,
      `Column ${strayColumn + 1} has a value but no name in the header; a value that contains "${delimiter}" must be enclosed in double quotes`,
    );
  }
  return record;
}

function isBlank(fields: string[]): boolean {
  return fields.every((value) => value.trim() === '');
}

/**
 * csv-parse's messages speak of its internals; these say what to fix. Every error names the line
 * where the broken record starts: an unclosed quote is only noticed at the end of the file, and
 * a record that is too long wherever it overflows.
 */
function toFormatError(error: CsvError, line: number): CsvFormatError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvFormatError(line, 'A quoted value is not closed: a closing double quote (") is missing');
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvFormatError(line, `The record is longer than ${MAX_RECORD_BYTES} bytes; is a closing double quote (") missing?`);
    case 'INVALID_OPENING_QUOTE':
      return new CsvFormatError(line, 'A double quote (") appears inside an unquoted value: enclose the value in double quotes and write the inner quote twice ("")');
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvFormatError(line, 'Unexpected text after a closing double quote ("): write a quote inside a quoted value twice ("")');
    default:
      return new CsvFormatError(line, `The file is not valid CSV: ${error.message}`);
  }
}

function plural(items: readonly unknown[], word: string): string {
  return items.length === 1 ? word : `${word}s`;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
