import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CreateSpeakerDto, SpeakerQuery, SpeakerResponse, UpdateSpeakerDto } from './dto/speaker.dto.js';
import { SpeakersService } from './speakers.service.js';

/** The region's speaker registry: organizers keep it, the mayor's office (VIEWER) reads it. */
@ApiTags('speakers')
@Roles('ADMIN', 'ORGANIZER', 'VIEWER')
@Controller('speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get()
  @ApiOperation({ operationId: 'listSpeakers', summary: 'List speakers' })
  @ApiPage(SpeakerResponse)
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @Query() query: SpeakerQuery) {
    return this.speakers.list(caller, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createSpeaker', summary: 'Add a speaker to the registry' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiCreatedResponse({ type: SpeakerResponse })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateSpeakerDto) {
    return this.speakers.create(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getSpeaker', summary: 'Get a speaker' })
  @ApiOkResponse({ type: SpeakerResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.speakers.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateSpeaker', summary: 'Update a speaker' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: SpeakerResponse })
  @ApiProblems(400, 401, 403, 404)
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateSpeakerDto) {
    return this.speakers.update(caller, id, dto);
  }
}
