/**
 * Who a document comes from, printed the way a Kesbangpol prints it: the kop surat (letterhead)
 * at the top of the first page and the signature block at the end.
 */
import { formatNip } from '../people/nip.js';
import type { IndonesianTimezone, RegionLevel } from '../regions/region.entity.js';
import { formatLetterDate } from './indonesian-time.js';
import type { Column } from 'pdfmake/interfaces.js';
import { CONTENT_WIDTH, type Content } from './pdf.js';

export interface Signatory {
  name: string;
  /** "Kepala Bakesbangpol Kota Batu" */
  position: string;
  /** "Pembina Tingkat I (IV/b)" */
  rank: string | null;
  nip: string | null;
}

/** The region's office as set with `PUT /regions/:id/office`. */
export interface OfficeDetails {
  /** "PEMERINTAH KOTA BATU" */
  government: string;
  /** "BADAN KESATUAN BANGSA DAN POLITIK" */
  name: string;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Place of signing: "Batu". */
  city: string;
  signatory: Signatory;
}

/**
 * The sender of a region's documents: its office, or only the region while no office is set
 * (then the letterhead names the region and the signature block is left blank to sign by hand).
 * `OfficeService.issuer(regionId)` gives it.
 */
export interface Issuer {
  regionName: string;
  regionLevel: RegionLevel;
  /** Dates and times on the document are written in this zone. */
  timezone: IndonesianTimezone;
  office: OfficeDetails | null;
}

/**
 * The kop surat: the government line, the office's name in bold capitals, the address and the
 * contact line, centred, over the double rule (thick above thin). Without an office, the
 * government line of the region alone: "PEMERINTAH KOTA BATU".
 * `width` is the text width of the page (landscape pages are wider).
 */
export function letterhead(issuer: Issuer, width: number = CONTENT_WIDTH): Content {
  const office = issuer.office;
  const contacts = office && contactLine(office);
  const lines: Content[] = office
    ? [
        { text: office.government.toUpperCase(), fontSize: 14, bold: true },
        { text: office.name.toUpperCase(), fontSize: 16, bold: true },
        { text: office.address, fontSize: 10, margin: [0, 2, 0, 0] },
        ...(contacts ? [{ text: contacts, fontSize: 10 }] : []),
      ]
    : [{ text: governmentOf(issuer), fontSize: 16, bold: true, margin: [0, 8, 0, 8] }];
  return {
    stack: [
      { stack: lines, alignment: 'center', lineHeight: 1.05 },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 2.5 },
          { type: 'line', x1: 0, y1: 7.5, x2: width, y2: 7.5, lineWidth: 0.75 },
        ],
        margin: [0, 0, 0, 14],
      },
    ],
  };
}

export interface SignatureBlockOptions {
  /** A line between the date and the position: "Mengetahui," on an attendance sheet. */
  lead?: string;
  /** Printed on the left, level with the block: a QR code (`qrCode()`), a list of copies. */
  beside?: Column;
}

/**
 * The signature block on the right: place and date, position, room for a wet signature, the
 * name underlined, rank and NIP. Without an office every line is a dotted blank to fill in by
 * hand, but for the date, which the document knows.
 */
export function signatureBlock(issuer: Issuer, signedAt: Date, options: SignatureBlockOptions = {}): Content {
  const date = formatLetterDate(signedAt, issuer.timezone);
  const office = issuer.office;
  const lead = options.lead ? [options.lead] : [];
  const lines: Content[] = office
    ? [
        `${office.city}, ${date}`,
        ...lead,
        { text: office.signatory.position, margin: [0, 0, 0, SIGNING_SPACE] },
        { text: office.signatory.name, bold: true, decoration: 'underline' },
        ...(office.signatory.rank ? [office.signatory.rank] : []),
        ...(office.signatory.nip ? [`NIP. ${formatNip(office.signatory.nip)}`] : []),
      ]
    : [`${DOTS}, ${date}`, ...lead, { text: DOTS_LONG, margin: [0, 0, 0, SIGNING_SPACE] }, DOTS_LONG, `NIP. ${DOTS}`];
  return {
    columns: [...(options.beside ? [options.beside] : []), { width: '*', text: '' }, { width: SIGNATURE_WIDTH, stack: lines, alignment: 'center' }],
    margin: [0, 18, 0, 0],
    // A signature block split over two pages is not signable.
    unbreakable: true,
  };
}

/** "PEMERINTAH KOTA BATU", "PEMERINTAH PROVINSI JAWA TIMUR": what the region's own letters say. */
export function governmentOf(issuer: Pick<Issuer, 'regionName' | 'regionLevel'>): string {
  const name = issuer.regionLevel === 'PROVINCE' ? `Provinsi ${issuer.regionName}` : issuer.regionName;
  return `PEMERINTAH ${name}`.toUpperCase();
}

/** "Telepon (0341) 512345, Pos-el bakesbangpol@batukota.go.id, Laman bakesbangpol.batukota.go.id" */
function contactLine(office: OfficeDetails): string {
  return [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Pos-el ${office.email}`,
    office.website && `Laman ${office.website}`,
  ]
    .filter(Boolean)
    .join(', ');
}

const SIGNATURE_WIDTH = 250;
/** About 2.5 cm between the position and the name: room for a signature and the stamp. */
const SIGNING_SPACE = 64;
const DOTS = '.'.repeat(30);
const DOTS_LONG = '.'.repeat(50);
