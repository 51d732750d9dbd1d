import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { AttendanceService } from './attendance.service.js';
import { AttendanceQuery, AttendanceResponse, EventCountsResponse, RegistrationQuery, RegistrationResponse } from './dto/attendance.dto.js';

/**
 * What the door and the organizer read about an event's attendance. Door staff (CHECKIN) look
 * people up and read the attendance; VIEWERs (the mayor's office) see the live counts only —
 * no names, NIPs or tickets.
 */
@ApiTags('check-in')
@Controller('events/:id')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('registrations')
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN')
  @ApiOperation({
    operationId: 'listEventRegistrations',
    summary: 'Look up the registrations of an event at the door',
    description: 'By part of the name or the first digits of the NIP; each with the ticket code and the check-in time.',
  })
  @ApiPage(RegistrationResponse)
  @ApiProblems(400, 401, 403, 404)
  registrations(@CurrentCaller() caller: Caller, @IdParam() id: string, @Query() query: RegistrationQuery) {
    return this.attendance.listRegistrations(caller, id, query);
  }

  @Get('counts')
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN', 'VIEWER')
  @ApiOperation({ operationId: 'getEventCounts', summary: 'Count registered, checked-in and walk-in people of an event, by agency' })
  @ApiOkResponse({ type: EventCountsResponse })
  @ApiProblems(400, 401, 403, 404)
  counts(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.attendance.counts(caller, id);
  }

  @Get('attendance')
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN')
  @ApiOperation({
    operationId: 'getEventAttendance',
    summary: 'Get the attendance sheet (daftar hadir) of an event as JSON, CSV or PDF',
    description:
      'Everyone present by agency (No, Nama, NIP, Jabatan, Instansi, Waktu hadir, Keterangan: hadir / diwakilkan / tanpa undangan), ' +
      'then the invited agencies with nobody present. CSV: UTF-8 with BOM, Indonesian headers, formula-safe cells. ' +
      'PDF: the printable sheet in Bahasa Indonesia on A4 landscape, with the office\'s letterhead, the event header and a "Mengetahui" signature block.',
  })
  @ApiExtraModels(AttendanceResponse)
  @ApiOkResponse({
    description: 'The sheet as JSON (format=json, the default), or as a CSV (format=csv) or PDF (format=pdf) attachment',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AttendanceResponse) } },
      'text/csv': { schema: { type: 'string', example: '\uFEFFNo,Nama,NIP,Jabatan,Instansi,Waktu hadir,Keterangan\r\n1,…' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  async sheet(@CurrentCaller() caller: Caller, @IdParam() id: string, @Query() query: AttendanceQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.attendance.attendance(caller, id, query.format);
    if (!('body' in answer)) return answer;
    void reply
      .header('content-type', answer.contentType)
      .header('content-disposition', `attachment; filename="${answer.filename}"`)
      // Names and NIPs: no shared cache keeps them.
      .header('cache-control', 'private, no-store');
    return answer.body;
  }
}
