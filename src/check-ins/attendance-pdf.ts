/**
 * The printed daftar hadir: the attendance sheet of attendance-sheet.ts on A4 landscape (seven
 * columns, names and agencies written out in full), under the office's kop surat, with a
 * "Mengetahui" signature block at the end.
 */
import { formatIndonesianDate, formatTimeRange } from '../documents/indonesian-time.js';
import { type Issuer, letterhead, signatureBlock } from '../documents/letterhead.js';
import { A4, type Content, PAGE_MARGINS, renderPdf } from '../documents/pdf.js';
import { table, type TableRow } from '../documents/table.js';
import { formatNip } from '../people/nip.js';
import type { AttendanceEventHeader, AttendanceSheet } from './attendance-sheet.js';

/** Text width of a landscape A4 page between the margins. */
const LANDSCAPE_WIDTH = A4.height - PAGE_MARGINS[0] - PAGE_MARGINS[2];

const COLUMNS = [
  { header: 'No', width: 26, align: 'right' as const },
  { header: 'Nama', width: '*' as const },
  { header: 'NIP', width: 104 },
  { header: 'Jabatan', width: 130 },
  { header: 'Instansi', width: 150 },
  { header: 'Waktu hadir', width: 58, align: 'center' as const },
  { header: 'Keterangan', width: 72 },
];

export async function renderAttendancePdf(sheet: AttendanceSheet, issuer: Issuer): Promise<Buffer> {
  const { event } = sheet;
  const present: TableRow[] = sheet.groups.flatMap((group) => [
    { heading: `${group.agencyName} (${group.rows.length} orang)` },
    ...group.rows.map((row) => [row.no, row.fullName, row.nip ? formatNip(row.nip) : '-', row.position ?? '-', row.agencyName, row.time, row.remark]),
  ]);
  const author = issuer.office ? `${issuer.office.name} ${issuer.regionName}` : issuer.regionName;
  const content: Content[] = [
    letterhead(issuer, LANDSCAPE_WIDTH),
    { text: 'DAFTAR HADIR', style: 'title' },
    eventHeader(event),
    present.length > 0
      ? table(COLUMNS, present, { fontSize: 9 })
      : { text: 'Belum ada peserta yang tercatat hadir.', italics: true, margin: [0, 4, 0, 4] },
    { text: totalsLine(sheet), fontSize: 10, margin: [0, 6, 0, 0] },
  ];
  if (sheet.absentAgencies.length > 0) {
    content.push(
      { text: 'Instansi yang diundang tetapi tidak hadir', bold: true, fontSize: 11, margin: [0, 14, 0, 4] },
      table(
        [
          { header: 'No', width: 26, align: 'right' },
          { header: 'Instansi', width: '*' },
          { header: 'Keterangan', width: 320 },
        ],
        sheet.absentAgencies.map((agency, index) => [index + 1, agency.agencyName, agency.remark]),
        { fontSize: 9 },
      ),
    );
  }
  content.push(signatureBlock(issuer, event.startsAt, { lead: 'Mengetahui,' }));
  return renderPdf({ title: `Daftar Hadir ${event.title}`, author, createdAt: event.startsAt, orientation: 'landscape', content });
}

/** Acara, Hari/Tanggal, Waktu, Tempat: as an invitation letter lists them. */
function eventHeader(event: AttendanceEventHeader): Content {
  const startDay = formatIndonesianDate(event.startsAt, event.timezone);
  const endDay = formatIndonesianDate(event.endsAt, event.timezone);
  const place = event.venueAddress ? `${event.venueName}, ${event.venueAddress}` : event.venueName;
  return {
    layout: 'noBorders',
    table: {
      widths: [80, 8, '*'],
      body: [
        ['Acara', ':', event.title],
        ['Hari/Tanggal', ':', startDay === endDay ? startDay : `${startDay} – ${endDay}`],
        ['Waktu', ':', formatTimeRange(event.startsAt, event.endsAt, event.timezone)],
        ['Tempat', ':', place],
      ],
    },
    fontSize: 11,
    margin: [0, 4, 0, 10],
  };
}

/** "Jumlah hadir: 120 orang (112 undangan, termasuk 9 diwakilkan; 8 tanpa undangan) dari 31 instansi." */
function totalsLine(sheet: AttendanceSheet): string {
  const { present, invited, delegates, walkIns, agencies } = sheet.totals;
  return `Jumlah hadir: ${present} orang (${invited} undangan, termasuk ${delegates} diwakilkan; ${walkIns} tanpa undangan) dari ${agencies} instansi.`;
}
