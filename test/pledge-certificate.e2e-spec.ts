import type { Issuer } from '../src/documents/letterhead.js';
import { closePdfRenderers } from '../src/documents/pdf.js';
import { type CertificateView, renderPledgeCertificate } from '../src/pledges/certificate.js';
import { hasSignatureInk, sampleSignaturePng } from './support/pledge-fixtures.js';
import { decodeQrCodes, isA4, pdfFonts, readPdf, renderPdfPage } from './support/documents.js';

const ISSUER: Issuer = {
  regionName: 'Kota Batu',
  regionLevel: 'CITY',
  timezone: 'Asia/Jakarta',
  office: {
    government: 'Pemerintah Kota Batu',
    name: 'Badan Kesatuan Bangsa dan Politik',
    address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu',
    phone: '(0341) 512345',
    email: null,
    website: null,
    city: 'Batu',
    signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Bakesbangpol Kota Batu', rank: null, nip: null },
  },
};

const VIEW: CertificateView = {
  verificationCode: 'K7Q2M9XPRT',
  verificationUrl: 'https://netralitas.batukota.go.id/api/v1/verify/K7Q2M9XPRT',
  hash: 'a3f1c9e07b5d24f8a3f1c9e07b5d24f8a3f1c9e07b5d24f8a3f1c9e07b5d24f8',
  signedAt: new Date('2024-10-29T06:05:00Z'),
  capacity: 'SELF',
  signatureName: 'hendra wijaya',
  template: {
    title: 'Pakta Integritas Netralitas ASN',
    version: 1,
    clauses: ['Menjaga netralitas ASN.', 'Menghindari konflik kepentingan.', 'Menggunakan media sosial secara bijak.', 'Menolak politik uang.'],
    legalBasis: 'SKB MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu Tahun 2022',
  },
  signer: { fullName: 'Dr. Hendra Wijaya, M.Pd.', nip: '198609262010011001', position: 'Kepala Bidang' },
  agency: { name: 'Dinas Pendidikan Kota Batu' },
  event: { title: 'Sosialisasi Netralitas ASN', venueName: 'Balai Kota Among Tani' },
  signatureImage: sampleSignaturePng(),
};

describe('pledge certificate (rendering)', () => {
  // Rendered without an app, whose shutdown would stop the PDF workers.
  afterAll(() => closePdfRenderers());

  it('prints the pledge, signer, local time and hash on one A4 page with embedded fonts and a scannable QR code', async () => {
    const pdf = await renderPledgeCertificate(ISSUER, VIEW);
    const { text, pages } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(isA4(pages[0])).toBe(true);
    expect(text).toContain('PAKTA INTEGRITAS NETRALITAS ASN');
    expect(text).toContain('Selasa, 29 Oktober 2024, 13.05 WIB');
    expect(text).toContain(VIEW.hash);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    const page = await renderPdfPage(pdf, 1, 'pledge-certificate-sample');
    expect(decodeQrCodes(page.png)).toEqual([VIEW.verificationUrl]);
    expect(hasSignatureInk(page.png)).toBe(true);
  });

  it('without an office, a drawn signature or an event: the region name, a line saying it was signed electronically; on behalf of an agency, says so', async () => {
    const issuer: Issuer = { regionName: 'Kota Balikpapan', regionLevel: 'CITY', timezone: 'Asia/Makassar', office: null };
    const view: CertificateView = { ...VIEW, capacity: 'ON_BEHALF_OF_AGENCY', signatureImage: null, event: null };
    const pdf = await renderPledgeCertificate(issuer, view);
    const { text } = await readPdf(pdf);
    expect(text.split('\n')[0]).toBe('PEMERINTAH KOTA BALIKPAPAN');
    expect(text).toContain('(ditandatangani secara elektronik)');
    expect(text.replace(/\s+/g, ' ')).toContain('bertindak untuk dan atas nama Dinas Pendidikan Kota Batu');
    // 06.05 UTC is 14.05 WITA.
    expect(text).toContain('Waktu : Selasa, 29 Oktober 2024, 14.05 WITA');
    expect(text).not.toContain('Acara :');
    const page = await renderPdfPage(pdf, 1, 'pledge-certificate-no-office');
    expect(hasSignatureInk(page.png)).toBe(false);
    expect(decodeQrCodes(page.png)).toEqual([VIEW.verificationUrl]);
    // The same pledge, the same bytes.
    expect((await renderPledgeCertificate(issuer, view)).equals(pdf)).toBe(true);
  });
});
