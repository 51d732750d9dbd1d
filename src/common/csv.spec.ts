import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvFormatError, readCsv, type CsvColumns, type CsvRow } from './csv.js';
import { DomainError } from './errors.js';

const PEOPLE = {
  fields: ['fullName', 'nip', 'employmentType', 'position', 'agency', 'phone', 'email'],
  required: ['fullName', 'employmentType', 'agency'],
} as const satisfies CsvColumns<string>;
type PeopleField = (typeof PEOPLE.fields)[number];

/** The text as a request body would arrive: Buffers of `chunkSize` bytes, cut anywhere. */
function body(text: string, chunkSize = 64 * 1024): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) chunks.push(bytes.subarray(start, start + chunkSize));
  return Readable.from(chunks);
}

async function readAll(input: Readable, columns: CsvColumns<PeopleField> = PEOPLE): Promise<CsvRow<PeopleField>[]> {
  const rows: CsvRow<PeopleField>[] = [];
  for await (const row of readCsv(input, columns)) rows.push(row);
  return rows;
}

async function formatErrorOf(text: string): Promise<CsvFormatError> {
  const error = await readAll(body(text)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CsvFormatError)) throw new Error(`expected a CsvFormatError, got ${String(error)}`);
  return error;
}

describe('readCsv', () => {
  it('reads a comma-separated file, numbering records by file line', async () => {
    const rows = await readAll(
      body(
        'fullName,nip,employmentType,position,agency,phone,email\n' +
          'Drs. Agus Santoso M.Si.,198503122010011003,PNS,Kepala Dinas,Dinas Pendidikan,0812345678,agus@batukota.go.id\n' +
          'Rina Wulandari,,NON_ASN,Staf,Dinas Pendidikan,,\n',
      ),
    );
    expect(rows).toEqual([
      {
        line: 2,
        record: {
          fullName: 'Drs. Agus Santoso M.Si.',
          nip: '198503122010011003',
          employmentType: 'PNS',
          position: 'Kepala Dinas',
          agency: 'Dinas Pendidikan',
          phone: '0812345678',
          email: 'agus@batukota.go.id',
        },
      },
      {
        line: 3,
        record: { fullName: 'Rina Wulandari', nip: '', employmentType: 'NON_ASN', position: 'Staf', agency: 'Dinas Pendidikan', phone: '', email: '' },
      },
    ]);
  });

  it('detects ";" from the header and keeps commas inside values', async () => {
    const rows = await readAll(body('fullName;employmentType;agency\nDr. Siti Aminah, S.H., M.H.;PNS;Bagian Hukum, Setda\n'));
    expect(rows).toEqual([{ line: 2, record: { fullName: 'Dr. Siti Aminah, S.H., M.H.', employmentType: 'PNS', agency: 'Bagian Hukum, Setda' } }]);
  });

  it('keeps ";" inside values of a comma-separated file', async () => {
    const rows = await readAll(body('fullName,employmentType,position,agency\nBudi,PNS,Plt. Camat; Sekcam,Kecamatan Batu\n'));
    expect(rows[0].record.position).toBe('Plt. Camat; Sekcam');
  });

  it('strips a UTF-8 BOM so the first column is still recognised, even quoted', async () => {
    const rows = await readAll(body('\uFEFF"fullName";"employmentType";"agency"\r\nBudi;PNS;Dinas Kesehatan\r\n'));
    expect(rows).toEqual([{ line: 2, record: { fullName: 'Budi', employmentType: 'PNS', agency: 'Dinas Kesehatan' } }]);
  });

  it('reads quoted values holding separators, quotes and line breaks, and numbers the following records correctly', async () => {
    const rows = await readAll(
      body(
        'fullName;employmentType;position;agency\n' +
          '"Ahmad; ""Pak Camat""";PNS;"Camat\nKecamatan Junrejo";Kecamatan Junrejo\n' +
          'Sri;PPPK;Guru;"SMA Negeri 1\r\nBatu\n(kampus 2)"\n' +
          'Joko;PNS;Lurah;Kelurahan Sisir\n',
      ),
    );
    expect(rows).toEqual([
      { line: 2, record: { fullName: 'Ahmad; "Pak Camat"', employmentType: 'PNS', position: 'Camat\nKecamatan Junrejo', agency: 'Kecamatan Junrejo' } },
      { line: 4, record: { fullName: 'Sri', employmentType: 'PPPK', position: 'Guru', agency: 'SMA Negeri 1\r\nBatu\n(kampus 2)' } },
      { line: 7, record: { fullName: 'Joko', employmentType: 'PNS', position: 'Lurah', agency: 'Kelurahan Sisir' } },
    ]);
  });

  it('matches header names case-insensitively and trims them, keying records by the caller spelling', async () => {
    const rows = await readAll(body(' FULLNAME ;Employmenttype;  agency;NIP\nBudi;PNS;Dinas Sosial;198503122010011003\n'));
    expect(rows).toEqual([{ line: 2, record: { fullName: 'Budi', employmentType: 'PNS', agency: 'Dinas Sosial', nip: '198503122010011003' } }]);
  });

  it('trims values, quoted ones included', async () => {
    const rows = await readAll(body('fullName,employmentType,agency\n  Budi  , PNS ,"  Dinas Sosial  "\n'));
    expect(rows[0].record).toEqual({ fullName: 'Budi', employmentType: 'PNS', agency: 'Dinas Sosial' });
  });

  it('skips blank lines and rows of separators only, keeping line numbers of the file', async () => {
    const rows = await readAll(body('fullName;employmentType;agency\n\nBudi;PNS;Dinas Sosial\n;;\n   \nSri;PPPK;Dinas Sosial\n\n'));
    expect(rows.map((row) => [row.line, row.record.fullName])).toEqual([
      [3, 'Budi'],
      [6, 'Sri'],
    ]);
  });

  it('numbers lines right after many blank lines, LF or CRLF, and before a broken record', async () => {
    const lf = await readAll(body(`fullName;employmentType;agency\n${'\n'.repeat(100_000)}Budi;PNS;Dinas Sosial\n\n\nSri;PPPK;Dinas Sosial\n`));
    expect(lf.map((row) => row.line)).toEqual([100_002, 100_005]);
    const crlf = await readAll(body(`fullName;employmentType;agency\r\n${'\r\n'.repeat(100_000)}Budi;PNS;Dinas Sosial\r\n\r\n\r\nSri;PPPK;Dinas Sosial\r\n`));
    expect(crlf.map((row) => row.line)).toEqual([100_002, 100_005]);
    const error = await formatErrorOf(`fullName;employmentType;agency\n\n\nBudi;PNS;Dinas Sosial\n\n"Sri;PPPK;Dinas Sosial\n`);
    expect(error.line).toBe(6);
  });

  it('gives way to the event loop while it reads, whatever the lines hold', async () => {
    // 20,000 blank-looking ragged lines, then rows: all of it in one chunk, as a fast client sends it.
    const text = `fullName;employmentType;agency\n${' \n'.repeat(20_000)}${'Budi;PNS;Dinas Sosial\n'.repeat(20_000)}`;
    let turns = 0;
    let reading = true;
    const count = () => {
      turns++;
      if (reading) setImmediate(count);
    };
    setImmediate(count);
    const rows = await readAll(Readable.from([Buffer.from(text)]));
    reading = false;
    expect(rows).toHaveLength(20_000);
    expect(turns).toBeGreaterThan(5);
  });

  it('gives empty values to a row shorter than the header', async () => {
    const rows = await readAll(body('fullName;employmentType;agency;phone;email\nBudi;PNS;Dinas Sosial\n'));
    expect(rows[0].record).toEqual({ fullName: 'Budi', employmentType: 'PNS', agency: 'Dinas Sosial', phone: '', email: '' });
  });

  it('ignores header cells left blank and empty values under them (trailing separators of spreadsheets)', async () => {
    const rows = await readAll(body('fullName;employmentType;agency;;\nBudi;PNS;Dinas Sosial;;\nSri;PPPK;Dinas Sosial;;;;\n'));
    expect(rows.map((row) => row.record)).toEqual([
      { fullName: 'Budi', employmentType: 'PNS', agency: 'Dinas Sosial' },
      { fullName: 'Sri', employmentType: 'PPPK', agency: 'Dinas Sosial' },
    ]);
  });

  it('answers a header-only file with no records', async () => {
    expect(await readAll(body('fullName;employmentType;agency\r\n'))).toEqual([]);
  });

  it('decodes UTF-8 characters cut between chunks, and a header spread over several chunks', async () => {
    const text = 'fullName;employmentType;agency\nNi Luh Putu Ayu Śrī Dévi;PNS;Dinas Pariwisata\n';
    for (const chunkSize of [1, 2, 3, 7]) {
      expect(await readAll(body(text, chunkSize))).toEqual([{ line: 2, record: { fullName: 'Ni Luh Putu Ayu Śrī Dévi', employmentType: 'PNS', agency: 'Dinas Pariwisata' } }]);
    }
  });

  it('accepts string chunks as well as buffers', async () => {
    const rows = await readAll(Readable.from(['fullName;employment', 'Type;agency\nBudi;PNS;', 'Dinas Sosial\n']));
    expect(rows).toEqual([{ line: 2, record: { fullName: 'Budi', employmentType: 'PNS', agency: 'Dinas Sosial' } }]);
  });

  describe('header problems (line 1)', () => {
    it.each([
      ['a missing required column', 'fullName;agency\nBudi;Dinas Sosial\n', 'Missing required column "employmentType"'],
      ['several missing required columns', 'nip;phone\n198503122010011003;0812\n', 'Missing required columns "fullName", "employmentType", "agency"'],
      [
        'an unknown column',
        'fullName;employmentType;agency;emial\nBudi;PNS;Dinas Sosial;b@x.id\n',
        'Unknown column "emial"; the accepted columns are fullName, nip, employmentType, position, agency, phone, email',
      ],
      ['a repeated column, in any case', 'fullName;employmentType;agency;NIP;nip\n', 'Repeated column "nip"'],
      [
        'several problems at once',
        'No;fullName;agency\n1;Budi;Dinas Sosial\n',
        'Unknown column "No"; the accepted columns are fullName, nip, employmentType, position, agency, phone, email; Missing required column "employmentType"',
      ],
      ['an empty file', '', 'The file is empty: line 1 must name the columns'],
      ['a blank first line', '\nfullName;employmentType;agency\n', 'Line 1 is empty: it must name the columns'],
    ])('reports %s', async (_case, text, message) => {
      const error = await formatErrorOf(text);
      expect({ line: error.line, message: error.message }).toEqual({ line: 1, message });
    });
  });

  describe('malformed CSV', () => {
    it.each([
      [
        'an unclosed quote, at the line where it opens',
        'fullName;employmentType;agency\nBudi;PNS;Dinas Sosial\nSri;PPPK;"Dinas Kesehatan\nJoko;PNS;Dinas Sosial\n',
        3,
        'A quoted value is not closed: a closing double quote (") is missing',
      ],
      [
        'a quote inside an unquoted value',
        'fullName;employmentType;agency\nBudi;PNS;Dinas Sosial\nSri "Yanti";PPPK;Dinas Sosial\n',
        3,
        'A double quote (") appears inside an unquoted value: enclose the value in double quotes and write the inner quote twice ("")',
      ],
      [
        'text after a closing quote, after a multi-line record',
        'fullName;employmentType;agency\n"Budi\nSantoso";PNS;Dinas Sosial\n"Sri" Yanti;PPPK;Dinas Sosial\n',
        4,
        'Unexpected text after a closing double quote ("): write a quote inside a quoted value twice ("")',
      ],
      [
        'a value under a column without a name (an unquoted separator)',
        'fullName,employmentType,agency\nBudi,PNS,Dinas Sosial\nSri,PPPK,Bagian Umum, Setda\n',
        3,
        'Column 4 has a value but no name in the header; a value that contains "," must be enclosed in double quotes',
      ],
      [
        'a record longer than 64 KiB',
        `fullName;employmentType;agency\nBudi;PNS;"${'x'.repeat(70 * 1024)}"\n`,
        2,
        'The record is longer than 65536 bytes; is a closing double quote (") missing?',
      ],
    ])('reports %s', async (_case, text, line, message) => {
      const error = await formatErrorOf(text);
      expect({ line: error.line, message: error.message }).toEqual({ line, message });
    });

    it('stops at an unclosed quote early in a large file without reading it all', async () => {
      let rowsProduced = 0;
      function* file() {
        yield 'fullName;employmentType;agency\nSri;PPPK;"Dinas Kesehatan\n';
        for (; rowsProduced < 1_000_000; rowsProduced++) yield `Budi ${rowsProduced};PNS;Dinas Sosial\n`;
      }
      await expect(readAll(Readable.from(file()))).rejects.toMatchObject({ line: 2, message: expect.stringContaining('longer than 65536 bytes') });
      expect(rowsProduced).toBeLessThan(100_000);
    });

    it('is a 400 problem carrying the line', async () => {
      const error = await formatErrorOf('fullName;employmentType;agency\n"Budi;PNS;Dinas Sosial\n');
      expect(error).toBeInstanceOf(DomainError);
      expect({ status: error.status, type: error.type, extra: error.extra }).toEqual({ status: 400, type: 'csv-format', extra: { line: 2 } });
    });
  });

  it('passes on an error of the input stream unchanged', async () => {
    const failure = new Error('client aborted the upload');
    async function* aborted() {
      yield 'fullName;employmentType;agency\nBudi;PNS;Dinas Sosial\n';
      throw failure;
    }
    await expect(readAll(Readable.from(aborted()))).rejects.toBe(failure);
  });

  it('destroys the input when the caller stops reading early', async () => {
    function* endless() {
      yield 'fullName;employmentType;agency\n';
      for (;;) yield 'Budi;PNS;Dinas Sosial\n';
    }
    const input = Readable.from(endless());
    for await (const row of readCsv(input, PEOPLE)) {
      expect(row.line).toBe(2);
      break;
    }
    await nextTurn();
    expect(input.destroyed).toBe(true);
  });

  it('streams 200,000 rows without reading ahead of the consumer', async () => {
    const total = 200_000;
    const rowsPerChunk = 100;
    let rowsProduced = 0;
    function* file() {
      yield 'fullName;nip;employmentType;agency\n';
      while (rowsProduced < total) {
        let chunk = '';
        for (let i = 0; i < rowsPerChunk; i++, rowsProduced++) chunk += `Pegawai ${rowsProduced};198503122010011${String(rowsProduced % 1000).padStart(3, '0')};PNS;Dinas ${rowsProduced % 40}\n`;
        yield chunk;
      }
    }

    let count = 0;
    let producedAtFirstRecord = -1;
    let last: CsvRow<PeopleField> | undefined;
    for await (const row of readCsv(Readable.from(file()), PEOPLE)) {
      if (count === 0) producedAtFirstRecord = rowsProduced;
      count++;
      last = row;
    }

    expect(count).toBe(total);
    expect(last).toEqual({ line: total + 1, record: { fullName: `Pegawai ${total - 1}`, nip: '198503122010011999', employmentType: 'PNS', agency: 'Dinas 39' } });
    // Backpressure: when the first record arrives, only a few buffers' worth of the file has been read.
    expect(producedAtFirstRecord).toBeLessThan(total / 10);
  });
});
