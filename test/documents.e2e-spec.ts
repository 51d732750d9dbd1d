import { renderLetterheadSample } from '../src/documents/letterhead-sample.js';
import { OfficeService } from '../src/regions/office.service.js';
import { decodeQrCodes, isA4, pdfFonts, readPdf, renderPdfPage } from './support/documents.js';
import { createRegions, putOffice } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The PDF foundation read back the way a person reads a printed letter: the letterhead of an
 * office set through the API, Indonesian dates and local times, the QR code, A4 pages, the table
 * header on every page, the fonts embedded. PNGs of the pages are kept in test-artifacts/documents/.
 */
describe('documents: letterhead, signature, QR, tables and pages', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let offices: OfficeService;

  const link = 'https://netralitas.batukota.go.id/r/Ab3dEf7hJk';
  /** Monday 21 October 2024, 09.00 WIB; the event on Tuesday 29 October, 13.00–16.00 WIB. */
  const sample = { issuedAt: new Date('2024-10-21T02:00:00Z'), startsAt: new Date('2024-10-29T06:00:00Z'), endsAt: new Date('2024-10-29T09:00:00Z'), link, rows: 40 };

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    offices = t.app.get(OfficeService);
    await putOffice(t, r.batu.id);
  });
  afterAll(() => t.close());

  describe('with the office set', () => {
    let pdf: Buffer;
    beforeAll(async () => {
      pdf = await renderLetterheadSample(await offices.issuer(r.batu.id), sample);
    });

    it('prints the kop surat in capitals, the dates in Indonesian and the times in WIB', async () => {
      const { text, pages } = await readPdf(pdf);
      const firstLines = pages[0].text.split('\n').slice(0, 4);
      expect(firstLines).toEqual([
        'PEMERINTAH KOTA BATU',
        'BADAN KESATUAN BANGSA DAN POLITIK',
        'Balai Kota Among Tani, Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313',
        'Telepon (0341) 512345, Pos-el bakesbangpol@batukota.go.id, Laman bakesbangpol.batukota.go.id',
      ]);
      expect(text).toContain('Selasa, 29 Oktober 2024, 13.00–16.00 WIB');
      // The signature block: place and date, position, name, rank, NIP in its printed groups.
      await renderPdfPage(pdf, 1, 'letterhead-sample-batu');
      expect(text).toMatch(/Batu, 21 Oktober 2024\s+Kepala Badan Kesatuan Bangsa dan Politik Kota\s+Batu\s+Drs\. Heru Wahyudi, M\.Si\.\s+Pembina Tingkat I \(IV\/b\)\s+NIP\. 19700315 199703 1 006/);
    });

    it('is A4 throughout, numbers its pages and repeats the table header on each', async () => {
      const { pages, info } = await readPdf(pdf);
      expect(pages).toHaveLength(2);
      for (const page of pages) {
        expect(isA4(page)).toBe(true);
        expect(page.text).toContain(`Halaman ${page.number} dari 2`);
      }
      expect(pages[1].text.split('\n')[0]).toBe('No. Nama Instansi Tanda Tangan');
      // Dated by the document, not the clock: the same input gives the same bytes.
      expect(info).toMatchObject({ Title: 'Contoh kop surat Kota Batu', Author: 'Badan Kesatuan Bangsa dan Politik Kota Batu', Creator: 'Netralitas', CreationDate: 'D:20241021020000Z' });
    });

    it('embeds every font it uses', () => {
      const fonts = pdfFonts(pdf);
      expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Tinos-Bold', 'Tinos-Regular']);
      expect(fonts.every((font) => font.embedded)).toBe(true);
    });

    it('prints a QR code that a phone reads back as the link written under it', async () => {
      const page = await renderPdfPage(pdf, 2, 'letterhead-sample-batu');
      expect(decodeQrCodes(page.png)).toEqual([link]);
      expect((await readPdf(pdf)).pages[1].text).toContain(link);
      // 2× A4 at 72 dpi: the PNG is the page, not a thumbnail.
      expect([page.width, page.height]).toEqual([Math.floor(595.28 * 2), Math.floor(841.89 * 2)]);
    });

    it('gives the same bytes for the same input', async () => {
      const again = await renderLetterheadSample(await offices.issuer(r.batu.id), sample);
      expect(again.equals(pdf)).toBe(true);
    });
  });

  it('without an office prints the region and a blank signature block, with times in its own zone (WITA)', async () => {
    const issuer = await offices.issuer(r.balikpapan.id);
    expect(issuer.office).toBeNull();
    const pdf = await renderLetterheadSample(issuer, { ...sample, rows: 3 });
    const { text, pages } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0].text.split('\n')[0]).toBe('PEMERINTAH KOTA BALIKPAPAN');
    expect(text).toContain('Selasa, 29 Oktober 2024, 14.00–17.00 WITA');
    expect(text).toMatch(/\.{30}, 21 Oktober 2024\s+\.{50}\s+\.{50}\s+NIP\. \.{30}/);
    expect(text).not.toContain('BADAN KESATUAN');
    const page = await renderPdfPage(pdf, 1, 'letterhead-sample-balikpapan-unset');
    expect(decodeQrCodes(page.png)).toEqual([link]);
  });

  it('names a province by its government: PEMERINTAH PROVINSI JAWA TIMUR', async () => {
    const pdf = await renderLetterheadSample(await offices.issuer(r.jatim.id), { ...sample, rows: 1 });
    expect((await readPdf(pdf)).pages[0].text.split('\n')[0]).toBe('PEMERINTAH PROVINSI JAWA TIMUR');
  });
});
