import { parse } from 'csv-parse/sync';
import { csvCell, csvDocument, UTF8_BOM } from './csv-writer.js';

/** What a spreadsheet or a CSV library reads back from the file. */
function readBack(text: string, delimiter = ','): string[][] {
  return parse(text, { bom: true, delimiter, relax_column_count: false }) as string[][];
}

describe('csv writer', () => {
  it('starts with a UTF-8 BOM and ends records with CRLF', () => {
    const text = csvDocument(['Nama', 'Instansi'], [['Drs. Heru Wahyudi, M.Si.', 'Badan Kesatuan Bangsa dan Politik']]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1)).toBe('Nama,Instansi\r\n"Drs. Heru Wahyudi, M.Si.",Badan Kesatuan Bangsa dan Politik\r\n');
  });

  it('round-trips separators, quotes, line breaks and non-ASCII text through a CSV parser', () => {
    const rows = [
      ['Sholeh "Gus" Hadi, S.Sos.', 'baris satu\r\nbaris dua', 'Ngurah Ø Ñ 漢字', ''],
      ['a;b', 'tab\tinside', 'trailing space ', 'x'],
    ];
    expect(readBack(csvDocument(['a', 'b', 'c', 'd'], rows))).toEqual([['a', 'b', 'c', 'd'], ...rows]);
    expect(readBack(csvDocument(['a', 'b', 'c', 'd'], rows, ';'), ';')).toEqual([['a', 'b', 'c', 'd'], ...rows]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","klik")'],
    ['+62 812 3456'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('neutralises a cell that a spreadsheet would run as a formula: %j', (value) => {
    const [, [cell]] = readBack(csvDocument(['x'], [[value]]));
    expect(cell).toBe(`'${value}`);
  });

  it('leaves ordinary text, inner formula characters, numbers and empty cells alone', () => {
    const [, row] = readBack(csvDocument(['a', 'b', 'c', 'd', 'e'], [['Kepala Dinas', 'A=B', -5, null, '198503122010011003']]));
    expect(row).toEqual(['Kepala Dinas', 'A=B', '-5', '', '198503122010011003']);
    expect(csvCell(Number.NaN)).toBe('');
  });
});
