import { pipeline, type Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvFormatError } from './csv.js';

/**
 * Which character encoding an uploaded CSV is in, decided from all of its bytes before anything
 * is imported, so that no name is ever stored with `�` in place of a letter.
 *
 * - A byte order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (Excel's "Unicode text" and some
 *   exports are UTF-16).
 * - Otherwise, bytes that are valid UTF-8 are UTF-8 ("CSV UTF-8", Google Sheets, LibreOffice).
 * - Otherwise the file is Windows-1252: what Excel on Windows writes for plain "CSV" in the
 *   Indonesian and other Western locales (é, ü, “ ”, – as single bytes). Decoded by iconv-lite:
 *   Node's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters, not as
 *   € ‚ “ ” – … (checked on Node 20). The five bytes Windows-1252 leaves undefined come out as
 *   U+FFFD, which the import refuses cell by cell, naming the line.
 * - A file that is partly valid UTF-8 with multi-byte characters and partly not is refused,
 *   naming the first bad line: guessing either way would corrupt one part of it.
 * - Spreadsheet workbooks (.xlsx, .xls) are refused with a hint instead of being read as text.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

const LF = 0x0a;
const CR = 0x0d;
const SIGNATURE_BYTES = 8;

/**
 * Reads the bytes of a file as they arrive (chunks cut anywhere) and keeps what the choice of
 * encoding needs: the first bytes, whether every byte is valid UTF-8, whether there are
 * multi-byte characters, and the line of the first invalid byte. Linear, no allocation per byte.
 */
export class EncodingSniffer {
  private start = Buffer.alloc(0);
  /** Continuation bytes the current UTF-8 sequence still needs, and the range the next one must be in (WHATWG). */
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private line = 1;
  private lastWasCr = false;
  private multiByte = 0;
  private firstInvalidLine: number | null = null;
  bytes = 0;

  update(chunk: Buffer): void {
    if (this.start.length < SIGNATURE_BYTES) this.start = Buffer.concat([this.start, chunk.subarray(0, SIGNATURE_BYTES - this.start.length)]);
    this.bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (this.needed === 0 && byte < 0x80) {
        if (byte === LF) {
          if (!this.lastWasCr) this.line++;
          this.lastWasCr = false;
        } else if (byte === CR) {
          this.line++;
          this.lastWasCr = true;
        } else {
          this.lastWasCr = false;
        }
        continue;
      }
      this.lastWasCr = false;
      if (this.needed > 0) {
        if (byte >= this.lower && byte <= this.upper) {
          this.lower = 0x80;
          this.upper = 0xbf;
          if (--this.needed === 0) this.multiByte++;
          continue;
        }
        // The sequence is cut short; the byte itself starts something new.
        this.invalid();
        i--;
        continue;
      }
      if (byte >= 0xc2 && byte <= 0xdf) {
        this.needed = 1;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) this.lower = 0xa0;
        if (byte === 0xed) this.upper = 0x9f;
        this.needed = 2;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) this.lower = 0x90;
        if (byte === 0xf4) this.upper = 0x8f;
        this.needed = 3;
      } else {
        this.invalid();
      }
    }
  }

  /** The encoding to read the whole file with, or a CsvFormatError saying why it cannot be read. */
  encoding(): CsvEncoding {
    if (this.needed > 0) this.invalid();
    const start = this.start;
    if (startsWith(start, [0x50, 0x4b, 0x03, 0x04]) || startsWith(start, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      throw new CsvFormatError(1, 'This is a spreadsheet workbook (.xlsx or .xls), not a CSV file: save it with "Save As", type "CSV UTF-8 (Comma delimited)"');
    }
    if (startsWith(start, [0xff, 0xfe])) return 'utf-16le';
    if (startsWith(start, [0xfe, 0xff])) return 'utf-16be';
    if (this.firstInvalidLine === null) return 'utf-8';
    if (startsWith(start, [0xef, 0xbb, 0xbf]) || this.multiByte > 0) {
      throw new CsvFormatError(
        this.firstInvalidLine,
        `Line ${this.firstInvalidLine} is not valid UTF-8 while the rest of the file is: the file mixes two encodings. ` +
          'Save it again as "CSV UTF-8 (Comma delimited)" and check the names on that line',
      );
    }
    return 'windows-1252';
  }

  private invalid(): void {
    this.firstInvalidLine ??= this.line;
    this.needed = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}

/**
 * The file's text for the CSV reader, as UTF-8: UTF-8 bytes as they are (the reader strips a BOM),
 * other encodings decoded by iconv-lite (which strips a UTF-16 BOM).
 */
export function decodeCsv(bytes: Readable, encoding: CsvEncoding): Readable {
  if (encoding === 'utf-8') return bytes;
  const decoder = iconv.getDecoder(encoding);
  // Strings pushed on a byte stream become UTF-8 buffers: the reader sees UTF-8 whatever the file was.
  const text = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decoder.write(chunk) || undefined);
    },
    flush(callback) {
      callback(null, decoder.end() || undefined);
    },
  });
  // Errors of the file stream reach the reader through `text`.
  return pipeline(bytes, text, () => undefined);
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}
