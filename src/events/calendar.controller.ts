import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, type ApiResponseOptions, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller } from '../common/caller.js';
import { ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { type CalendarFile, CalendarService } from './calendar.service.js';

/** A 200 answer that is an iCalendar file, downloaded as an attachment. */
const calendarFile = (description: string): ApiResponseOptions => ({
  description,
  content: { 'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n' } } },
  headers: { 'content-disposition': { description: 'attachment; filename="….ics"', schema: { type: 'string' } } },
});

/**
 * `/events/:id.ics` and `/regions/:id/events.ics`. Fastify's router matches a parameter
 * followed by a static suffix, so `/events/<uuid>.ics` reaches this route and `/events/<uuid>`
 * the JSON one. Both need a Bearer token like every other route.
 */
@ApiTags('events')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('events/:id.ics')
  @ApiOperation({ operationId: 'getEventCalendar', summary: 'Download an event as an iCalendar file' })
  @ApiOkResponse(calendarFile('The event as an iCalendar file'))
  @ApiProblems(400, 401, 404)
  async event(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.calendar.eventCalendar(caller, id));
  }

  @Get('regions/:id/events.ics')
  @ApiOperation({
    operationId: 'getRegionCalendar',
    summary: "Download a region's events as an iCalendar feed",
    description: "Times in UTC with the region's zone as X-WR-TIMEZONE; cancelled events as STATUS:CANCELLED; SEQUENCE raised on every change.",
  })
  @ApiOkResponse(calendarFile("The region's events as an iCalendar feed"))
  @ApiProblems(400, 401, 404)
  async regionFeed(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.calendar.regionFeed(caller, id));
  }
}

function send(reply: FastifyReply, file: CalendarFile): string {
  void reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    // Tenant data: no shared cache keeps it, and clients ask again for changes.
    .header('cache-control', 'private, no-cache');
  return file.body;
}
