import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CsvFormatError } from './csv.js';
import { type CsvEncoding, decodeCsv, EncodingSniffer } from './csv-encoding.js';

/** The encoding chosen for `bytes` fed in chunks of `chunkSize` (cut anywhere, also inside a character). */
function encodingOf(bytes: Buffer, chunkSize = bytes.length || 1): CsvEncoding {
  const sniffer = new EncodingSniffer();
  for (let start = 0; start < bytes.length; start += chunkSize) sniffer.update(bytes.subarray(start, start + chunkSize));
  return sniffer.encoding();
}

function refusalOf(bytes: Buffer): CsvFormatError {
  try {
    encodingOf(bytes);
  } catch (error) {
    if (error instanceof CsvFormatError) return error;
    throw error;
  }
  throw new Error('expected a CsvFormatError');
}

async function decoded(bytes: Buffer, encoding: CsvEncoding): Promise<string> {
  // Read as bytes: a text consumer would drop a UTF-8 BOM itself.
  return (await buffer(decodeCsv(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), encoding))).toString('utf8');
}

/** "Dinas Pariwisata “Café” – Sekretariat, Kepala: Drs. Sūrya" as Excel on Windows saves it. */
const WINDOWS_1252 = Buffer.concat([
  Buffer.from('name;headTitle\r\nDinas Pariwisata '),
  Buffer.from([0x93]),
  Buffer.from('Caf'),
  Buffer.from([0xe9, 0x94, 0x20, 0x96]),
  Buffer.from(' Sekretariat;Kepala Dinas\r\n'),
]);

describe('EncodingSniffer', () => {
  it('takes valid UTF-8 as UTF-8, with or without a BOM, whatever the chunk boundaries', () => {
    const utf8 = Buffer.from('name;headTitle\nNi Luh Putu Śrī Dévi 🌺;Kepala\n');
    for (const chunkSize of [1, 2, 3, 5, 64]) {
      expect(encodingOf(utf8, chunkSize)).toBe('utf-8');
      expect(encodingOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), chunkSize)).toBe('utf-8');
    }
    expect(encodingOf(Buffer.from('name,category\nDinas Sosial,OPD\n'))).toBe('utf-8');
  });

  it('takes bytes that are not UTF-8, and no multi-byte character anywhere, as Windows-1252', () => {
    for (const chunkSize of [1, 7, 1000]) expect(encodingOf(WINDOWS_1252, chunkSize)).toBe('windows-1252');
    // A lead byte at the very end, with nothing after it.
    expect(encodingOf(Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x63, 0xc3]))).toBe('windows-1252');
  });

  it.each([
    ['overlong encodings', [0xc0, 0xaf]],
    ['surrogates', [0xed, 0xa0, 0x80]],
    ['code points past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['a sequence cut short', [0xe2, 0x82, 0x41]],
  ])('does not take %s for UTF-8', (_case, bytes) => {
    expect(encodingOf(Buffer.from([0x61, 0x0a, ...bytes, 0x0a]))).toBe('windows-1252');
  });

  it('refuses a file that mixes UTF-8 characters with bytes that are not UTF-8, naming the first bad line', () => {
    const mixed = Buffer.concat([Buffer.from('name;headTitle\r\nDinas Pariwisata “Café”;Kepala\r\n\r\n"Dinas\nSosial";Kepala\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    const error = refusalOf(mixed);
    expect(error.line).toBe(6);
    expect(error.message).toContain('Line 6 is not valid UTF-8');
    // A UTF-8 BOM promises UTF-8 too.
    expect(refusalOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), WINDOWS_1252])).line).toBe(2);
  });

  it('recognises UTF-16 by its byte order mark', () => {
    expect(encodingOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\n', 'utf16le')]))).toBe('utf-16le');
    expect(encodingOf(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('name\r\n', 'utf16le').swap16()]))).toBe('utf-16be');
  });

  it('refuses spreadsheet workbooks with a hint', () => {
    expect(refusalOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])).message).toContain('.xlsx');
    expect(refusalOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00])).message).toContain('.xls');
  });

  it('counts the bytes', () => {
    const sniffer = new EncodingSniffer();
    sniffer.update(Buffer.alloc(10, 0x61));
    sniffer.update(Buffer.alloc(5, 0x61));
    expect(sniffer.bytes).toBe(15);
  });
});

describe('decodeCsv', () => {
  it('decodes 0x80–0x9F as Windows-1252 (“ ” – €), not as Latin-1 control characters', async () => {
    expect(await decoded(WINDOWS_1252, 'windows-1252')).toBe('name;headTitle\r\nDinas Pariwisata “Café” – Sekretariat;Kepala Dinas\r\n');
    expect(await decoded(Buffer.from([0x80, 0x85, 0x91, 0x92, 0x8a, 0x9a]), 'windows-1252')).toBe('€…‘’Šš');
  });

  it('marks the five bytes Windows-1252 leaves undefined with U+FFFD, for the import to refuse', async () => {
    expect(await decoded(Buffer.from([0x41, 0x81, 0x8d, 0x8f, 0x90, 0x9d]), 'windows-1252')).toBe('A\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD');
  });

  it('decodes UTF-16 LE and BE and drops their byte order mark', async () => {
    const text16 = 'fullName;agency\r\nNi Luh Putu Śrī Dévi;Dinas Pariwisata\r\n';
    expect(await decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text16, 'utf16le')]), 'utf-16le')).toBe(text16);
    expect(await decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text16, 'utf16le').swap16()]), 'utf-16be')).toBe(text16);
  });

  it('passes UTF-8 through untouched', async () => {
    const bytes = Buffer.from('\ufeffname\nDévi\n');
    expect(await decoded(bytes, 'utf-8')).toBe('\ufeffname\nDévi\n');
  });
});
