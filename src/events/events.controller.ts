import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { IdParam } from '../common/validation.js';
import { CancelEventDto, CreateEventDto, EventQuery, SetProgrammeDto, UpdateEventDto } from './dto/event.dto.js';
import { EventsService } from './events.service.js';
import { ProgrammeService } from './programme.service.js';

/**
 * Every role reads the events of its regions (CHECKIN needs them at the door, AGENCY_REP is
 * invited to them); only ADMIN and ORGANIZER write. DRAFTs are visible to writers only.
 */
@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly programme: ProgrammeService,
  ) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: EventQuery) {
    return this.events.list(caller, query);
  }

  @Post()
  @Roles('ADMIN', 'ORGANIZER')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateEventDto) {
    return this.events.create(caller, dto);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.events.get(caller, id);
  }

  @Patch(':id')
  @Roles('ADMIN', 'ORGANIZER')
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateEventDto) {
    return this.events.update(caller, id, dto);
  }

  // Status changes answer 200: they change the event, they create nothing.
  @Post(':id/publish')
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  publish(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.events.transition(caller, id, 'publish');
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  complete(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.events.transition(caller, id, 'complete');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  cancel(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: CancelEventDto) {
    return this.events.transition(caller, id, 'cancel', dto.reason);
  }

  @Put(':id/speakers')
  @Roles('ADMIN', 'ORGANIZER')
  setSpeakers(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: SetProgrammeDto) {
    return this.programme.setProgramme(caller, id, dto);
  }
}
