import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller } from '../common/caller.js';
import { IdParam } from '../common/validation.js';
import { type CalendarFile, CalendarService } from './calendar.service.js';

/**
 * `/events/:id.ics` and `/regions/:id/events.ics`. Fastify's router matches a parameter
 * followed by a static suffix, so `/events/<uuid>.ics` reaches this route and `/events/<uuid>`
 * the JSON one. Both need a Bearer token like every other route.
 */
@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('events/:id.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The event as an iCalendar file' })
  async event(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.calendar.eventCalendar(caller, id));
  }

  @Get('regions/:id/events.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: "The region's events as an iCalendar feed" })
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
