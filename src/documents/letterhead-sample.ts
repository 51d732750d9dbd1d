/**
 * A sample document built from every block of src/documents: the kop surat, Indonesian date and
 * time lines, a table that runs over several pages with its header repeated, a QR code with its
 * link written under it, the signature block and the page numbers. It is what the tests render
 * and read back, and the example to copy when writing a letter, an attendance sheet or a report.
 * Not served by any route.
 */
import { formatIndonesianDateTimeRange } from './indonesian-time.js';
import { type Issuer, letterhead, signatureBlock } from './letterhead.js';
import { renderPdf } from './pdf.js';
import { qrCode } from './qr.js';
import { table } from './table.js';

export interface LetterheadSample {
  /** The date of the document (signature block, metadata). */
  issuedAt: Date;
  /** An event's times, printed as a "Waktu" line in the region's zone. */
  startsAt: Date;
  endsAt: Date;
  /** Encoded in the QR code and written under it. */
  link: string;
  /** Rows of the sample table: about 30 fill a page. */
  rows: number;
}

export async function renderLetterheadSample(issuer: Issuer, sample: LetterheadSample): Promise<Buffer> {
  const sender = issuer.office ? `${issuer.office.name} ${issuer.regionName}` : issuer.regionName;
  const rows = Array.from({ length: sample.rows }, (_, index) => [index + 1, `Peserta ${index + 1}`, 'Dinas Pendidikan', '']);
  return renderPdf({
    title: `Contoh kop surat ${issuer.regionName}`,
    author: sender,
    createdAt: sample.issuedAt,
    content: [
      letterhead(issuer),
      { text: 'CONTOH DOKUMEN', style: 'title' },
      { text: 'Kop surat, tabel, kode QR dan blok tanda tangan', style: 'subtitle' },
      {
        layout: 'noBorders',
        table: {
          widths: [60, 8, '*'],
          body: [
            ['Penerbit', ':', sender],
            ['Waktu', ':', formatIndonesianDateTimeRange(sample.startsAt, sample.endsAt, issuer.timezone)],
          ],
        },
        margin: [0, 0, 0, 10],
      },
      table(
        [
          { header: 'No.', width: 28, align: 'right' },
          { header: 'Nama', width: '*' },
          { header: 'Instansi', width: 140 },
          { header: 'Tanda Tangan', width: 90 },
        ],
        rows,
      ),
      signatureBlock(issuer, sample.issuedAt, { beside: await qrCode(sample.link) }),
    ],
  });
}
