import type { Issuer } from '../src/documents/letterhead.js';
import { closePdfRenderers } from '../src/documents/pdf.js';
import { categoryChartSvg, coverageByCategory } from '../src/reports/coverage-chart.js';
import { renderCoveragePdf } from '../src/reports/coverage-pdf.js';
import { isA4, pdfFonts, readPdf, renderPdfPage } from './support/documents.js';
import { sampleCoverageReport } from './support/coverage-sample.js';

/**
 * The coverage report as the mayor's office prints it, read back as a person reads it: from a
 * report built by hand (test/support/coverage-sample.ts), so every figure on the paper is known.
 * PNGs of the pages are kept in test-artifacts/documents/ (the chart must be legible).
 */
const BATU: Issuer = {
  regionName: 'Kota Batu',
  regionLevel: 'CITY',
  timezone: 'Asia/Jakarta',
  office: {
    government: 'Pemerintah Kota Batu',
    name: 'Badan Kesatuan Bangsa dan Politik',
    address: 'Balai Kota Among Tani, Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313',
    phone: '(0341) 512345',
    email: 'bakesbangpol@batukota.go.id',
    website: null,
    city: 'Batu',
    signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Batu', rank: 'Pembina Tingkat I (IV/b)', nip: '197003151997031006' },
  },
};
/** Friday 1 November 2024, 09.00 WIB. */
const ISSUED_AT = new Date('2024-11-01T02:00:00Z');

describe('coverage report PDF', () => {
  // Rendered without an app, whose shutdown would stop the PDF workers.
  afterAll(() => closePdfRenderers());

  describe('a small region, by period', () => {
    const report = sampleCoverageReport();
    let pdf: Buffer;
    beforeAll(async () => {
      pdf = await renderCoveragePdf(report, BATU, ISSUED_AT);
    });

    it('prints the letterhead, the title, the period in Indonesian and the totals', async () => {
      const { text, pages } = await readPdf(pdf);
      expect(pages[0].text.split('\n').slice(0, 2)).toEqual(['PEMERINTAH KOTA BATU', 'BADAN KESATUAN BANGSA DAN POLITIK']);
      expect(text).toContain('LAPORAN CAKUPAN SOSIALISASI NETRALITAS ASN');
      expect(text).toContain('Kota Batu · Periode 1 Oktober 2024 s.d. 31 Oktober 2024');
      // 360 people; reached 100 + 10 + 35 (Junrejo: 45 capped at 35) = 145 → 40,3 %.
      expect(report.totals).toMatchObject({ headcount: 360, reachedDirect: 58, reachedCascade: 100, pledged: 43, coveragePct: 40.3 });
      expect(text).toMatch(/Jumlah instansi\s*:\s*7/);
      expect(text).toMatch(/Jumlah pegawai \(PNS, PPPK, non-ASN\)\s*:\s*360 orang/);
      expect(text).toMatch(/Hadir langsung pada kegiatan\s*:\s*58 orang/);
      expect(text).toMatch(/Dijangkau melalui penyampaian berjenjang\s*:\s*100 orang/);
      expect(text).toMatch(/Menandatangani ikrar netralitas\s*:\s*43 orang/);
      expect(text).toMatch(/Cakupan\s*:\s*40,3%/);
      expect(text).toMatch(/Belum diundang: 2; Diundang, tidak hadir: 1; Hadir: 1; Hadir dan ikrar: 3/);
    });

    it('draws the chart by category with its labels and values as text', async () => {
      const { pages } = await readPdf(pdf);
      // OPD: (100 + 10) / 200 = 55 %; Kecamatan: (0 + 35) / 75 = 46,7 %; Sekolah 0 %; vertical: no headcount.
      expect(coverageByCategory(report.agencies).map((row) => [row.label, row.coveragePct])).toEqual([
        ['Perangkat Daerah (OPD)', 55],
        ['Kecamatan', 46.7],
        ['Sekolah', 0],
        ['Instansi vertikal', null],
        ['Penyelenggara pemilu', 0],
      ]);
      const first = pages[0].text;
      expect(first).toContain('Grafik Cakupan menurut Kategori Instansi');
      for (const line of ['Perangkat Daerah (OPD)', '55% (110/200)', 'Kecamatan', '46,7% (35/75)', 'Sekolah', '0% (0/60)', 'Instansi vertikal', '– (0/0)']) {
        expect(first).toContain(line);
      }
      await renderPdfPage(pdf, 1, 'coverage-report-batu');
    });

    it('lists every agency with its figures and its stage in Bahasa Indonesia, and the gaps largest first', async () => {
      const { text } = await readPdf(pdf);
      expect(text).toMatch(/1 Dinas Pendidikan Perangkat Daerah \(OPD\)\s+2\/2 Ya 120 40 60 35 83,3% Hadir dan ikrar/);
      expect(text).toMatch(/2 Dinas Kesehatan Perangkat Daerah \(OPD\)\s+2\/2 Tidak 80 10 0 0 12,5% Hadir/);
      expect(text).toMatch(/3 Kecamatan Batu Kecamatan 0\/2 Tidak 40 0 0 0 0% Diundang, tidak hadir/);
      expect(text).toMatch(/5 SMA Negeri 1 Batu Sekolah 0\/0 Tidak 60 0 0 0 0% Belum diundang/);
      expect(text).toMatch(/6 Kantor Kementerian\s+Agama Kota Batu\s+Instansi vertikal 2\/2 Ya 0 3 0 3 – Hadir dan ikrar/);
      const gaps = text.slice(text.indexOf('Instansi yang Belum Terjangkau'));
      expect(gaps).toMatch(/1 SMA Negeri 1 Batu 60\s+2 Kecamatan Batu 40\s+3 Bawaslu Kota Batu 25/);
      // The signature block follows, signed on the day of the report.
      expect(gaps).toMatch(/Batu, 1 November 2024\s+Kepala Badan Kesatuan Bangsa dan Politik Kota\s+Batu\s+Drs\. Heru Wahyudi, M\.Si\./);
    });

    it('is A4 landscape, dated by the report, with its fonts embedded', async () => {
      const { pages, info } = await readPdf(pdf);
      for (const page of pages) {
        expect(isA4(page)).toBe(true);
        expect(page.width).toBeGreaterThan(page.height);
      }
      expect(info).toMatchObject({ Title: 'Laporan Cakupan Sosialisasi Netralitas ASN Kota Batu', Author: 'Badan Kesatuan Bangsa dan Politik Kota Batu', CreationDate: 'D:20241101020000Z' });
      const fonts = pdfFonts(pdf);
      // The chart's text is Tinos too: no unembedded standard font sneaks in through the SVG.
      expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Tinos-Bold', 'Tinos-Regular']);
      expect(fonts.every((font) => font.embedded)).toBe(true);
    });
  });

  describe('a region of national size (about 150 agencies), by election', () => {
    const report = sampleCoverageReport({ generated: 143, election: true });
    let pdf: Buffer;
    beforeAll(async () => {
      pdf = await renderCoveragePdf(report, BATU, ISSUED_AT);
    });

    it('repeats the table header on every page of the table and numbers every page', async () => {
      const { pages } = await readPdf(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(6);
      expect(pages[0].text).toContain('Kota Batu · Pilkada Serentak 2024');
      const header = /^No\.\s+Instansi\s+Kategori\s+Hadir\/\s+diundang\s+Kepala\s+hadir\s+Pegawai\s+Hadir\s+langsung\s+Berjenjang\s+Ikrar\s+Cakupan\s+Tahap\n/;
      // Page 2 starts the table; every later page that continues it starts with its header again.
      const tablePages = pages.slice(1).filter((page) => /\d+ Desa Contoh \d+ Desa/.test(page.text));
      expect(tablePages.length).toBeGreaterThanOrEqual(4);
      for (const page of tablePages) expect(page.text.replace(/^Rincian per Instansi\n/, '')).toMatch(header);
      for (const page of pages) expect(page.text).toContain(`Halaman ${page.number} dari ${pages.length}`);
      expect(pages.map((page) => page.text).join('\n')).toContain('150 Desa Contoh 143 Desa');
      await renderPdfPage(pdf, 3, 'coverage-report-national-size');
    });
  });

  it('escapes agency names in the chart (the SVG is markup)', () => {
    const svg = categoryChartSvg([{ category: 'OTHER', headcount: 10, reachedDirect: 5, reachedCascade: 0 }]).toString();
    expect(svg).toContain('Lainnya');
    expect(svg).not.toContain('<script');
  });
});
