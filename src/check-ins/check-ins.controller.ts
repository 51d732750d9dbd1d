import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CheckInsService } from './check-ins.service.js';
import { CheckInBatchDto, CheckInBatchResponse, CheckInConflictQuery, CheckInConflictResponse, CheckInDto, CheckInResponse } from './dto/check-in.dto.js';

const CLOSED =
  'Check-in is closed: the event is a DRAFT (event-draft) or CANCELLED (event-cancelled), or the scan is outside ' +
  '[startsAt − 3 h, endsAt + 6 h] (outside-check-in-window, with opensAt and closesAt)';

/**
 * Door check-in (DESIGN §3.3, §3.5). Door staff (CHECKIN) and organizers of the event's region
 * scan and sync; only organizers review the conflicts.
 */
@ApiTags('check-in')
@Controller('events/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN')
  @ApiOperation({
    operationId: 'checkIn',
    summary: 'Check a person in by ticket, person id or NIP, or register a walk-in',
    description:
      'The first check-in of a person answers 201. Any repeat (the same person, or the same clientCheckinId) answers 200 with the check-in ' +
      'that stands; a repeat that is not the same scan sent again is kept as a conflict entry.',
  })
  @ApiCreatedResponse({ type: CheckInResponse, description: 'Checked in' })
  @ApiOkResponse({ type: CheckInResponse, description: 'Already checked in: the first check-in' })
  @ApiProblem(400, 'Invalid input, no identifier or more than one, or checkedInAt more than 5 minutes ahead of the server clock')
  @ApiProblems(401, 403)
  @ApiProblem(404, 'The event, the person (personId) or the walk-in agency was not found or is out of reach; a ticket that is not one of this event (ticket-not-found)')
  @ApiProblem(409, `${CLOSED}; the person is not registered (not-registered: register them as a walk-in); the hall is full for a walk-in (capacity-exceeded, with seatsLeft)`)
  async checkIn(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: CheckInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CheckInResponse> {
    const { created, checkIn } = await this.checkIns.checkIn(caller, id, dto);
    void reply.status(created ? 201 : 200);
    return checkIn;
  }

  @Post('batch')
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN')
  @ApiOperation({
    operationId: 'syncCheckIns',
    summary: 'Sync up to 1,000 scans made offline',
    description:
      'Each item answers created, duplicate or rejected (with a reason). Sending the same batch again changes nothing. ' +
      'Of several scans of one person the earliest checkedInAt stands; the others are kept as conflict entries.',
  })
  @ApiOkResponse({ type: CheckInBatchResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'The event is a DRAFT (event-draft) or CANCELLED (event-cancelled): nothing in the batch can be recorded')
  sync(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: CheckInBatchDto) {
    return this.checkIns.syncBatch(caller, id, dto);
  }

  @Get('conflicts')
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOperation({
    operationId: 'listCheckInConflicts',
    summary: 'List the repeated and replaced scans of an event',
    description: 'Newest first: the device, the time and how the person was identified, beside the check-in that stands.',
  })
  @ApiPage(CheckInConflictResponse)
  @ApiProblems(400, 401, 403, 404)
  conflicts(@CurrentCaller() caller: Caller, @IdParam() id: string, @Query() query: CheckInConflictQuery) {
    return this.checkIns.listConflicts(caller, id, query);
  }
}
