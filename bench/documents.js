// PDF documents: the sample letter of src/documents (kop surat, table, QR code, signature block)
// at one page and at ~17 pages (500 table rows, the header repeated on each), against the floor
// of the same engine in the same run: a one-line A4 page in the same embedded font.
import { renderLetterheadSample } from '../dist/documents/letterhead-sample.js';
import { renderPdf } from '../dist/documents/pdf.js';
import { ratio, timed } from './support.js';

const ISSUER = {
  regionName: 'Kota Batu',
  regionLevel: 'CITY',
  timezone: 'Asia/Jakarta',
  office: {
    government: 'PEMERINTAH KOTA BATU',
    name: 'BADAN KESATUAN BANGSA DAN POLITIK',
    address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313',
    phone: '(0341) 512345',
    email: 'bakesbangpol@batukota.go.id',
    website: 'bakesbangpol.batukota.go.id',
    city: 'Batu',
    signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Batu', rank: 'Pembina Tingkat I (IV/b)', nip: '197003151997031006' },
  },
};
const SAMPLE = { issuedAt: new Date('2024-10-21T02:00:00Z'), startsAt: new Date('2024-10-29T06:00:00Z'), endsAt: new Date('2024-10-29T09:00:00Z'), link: 'https://netralitas.batukota.go.id/r/Ab3dEf7hJk' };

/** Median seconds of `runs` renders, after one to warm up (font parsing, JIT). */
async function median(render, runs) {
  await render();
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await timed(render)).seconds);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function benchDocuments() {
  const bare = () => renderPdf({ title: 'bare', author: 'bench', createdAt: SAMPLE.issuedAt, content: 'Satu baris.', pageNumbers: false });
  const letter = () => renderLetterheadSample(ISSUER, { ...SAMPLE, rows: 10 });
  const long = () => renderLetterheadSample(ISSUER, { ...SAMPLE, rows: 500 });
  const baseline = await median(bare, 15);
  const oneLetter = await median(letter, 15);
  const longSheet = await median(long, 5);
  const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
  return [
    ['one-line page (baseline)', ms(baseline), '1.00×'],
    ['letter, 1 page (kop, 10 rows, QR, signature)', ms(oneLetter), ratio(oneLetter, baseline)],
    ['attendance-like, 500 rows (~17 pages)', ms(longSheet), ratio(longSheet, baseline)],
  ];
}
