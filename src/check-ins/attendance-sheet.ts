import { csvDocument } from '../documents/csv-writer.js';
import { formatIndonesianDateTimeRange, formatIndonesianTime, toLocalIso } from '../documents/indonesian-time.js';
import type { EventType } from '../events/event.entity.js';
import type { InvitationStatus } from '../invitations/invitation.entity.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';
import type { AbsentAgencyRow, AttendanceRowData } from './registrations.repository.js';
import { fileSlug } from '../documents/file-name.js';

/**
 * The daftar hadir of an event, as data: one builder for every format. The JSON and CSV answers
 * are made here; the printed sheet (PDF, with the region's letterhead and signature block)
 * renders this same object.
 */

/** Keterangan of a present person: came as invited, came in the head's place, or came without an invitation. */
export type AttendanceRemark = 'hadir' | 'diwakilkan' | 'tanpa undangan';

export interface AttendanceEventHeader {
  id: string;
  title: string;
  type: EventType;
  organizer: string | null;
  venueName: string;
  venueAddress: string | null;
  regionId: string;
  regionName: string;
  timezone: IndonesianTimezone;
  startsAt: Date;
  endsAt: Date;
  letterNumber: string | null;
  /** "Selasa, 29 Oktober 2024, 13.00–16.00 WIB" */
  schedule: string;
}

export interface AttendanceRow {
  /** 1, 2, 3… over the whole sheet, in the order printed. */
  no: number;
  checkInId: string;
  personId: string;
  fullName: string;
  nip: string | null;
  position: string | null;
  agencyId: string;
  agencyName: string;
  checkedInAt: Date;
  /** "13.05 WIB" */
  time: string;
  remark: AttendanceRemark;
}

export interface AttendanceGroup {
  agencyId: string;
  agencyName: string;
  rows: AttendanceRow[];
}

/** An invited agency with nobody present, listed after the groups. */
export interface AbsentAgency {
  agencyId: string;
  agencyName: string;
  invitationStatus: InvitationStatus;
  reason: string | null;
  /** "tidak hadir", "tidak hadir (undangan belum dijawab)", "tidak hadir (berhalangan: …)" */
  remark: string;
}

export interface AttendanceSheet {
  event: AttendanceEventHeader;
  totals: { present: number; invited: number; delegates: number; walkIns: number; agencies: number; absentAgencies: number };
  groups: AttendanceGroup[];
  absentAgencies: AbsentAgency[];
}

export type AttendanceEventFields = Omit<AttendanceEventHeader, 'schedule'>;

/** Groups rows (already ordered by agency, then arrival) and numbers them across the sheet. */
export function buildAttendanceSheet(event: AttendanceEventFields, rows: readonly AttendanceRowData[], absent: readonly AbsentAgencyRow[]): AttendanceSheet {
  const groups: AttendanceGroup[] = [];
  rows.forEach((row, i) => {
    let group = groups.at(-1);
    if (group?.agencyId !== row.agency_id) {
      group = { agencyId: row.agency_id, agencyName: row.agency_name, rows: [] };
      groups.push(group);
    }
    group.rows.push({
      no: i + 1,
      checkInId: row.check_in_id,
      personId: row.person_id,
      fullName: row.full_name,
      nip: row.nip,
      position: row.position,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      checkedInAt: row.checked_in_at,
      time: formatIndonesianTime(row.checked_in_at, event.timezone),
      remark: row.walk_in ? 'tanpa undangan' : row.delegate ? 'diwakilkan' : 'hadir',
    });
  });
  const all = groups.flatMap((group) => group.rows);
  return {
    event: { ...event, schedule: formatIndonesianDateTimeRange(event.startsAt, event.endsAt, event.timezone) },
    totals: {
      present: all.length,
      invited: all.filter((row) => row.remark !== 'tanpa undangan').length,
      delegates: all.filter((row) => row.remark === 'diwakilkan').length,
      walkIns: all.filter((row) => row.remark === 'tanpa undangan').length,
      agencies: groups.length,
      absentAgencies: absent.length,
    },
    groups,
    absentAgencies: absent.map((agency) => ({
      agencyId: agency.agency_id,
      agencyName: agency.agency_name,
      invitationStatus: agency.status,
      reason: agency.reason,
      remark: absenceRemark(agency.status, agency.reason),
    })),
  };
}

function absenceRemark(status: InvitationStatus, reason: string | null): string {
  switch (status) {
    case 'CONFIRMED':
      return 'tidak hadir';
    case 'PENDING':
      return 'tidak hadir (undangan belum dijawab)';
    case 'DECLINED':
      return reason ? `tidak hadir (berhalangan: ${reason})` : 'tidak hadir (berhalangan)';
  }
}

export const ATTENDANCE_CSV_HEADER = ['No', 'Nama', 'NIP', 'Jabatan', 'Instansi', 'Waktu hadir', 'Keterangan'] as const;

/** The sheet as a CSV file: one line per person present, then one per absent agency (no number, no name). */
export function attendanceCsv(sheet: AttendanceSheet): string {
  const present = sheet.groups.flatMap((group) => group.rows.map((row) => [row.no, row.fullName, row.nip, row.position, row.agencyName, row.time, row.remark]));
  const absent = sheet.absentAgencies.map((agency) => [null, null, null, null, agency.agencyName, null, agency.remark]);
  return csvDocument(ATTENDANCE_CSV_HEADER, [...present, ...absent]);
}

/** "daftar-hadir-2024-10-29-sosialisasi-netralitas-asn.csv" */
export function attendanceFilename(event: AttendanceEventHeader, extension: string): string {
  const date = toLocalIso(event.startsAt, event.timezone).slice(0, 10);
  const slug = fileSlug(event.title, '');
  return `daftar-hadir-${date}${slug ? `-${slug}` : ''}.${extension}`;
}
