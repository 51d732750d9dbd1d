/**
 * The certificate of a signed pledge (`GET /pledges/:id.pdf`): one A4 page under the office's
 * letterhead with the pledge as signed — the template's clauses in order and its legal basis —,
 * who signed it, where and when (in the region's zone), the drawn signature when there is one,
 * the chain hash, and a QR code of the public verification link with the code written under it,
 * so anyone holding the paper can check it with a phone camera.
 *
 * A pure function of its view: the same pledge gives the same bytes (the metadata's date is the
 * signing time, not the clock). Two faces of the font only (regular and bold): each face is
 * subset and embedded, and an italic line would add a third (about a sixth of the render time).
 */
import { formatIndonesianDateTime, formatLetterDate } from '../documents/indonesian-time.js';
import { type Issuer, letterhead } from '../documents/letterhead.js';
import { type Content, CONTENT_WIDTH, renderPdf } from '../documents/pdf.js';
import { qrCode } from '../documents/qr.js';
import { formatNip } from '../people/nip.js';
import type { PledgeCapacity } from './pledge.entity.js';

/** What a certificate prints of a pledge, its template, signer, agency and event. */
export interface CertificateView {
  verificationCode: string;
  /** `PUBLIC_URL/api/v1/verify/<code>`: encoded in the QR code. */
  verificationUrl: string;
  hash: string;
  signedAt: Date;
  capacity: PledgeCapacity;
  /** The name as typed when signing. */
  signatureName: string;
  template: { title: string; version: number; clauses: readonly string[]; legalBasis: string };
  signer: { fullName: string; nip: string | null; position: string | null };
  agency: { name: string };
  event: { title: string; venueName: string | null } | null;
  /** The drawn signature, a PNG, when one was drawn. */
  signatureImage: Buffer | null;
}

export async function renderPledgeCertificate(issuer: Issuer, view: CertificateView): Promise<Buffer> {
  const sender = issuer.office ? `${issuer.office.name} ${issuer.regionName}` : issuer.regionName;
  const place = issuer.office?.city ?? issuer.regionName;
  const onBehalf = view.capacity === 'ON_BEHALF_OF_AGENCY';
  return renderPdf({
    title: `${view.template.title} ${view.signer.fullName} (${view.verificationCode})`,
    author: sender,
    createdAt: view.signedAt,
    pageNumbers: false,
    content: [
      letterhead(issuer),
      { text: view.template.title.toUpperCase(), style: 'title' },
      { text: `Versi ${view.template.version} · Kode verifikasi ${view.verificationCode}`, style: 'subtitle', fontSize: 10 },
      { text: 'Yang bertanda tangan di bawah ini:', margin: [0, 0, 0, 4] },
      {
        layout: 'noBorders',
        table: {
          widths: [70, 8, '*'],
          body: [
            ['Nama', ':', { text: view.signer.fullName, bold: true }],
            ['NIP', ':', view.signer.nip ? formatNip(view.signer.nip) : '-'],
            ['Jabatan', ':', view.signer.position ?? '-'],
            ['Instansi', ':', view.agency.name],
          ],
        },
        margin: [0, 0, 0, 8],
      },
      {
        text: onBehalf
          ? `bertindak untuk dan atas nama ${view.agency.name} beserta seluruh aparatur sipil negara di lingkungannya, dengan ini menyatakan:`
          : 'dengan ini menyatakan:',
        margin: [0, 0, 0, 4],
      },
      { ol: view.template.clauses.map((clause) => ({ text: clause, alignment: 'justify', margin: [0, 0, 0, 3] })), margin: [10, 0, 0, 8] },
      {
        text: `Pakta integritas ini dibuat dengan sadar dan tanpa paksaan, berdasarkan ${view.template.legalBasis}.`,
        alignment: 'justify',
        margin: [0, 0, 0, 8],
      },
      {
        layout: 'noBorders',
        table: {
          widths: [70, 8, '*'],
          body: [
            ...(view.event ? [['Acara', ':', [view.event.title, view.event.venueName].filter(Boolean).join(', ')]] : []),
            ['Waktu', ':', formatIndonesianDateTime(view.signedAt, issuer.timezone)],
          ],
        },
        margin: [0, 0, 0, 4],
      },
      {
        columns: [
          await verificationBlock(view),
          { width: '*', text: '' },
          signerBlock(view, `${place}, ${formatLetterDate(view.signedAt, issuer.timezone)}`),
        ],
        margin: [0, 12, 0, 0],
        unbreakable: true,
      },
      {
        stack: [
          { text: 'Sidik digital (SHA-256, rantai pakta integritas wilayah):', fontSize: 8 },
          { text: view.hash, fontSize: 8.5, characterSpacing: 0.3 },
          {
            text: 'Dokumen ini ditandatangani secara elektronik. Keasliannya dapat diperiksa dengan memindai kode QR atau membuka tautan di atas.',
            fontSize: 8,
            margin: [0, 4, 0, 0],
          },
        ],
        margin: [0, 14, 0, 0],
      },
    ],
  });
}

/** The QR code of the verification link, the code under it in bold, and the link in small print. */
async function verificationBlock(view: CertificateView): Promise<Content> {
  const qr = await qrCode(view.verificationUrl, { size: 96, width: QR_BLOCK_WIDTH, caption: `Kode verifikasi: ${view.verificationCode}` });
  return {
    width: QR_BLOCK_WIDTH,
    stack: [qr, { text: view.verificationUrl, fontSize: 6.5, alignment: 'center', wordBreak: 'break-all', margin: [0, 2, 0, 0] }],
  } as Content;
}

const QR_BLOCK_WIDTH = 200;

/**
 * "Batu, 29 Oktober 2024 / Yang menyatakan," the drawn signature (or a line saying it was signed
 * electronically), the signer's registered name and NIP, and the name as typed.
 */
function signerBlock(view: CertificateView, placeAndDate: string): Content {
  const signature: Content = view.signatureImage
    ? { image: `data:image/png;base64,${view.signatureImage.toString('base64')}`, fit: [SIGNER_WIDTH - 40, SIGNATURE_HEIGHT], alignment: 'center' }
    : { text: '(ditandatangani secara elektronik)', fontSize: 9, alignment: 'center', margin: [0, SIGNATURE_HEIGHT / 2 - 6, 0, SIGNATURE_HEIGHT / 2 - 6] };
  return {
    width: SIGNER_WIDTH,
    alignment: 'center',
    stack: [
      placeAndDate,
      { text: 'Yang menyatakan,', margin: [0, 0, 0, 4] },
      signature,
      { text: view.signer.fullName, bold: true, decoration: 'underline', margin: [0, 4, 0, 0] },
      ...(view.signer.nip ? [`NIP. ${formatNip(view.signer.nip)}`] : []),
      { text: `Nama yang diketik: ${view.signatureName}`, fontSize: 8, margin: [0, 2, 0, 0] },
    ],
  } as Content;
}

const SIGNER_WIDTH = Math.min(230, CONTENT_WIDTH / 2);
const SIGNATURE_HEIGHT = 60;
