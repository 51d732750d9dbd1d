// PDF documents: the sample letter of src/documents (kop surat, table, QR code, signature block)
// at one page and at ~17 pages (500 table rows, the header repeated on each), the daftar hadir of a
// hall of 500, and a pledge certificate (kop, clauses, drawn signature, QR code), against the floor of
// the same engine in the same run: a one-line A4 page in the same embedded font.
import { PNG } from 'pngjs';
import { renderAttendancePdf } from '../dist/check-ins/attendance-pdf.js';
import { buildAttendanceSheet } from '../dist/check-ins/attendance-sheet.js';
import { renderLetterheadSample } from '../dist/documents/letterhead-sample.js';
import { layoutPdf, renderPdf } from '../dist/documents/pdf.js';
import { table } from '../dist/documents/table.js';
import { renderPledgeCertificate } from '../dist/pledges/certificate.js';
import { ratio, timed } from './support.js';

export const ISSUER = {
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

/** A hall of 500 present in 25 agencies, and 5 invited agencies absent: the daftar hadir as printed. */
function hallSheet() {
  const startsAt = new Date('2024-10-29T06:00:00Z');
  const rows = Array.from({ length: 500 }, (_, i) => ({
    check_in_id: `c${i}`,
    checked_in_at: new Date(startsAt.getTime() - 3_600_000 + i * 9_000),
    person_id: `p${i}`,
    full_name: `Peserta Sosialisasi Nomor ${i + 1}, S.Pd.`,
    nip: `19800101200501${(i % 2) + 1}${String(i % 1000).padStart(3, '0')}`,
    position: 'Analis Kebijakan Ahli Muda',
    agency_id: `a${Math.floor(i / 20)}`,
    agency_name: `Dinas Nomor ${String(Math.floor(i / 20) + 1).padStart(2, '0')} Kota Batu`,
    delegate: i % 20 === 0,
    walk_in: i % 37 === 0,
  }));
  const absent = Array.from({ length: 5 }, (_, i) => ({ agency_id: `x${i}`, agency_name: `Kelurahan Nomor ${i + 1}`, status: 'PENDING', reason: null }));
  const event = {
    id: 'e', title: 'Sosialisasi Netralitas ASN dan Anti Radikalisme', type: 'SOSIALISASI', organizer: 'Bakesbangpol Kota Batu', venueName: 'GOR Gajah Mada',
    venueAddress: 'Kecamatan Batu', regionId: 'r', regionName: 'Kota Batu', timezone: 'Asia/Jakarta', startsAt, endsAt: new Date('2024-10-29T09:00:00Z'), letterNumber: null,
  };
  return buildAttendanceSheet(event, rows, absent);
}

/** A drawn signature as the signing page sends it: a 600 × 220 canvas with one stroke. */
function signaturePng() {
  const png = new PNG({ width: 600, height: 220 });
  for (let x = 40; x < 560; x++) {
    const y = Math.round(110 + 60 * Math.sin(x / 30));
    for (let dy = -2; dy <= 2; dy++) png.data.set([27, 31, 36, 255], ((y + dy) * 600 + x) * 4);
  }
  return PNG.sync.write(png);
}

const CERTIFICATE = {
  verificationCode: 'K7Q2M9XPRT',
  verificationUrl: 'https://netralitas.batukota.go.id/api/v1/verify/K7Q2M9XPRT',
  hash: 'a3f1c9e07b5d24f8a3f1c9e07b5d24f8a3f1c9e07b5d24f8a3f1c9e07b5d24f8',
  signedAt: new Date('2024-10-29T06:05:00Z'),
  capacity: 'SELF',
  signatureName: 'hendra wijaya',
  template: {
    title: 'Pakta Integritas Netralitas ASN',
    version: 1,
    clauses: [
      'Menjaga dan menegakkan prinsip netralitas ASN dalam melaksanakan tugas pelayanan publik, baik sebelum, selama, maupun sesudah pemilihan.',
      'Menghindari konflik kepentingan, tidak melakukan intimidasi dan ancaman, serta tidak memihak kepada pasangan calon mana pun.',
      'Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong.',
      'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
    ],
    legalBasis: 'SKB MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu Tahun 2022',
  },
  signer: { fullName: 'Dr. Hendra Wijaya, M.Pd.', nip: '198609262010011001', position: 'Kepala Bidang Pembinaan SMP' },
  agency: { name: 'Dinas Pendidikan Kota Batu' },
  event: { title: 'Sosialisasi Netralitas ASN Pilkada 2024', venueName: 'Balai Kota Among Tani' },
  signatureImage: signaturePng(),
};

/**
 * How much of this thread is left for other work while `render` runs: the turns a loop of
 * zero-delay timers (standing in for other requests) completes meanwhile, after a warm-up.
 */
async function turnsDuring(render) {
  await render();
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns += 1;
    setTimeout(spin, 0);
  };
  spin();
  await render();
  running = false;
  return turns;
}

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
  const sheet = hallSheet();
  const hall = () => renderAttendancePdf(sheet, ISSUER);
  const baseline = await median(bare, 15);
  const oneLetter = await median(letter, 15);
  const longSheet = await median(long, 5);
  const hallPdf = await median(hall, 5);
  const certificate = await median(() => renderPledgeCertificate(ISSUER, CERTIFICATE), 15);
  // What a PDF does to everyone else's requests: how many turns other work gets on the request
  // thread while a 500-row sheet is laid out there, and while renderPdf's worker thread does it.
  const sheet500 = { title: 'stall', author: 'bench', createdAt: SAMPLE.issuedAt, content: table([{ header: 'No', width: 30 }, { header: 'Nama' }, { header: 'Instansi' }], Array.from({ length: 500 }, (_, i) => [i + 1, `Peserta Nomor ${i + 1}, S.Pd.`, `Dinas Nomor ${i % 25}`])) };
  const turnsInThread = await turnsDuring(() => layoutPdf(structuredClone(sheet500)));
  const turnsWithWorker = await turnsDuring(() => renderPdf(sheet500));
  const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
  return [
    ['turns of other work on the request thread while a 500-row PDF is laid out there (baseline)', `${turnsInThread}`, '1.00×'],
    ['… while the same PDF renders through renderPdf (worker thread)', `${turnsWithWorker}`, `${(turnsWithWorker / Math.max(1, turnsInThread)).toFixed(2)}×`],
    ['one-line page (baseline)', ms(baseline), '1.00×'],
    ['letter, 1 page (kop, 10 rows, QR, signature)', ms(oneLetter), ratio(oneLetter, baseline)],
    ['attendance-like, 500 rows (~17 pages)', ms(longSheet), ratio(longSheet, baseline)],
    ['daftar hadir, 500 present in 25 agencies (A4 landscape)', ms(hallPdf), ratio(hallPdf, baseline)],
    ['pledge certificate (kop, 4 clauses, drawn signature, QR)', ms(certificate), ratio(certificate, baseline)],
  ];
}
