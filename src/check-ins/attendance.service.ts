import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/caller.js';
import { type Page, page } from '../common/pagination.js';
import { EventsRepository } from '../events/events.repository.js';
import { OfficeService } from '../regions/office.service.js';
import { renderAttendancePdf } from './attendance-pdf.js';
import { type AttendanceSheet, attendanceCsv, attendanceFilename, buildAttendanceSheet } from './attendance-sheet.js';
import { toDoorEvent } from './check-ins.repository.js';
import {
  type AttendanceFormat,
  type AttendanceResponse,
  type EventCountsResponse,
  type RegistrationQuery,
  type RegistrationResponse,
  toAttendanceResponse,
  toEventCountsResponse,
  toRegistrationResponse,
} from './dto/attendance.dto.js';
import { RegistrationsRepository } from './registrations.repository.js';

/** A file to download. */
export interface AttendanceFile {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

/** What the door and the organizer read: the lookup, the live counts, the attendance sheet. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly offices: OfficeService,
  ) {}

  /** The door lookup: registrations by name or NIP prefix, with their check-in if any. */
  async listRegistrations(caller: Caller, eventId: string, query: RegistrationQuery): Promise<Page<RegistrationResponse>> {
    const event = toDoorEvent(await this.events.findReadableEvent(caller, eventId));
    const { rows, total } = await this.registrations.findRegistrations(event, query);
    return page(rows, total, query, (row) => toRegistrationResponse(row, event.timezone));
  }

  /** The organizer's screen: registered, checked in, walk-ins, by agency. */
  async counts(caller: Caller, eventId: string): Promise<EventCountsResponse> {
    const event = await this.events.findReadableEvent(caller, eventId);
    const { agencies, conflicts } = await this.registrations.countByAgency(toDoorEvent(event));
    return toEventCountsResponse(event.id, event.capacity, agencies, conflicts);
  }

  /**
   * Everything a daftar hadir shows, for any format: the event's header, everyone present
   * grouped by agency with No, time and remark, and the invited agencies with nobody present.
   * The printed (PDF) sheet renders this same object (attendance-pdf.ts).
   */
  async attendanceSheet(caller: Caller, eventId: string): Promise<AttendanceSheet> {
    const event = await this.events.findReadableEvent(caller, eventId);
    const door = toDoorEvent(event);
    const [rows, absent] = await Promise.all([this.registrations.findAttendance(door), this.registrations.findAbsentAgencies(door)]);
    const header = {
      id: event.id,
      title: event.title,
      type: event.type,
      organizer: event.organizer,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      regionId: event.regionId,
      regionName: event.region!.name,
      timezone: event.region!.timezone,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      letterNumber: event.letterNumber,
    };
    return buildAttendanceSheet(header, rows, absent);
  }

  /** `GET /events/:id/attendance?format=`: JSON, a CSV file, or the printable PDF. */
  async attendance(caller: Caller, eventId: string, format: AttendanceFormat): Promise<AttendanceResponse | AttendanceFile> {
    const sheet = await this.attendanceSheet(caller, eventId);
    if (format === 'json') return toAttendanceResponse(sheet);
    if (format === 'pdf') {
      const issuer = await this.offices.issuer(sheet.event.regionId);
      return { contentType: 'application/pdf', filename: attendanceFilename(sheet.event, 'pdf'), body: await renderAttendancePdf(sheet, issuer) };
    }
    return { contentType: 'text/csv; charset=utf-8', filename: attendanceFilename(sheet.event, 'csv'), body: attendanceCsv(sheet) };
  }
}
