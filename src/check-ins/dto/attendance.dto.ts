import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery, SearchText } from '../../common/pagination.js';
import { toLocalIso } from '../../documents/indonesian-time.js';
import { EVENT_TYPES, type EventType } from '../../events/event.entity.js';
import { INVITATION_STATUSES, type InvitationStatus } from '../../invitations/invitation.entity.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../people/nip.js';
import { INDONESIAN_TIMEZONES, type IndonesianTimezone } from '../../regions/region.entity.js';
import type { AttendanceRemark, AttendanceSheet } from '../attendance-sheet.js';
import type { AgencyCountRow, RegistrationRow } from '../registrations.repository.js';

// ---------------------------------------------------------------------------------------------
// Door lookup
// ---------------------------------------------------------------------------------------------

export class RegistrationQuery extends PageQuery {
  @SearchText('Part of the name (case-insensitive), or the first digits of the NIP')
  q?: string;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid', description: 'The registration' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ enum: EMPLOYMENT_TYPES, enumName: 'EmploymentType' }) employmentType: EmploymentType;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ description: 'Sent in place of the invited head' }) delegate: boolean;
  @ApiProperty({ description: 'Registered at the door, without an invitation' }) walkIn: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) invitationId: string | null;
  @ApiProperty() ticketCode: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) checkInId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Null until checked in' }) checkedInAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedInAtLocal: string | null;
}

export function toRegistrationResponse(row: RegistrationRow, timezone: IndonesianTimezone): RegistrationResponse {
  return {
    id: row.id,
    personId: row.person_id,
    fullName: row.full_name,
    nip: row.nip,
    position: row.position,
    employmentType: row.employment_type,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    delegate: row.delegate,
    walkIn: row.invitation_id === null,
    invitationId: row.invitation_id,
    ticketCode: row.ticket_code,
    checkInId: row.check_in_id,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    checkedInAtLocal: row.checked_in_at ? toLocalIso(row.checked_in_at, timezone) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Live counts
// ---------------------------------------------------------------------------------------------

export class AgencyCountResponse {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() name: string;
  @ApiProperty() registered: number;
  @ApiProperty() checkedIn: number;
  @ApiProperty() walkIns: number;
  @ApiProperty({ description: 'Delegates checked in' }) delegates: number;
}

export class EventCountsResponse {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Seats taken: invited attendees and walk-ins' }) registered: number;
  @ApiProperty() checkedIn: number;
  @ApiProperty({ description: 'Registered at the door (all of them checked in)' }) walkIns: number;
  @ApiProperty({ description: 'Delegates checked in' }) delegates: number;
  @ApiProperty({ description: 'Repeated or replaced scans kept for review' }) conflicts: number;
  @ApiProperty({ type: [AgencyCountResponse], description: 'Agencies with at least one registration, by name' }) byAgency: AgencyCountResponse[];
}

export function toEventCountsResponse(eventId: string, capacity: number, agencies: readonly AgencyCountRow[], conflicts: number): EventCountsResponse {
  const sum = (pick: (row: AgencyCountRow) => number) => agencies.reduce((total, row) => total + pick(row), 0);
  return {
    eventId,
    capacity,
    registered: sum((row) => row.registered),
    checkedIn: sum((row) => row.checked_in),
    walkIns: sum((row) => row.walk_ins),
    delegates: sum((row) => row.delegates),
    conflicts,
    byAgency: agencies.map((row) => ({
      agencyId: row.agency_id,
      name: row.agency_name,
      registered: row.registered,
      checkedIn: row.checked_in,
      walkIns: row.walk_ins,
      delegates: row.delegates,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Attendance sheet (daftar hadir)
// ---------------------------------------------------------------------------------------------

export const ATTENDANCE_FORMATS = ['json', 'csv', 'pdf'] as const;
export type AttendanceFormat = (typeof ATTENDANCE_FORMATS)[number];

export class AttendanceQuery {
  @ApiPropertyOptional({ enum: ATTENDANCE_FORMATS, enumName: 'AttendanceFormat', default: 'json', description: 'json (the default), csv (for spreadsheets) or pdf (the printable sheet)' })
  @IsOptional()
  @IsIn(ATTENDANCE_FORMATS, { message: `format must be one of ${ATTENDANCE_FORMATS.join(', ')}` })
  format: AttendanceFormat = 'json';
}

const REMARKS: AttendanceRemark[] = ['hadir', 'diwakilkan', 'tanpa undangan'];

export class AttendanceEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType' }) type: EventType;
  @ApiProperty({ nullable: true, type: String }) organizer: string | null;
  @ApiProperty() venueName: string;
  @ApiProperty({ nullable: true, type: String }) venueAddress: string | null;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ example: 'Kota Batu' }) regionName: string;
  @ApiProperty({ enum: INDONESIAN_TIMEZONES, enumName: 'Timezone' }) timezone: IndonesianTimezone;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:00:00+07:00' }) startsAtLocal: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T16:00:00+07:00' }) endsAtLocal: string;
  @ApiProperty({ nullable: true, type: String }) letterNumber: string | null;
  @ApiProperty({ example: 'Selasa, 29 Oktober 2024, 13.00–16.00 WIB' }) schedule: string;
}

export class AttendanceRowResponse {
  @ApiProperty({ description: 'No: numbered across the whole sheet' }) no: number;
  @ApiProperty({ format: 'uuid' }) checkInId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ description: 'Nama' }) fullName: string;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Jabatan' }) position: string | null;
  @ApiProperty({ description: 'Instansi' }) agencyName: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:05:00+07:00' }) checkedInAtLocal: string;
  @ApiProperty({ example: '13.05 WIB', description: 'Waktu hadir' }) time: string;
  @ApiProperty({ enum: REMARKS, enumName: 'AttendanceRemark', description: 'Keterangan' }) remark: AttendanceRemark;
}

export class AttendanceGroupResponse {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: [AttendanceRowResponse] }) rows: AttendanceRowResponse[];
}

export class AbsentAgencyResponse {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ enum: INVITATION_STATUSES, enumName: 'InvitationStatus' }) invitationStatus: InvitationStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why the agency declined' }) reason: string | null;
  @ApiProperty({ example: 'tidak hadir (undangan belum dijawab)' }) remark: string;
}

export class AttendanceTotalsResponse {
  @ApiProperty() present: number;
  @ApiProperty({ description: 'Present on an invitation (in person or as delegate)' }) invited: number;
  @ApiProperty() delegates: number;
  @ApiProperty() walkIns: number;
  @ApiProperty({ description: 'Agencies with someone present' }) agencies: number;
  @ApiProperty({ description: 'Invited agencies with nobody present' }) absentAgencies: number;
}

export class AttendanceResponse {
  @ApiProperty({ type: AttendanceEventResponse }) event: AttendanceEventResponse;
  @ApiProperty({ type: AttendanceTotalsResponse }) totals: AttendanceTotalsResponse;
  @ApiProperty({ type: [AttendanceGroupResponse], description: 'Everyone present, by agency name, then by arrival' }) agencies: AttendanceGroupResponse[];
  @ApiProperty({ type: [AbsentAgencyResponse], description: 'Invited agencies with nobody present, listed at the end' }) absentAgencies: AbsentAgencyResponse[];
}

export function toAttendanceResponse(sheet: AttendanceSheet): AttendanceResponse {
  const { event } = sheet;
  return {
    event: {
      id: event.id,
      title: event.title,
      type: event.type,
      organizer: event.organizer,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      regionId: event.regionId,
      regionName: event.regionName,
      timezone: event.timezone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      startsAtLocal: toLocalIso(event.startsAt, event.timezone),
      endsAtLocal: toLocalIso(event.endsAt, event.timezone),
      letterNumber: event.letterNumber,
      schedule: event.schedule,
    },
    totals: sheet.totals,
    agencies: sheet.groups.map((group) => ({
      agencyId: group.agencyId,
      agencyName: group.agencyName,
      rows: group.rows.map((row) => ({
        no: row.no,
        checkInId: row.checkInId,
        personId: row.personId,
        fullName: row.fullName,
        nip: row.nip,
        position: row.position,
        agencyName: row.agencyName,
        checkedInAt: row.checkedInAt.toISOString(),
        checkedInAtLocal: toLocalIso(row.checkedInAt, event.timezone),
        time: row.time,
        remark: row.remark,
      })),
    })),
    absentAgencies: sheet.absentAgencies.map((agency) => ({ ...agency })),
  };
}
