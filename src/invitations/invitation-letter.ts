/**
 * The surat undangan of an invitation, as a Kesbangpol prints, signs and sends it: the office's
 * kop surat, Nomor / Sifat / Lampiran / Hal beside the addressee ("Yth. Kepala Dinas Pendidikan,
 * Dinas Pendidikan Kota Batu, di Tempat"), the body with hari/tanggal, waktu (in the region's
 * zone: WIB, WITA or WIT), tempat and acara and the seats ("sebanyak 3 (tiga) orang"), the
 * RSVP link as a QR code with the link written under it, and the signature block with the
 * place and date. One A4 page; `renderInvitationLetters` puts any number of them in one PDF,
 * each starting on a new page and printing exactly as it would alone.
 */
import type { Issuer } from '../documents/letterhead.js';
import { letterhead, signatureBlock } from '../documents/letterhead.js';
import { type Content, renderPdf } from '../documents/pdf.js';
import { qrCode } from '../documents/qr.js';
import { terbilang } from '../documents/terbilang.js';
import type { InvitationLetter } from './invitations.service.js';

/** Printed on the Nomor line while the event has no letter number: filled in by hand. */
export const BLANK_LETTER_NUMBER = '……/……/……';

/** One letter alone (`GET /invitations/:id/letter.pdf`). */
export async function renderInvitationLetter(issuer: Issuer, letter: InvitationLetter): Promise<Buffer> {
  return renderPdf({
    title: documentTitle(letter),
    author: author(issuer),
    createdAt: letterDate(letter),
    content: await letterContent(issuer, letter),
    // One page: "Halaman 1 dari 1" adds nothing, and in a bundle the count would run across letters.
    pageNumbers: false,
  });
}

/**
 * Every letter of an event in one PDF for printing (`GET /events/:id/invitations/letters.pdf`),
 * in the order given; each begins on a new page. Dated as its latest letter.
 */
export async function renderInvitationLetters(issuer: Issuer, letters: readonly InvitationLetter[], title: string): Promise<Buffer> {
  const contents = await Promise.all(letters.map((letter) => letterContent(issuer, letter)));
  const content: Content[] = contents.map((letterContent, index) => (index === 0 ? letterContent : { stack: [letterContent], pageBreak: 'before' }));
  const createdAt = letters.reduce((latest, letter) => (letterDate(letter) > latest ? letterDate(letter) : latest), new Date(0));
  return renderPdf({ title, author: author(issuer), createdAt, content, pageNumbers: false });
}

/** The letter's date: when the invitation was made (the same letter prints the same bytes every time). */
function letterDate(letter: InvitationLetter): Date {
  return letter.invitation.createdAt;
}

function author(issuer: Issuer): string {
  return issuer.office ? `${issuer.office.name} ${issuer.regionName}` : issuer.regionName;
}

function documentTitle(letter: InvitationLetter): string {
  return `Surat Undangan ${letter.event.letterNumber ?? ''} ${letter.invitation.agency!.name}`.replace(/\s+/g, ' ').trim();
}

async function letterContent(issuer: Issuer, letter: InvitationLetter): Promise<Content> {
  const { invitation, event, schedule } = letter;
  const agency = invitation.agency!;
  const seats = invitation.seats;
  const details: Array<[string, string]> = [
    ['Hari/tanggal', schedule.date],
    ...(schedule.time ? [['Waktu', schedule.time] as [string, string]] : []),
    ['Tempat', schedule.venue],
    ['Acara', event.title],
  ];
  return {
    stack: [
      letterhead(issuer),
      {
        columns: [
          {
            width: '55%',
            layout: 'noBorders',
            table: {
              widths: [52, 6, '*'],
              body: [
                ['Nomor', ':', event.letterNumber ?? BLANK_LETTER_NUMBER],
                ['Sifat', ':', 'Penting'],
                ['Lampiran', ':', '-'],
                ['Hal', ':', { text: `Undangan ${event.title}`, bold: true }],
              ],
            },
          },
          {
            width: '*',
            stack: ['Kepada', `Yth. ${invitation.addresseeTitle}`, agency.name, 'di', { text: 'Tempat', margin: [16, 0, 0, 0] }],
            margin: [12, 0, 0, 0],
          },
        ],
        margin: [0, 0, 0, 16],
      },
      { text: 'Dengan hormat,', margin: [0, 0, 0, 6] },
      {
        text: `Dalam rangka menjaga netralitas Aparatur Sipil Negara, bersama ini kami mengundang Bapak/Ibu untuk hadir atau menugaskan peserta sebanyak ${seats} (${terbilang(seats)}) orang pada:`,
        alignment: 'justify',
        margin: [0, 0, 0, 6],
      },
      {
        layout: 'noBorders',
        table: { widths: [80, 6, '*'], body: details.map(([label, value]) => [label, ':', value]) },
        margin: [24, 0, 0, 6],
      },
      {
        text:
          'Konfirmasi kehadiran beserta nama peserta, atau wakil yang ditugaskan dengan melampirkan surat tugas, mohon disampaikan ' +
          'melalui tautan atau kode QR di bawah ini paling lambat sebelum acara dimulai.',
        alignment: 'justify',
        margin: [0, 0, 0, 6],
      },
      { text: 'Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.', alignment: 'justify' },
      signatureBlock(issuer, letterDate(letter), { beside: await qrCode(letter.shortUrl, { caption: letter.shortUrl }) }),
    ],
  };
}
