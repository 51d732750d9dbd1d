import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ImportQuery } from '../common/csv-import.js';
import { CsvUpload, csvUpload } from '../common/uploads.js';
import { IdParam } from '../common/validation.js';
import { CreatePersonDto, PersonQuery, UpdatePersonDto } from './dto/person.dto.js';
import { PeopleService } from './people.service.js';

/**
 * Door staff (CHECKIN) look people up; an AGENCY_REP reads and adds its own agency's people;
 * VIEWERs (reports only) do not see the roster.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP')
  list(@CurrentCaller() caller: Caller, @Query() query: PersonQuery) {
    return this.people.list(caller, query);
  }

  @Post()
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePersonDto) {
    return this.people.create(caller, dto);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @CsvUpload('Columns: fullName, employmentType and agency (name or id) required; nip, position, phone, email')
  async import(@CurrentCaller() caller: Caller, @Query() query: ImportQuery, @Req() request: FastifyRequest) {
    return this.people.import(caller, query, await csvUpload(request));
  }

  @Get(':id')
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP')
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.people.get(caller, id);
  }

  @Patch(':id')
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdatePersonDto) {
    return this.people.update(caller, id, dto);
  }
}
