import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CancelEventDto, CreateEventDto, EventQuery, EventResponse, SetProgrammeDto, UpdateEventDto } from './dto/event.dto.js';
import { EventsService } from './events.service.js';
import { ProgrammeService } from './programme.service.js';

const INVALID_TRANSITION = 'The event is not in a status this action applies to (invalid-transition; `status` gives the current one)';

/**
 * Every role reads the events of its regions (CHECKIN needs them at the door, AGENCY_REP is
 * invited to them); only ADMIN and ORGANIZER write. DRAFTs are visible to writers only.
 */
@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly programme: ProgrammeService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'List events',
    description: '`from` and `to` select the events overlapping [from, to). DRAFTs are listed to ADMIN and ORGANIZER only.',
  })
  @ApiPage(EventResponse)
  @ApiProblems(400, 401, 404)
  list(@CurrentCaller() caller: Caller, @Query() query: EventQuery) {
    return this.events.list(caller, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createEvent', summary: 'Create an event' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiCreatedResponse({ type: EventResponse, description: 'The new event, a DRAFT' })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateEventDto) {
    return this.events.create(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getEvent', summary: 'Get an event' })
  @ApiOkResponse({ type: EventResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.events.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateEvent', summary: 'Update an event' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: EventResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(
    409,
    'The event is COMPLETED or CANCELLED (event-not-editable), or its new times would leave programme slots outside it ' +
      '(programme-outside-event) or double-book a speaker (speaker-double-booked)',
  )
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateEventDto) {
    return this.events.update(caller, id, dto);
  }

  // Status changes answer 200: they change the event, they create nothing.
  @Post(':id/publish')
  @ApiOperation({ operationId: 'publishEvent', summary: 'Publish an event', description: 'DRAFT → SCHEDULED.' })
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: EventResponse, description: 'The event, now SCHEDULED' })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, INVALID_TRANSITION)
  publish(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.events.transition(caller, id, 'publish');
  }

  @Post(':id/complete')
  @ApiOperation({ operationId: 'completeEvent', summary: 'Complete an event', description: 'SCHEDULED → COMPLETED, once it has been held.' })
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: EventResponse, description: 'The event, now COMPLETED' })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, INVALID_TRANSITION)
  complete(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.events.transition(caller, id, 'complete');
  }

  @Post(':id/cancel')
  @ApiOperation({ operationId: 'cancelEvent', summary: 'Cancel an event', description: 'DRAFT or SCHEDULED → CANCELLED, keeping everything and recording the reason.' })
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: EventResponse, description: 'The event, now CANCELLED' })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, INVALID_TRANSITION)
  cancel(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: CancelEventDto) {
    return this.events.transition(caller, id, 'cancel', dto.reason);
  }

  @Put(':id/speakers')
  @ApiOperation({
    operationId: 'setEventSpeakers',
    summary: "Replace an event's programme of speakers",
    description: 'Each slot lies within the event. A speaker booked in an overlapping event answers 409 unless `force` is true (recorded in the audit log).',
  })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: EventResponse, description: 'The event with its new programme' })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'The event is COMPLETED or CANCELLED (event-not-editable), or a speaker is booked in an overlapping event (speaker-double-booked; send force: true to book anyway)')
  setSpeakers(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: SetProgrammeDto) {
    return this.programme.setProgramme(caller, id, dto);
  }
}
