import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { IMPORT_BAD_REQUEST, ImportQuery, ImportResult } from '../common/csv-import.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { CsvUpload, csvUpload } from '../common/uploads.js';
import { IdParam } from '../common/validation.js';
import { CreatePersonDto, PersonQuery, PersonResponse, UpdatePersonDto } from './dto/person.dto.js';
import { PeopleService } from './people.service.js';

const DUPLICATE_NIP = 'The NIP is already registered to another person of the region (duplicate-nip)';

/**
 * Door staff (CHECKIN) look people up; an AGENCY_REP reads and adds its own agency's people;
 * VIEWERs (reports only) do not see the roster.
 */
@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ operationId: 'listPeople', summary: 'List people' })
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP')
  @ApiPage(PersonResponse)
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @Query() query: PersonQuery) {
    return this.people.list(caller, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createPerson', summary: 'Register a person' })
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  @ApiCreatedResponse({ type: PersonResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, DUPLICATE_NIP)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePersonDto) {
    return this.people.create(caller, dto);
  }

  @Post('import')
  @ApiOperation({ operationId: 'importPeople', summary: 'Import people from a CSV file' })
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @CsvUpload('Columns: fullName, employmentType and agency (name or id) required; nip, position, phone, email')
  @ApiOkResponse({ type: ImportResult, description: 'What was imported, or with dryRun would be; rows with errors are skipped' })
  @ApiProblem(400, IMPORT_BAD_REQUEST)
  @ApiProblems(401, 403, 404)
  import(@CurrentCaller() caller: Caller, @Query() query: ImportQuery, @Req() request: FastifyRequest) {
    return this.people.import(caller, query, csvUpload(request));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPerson', summary: 'Get a person' })
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP')
  @ApiOkResponse({ type: PersonResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.people.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updatePerson', summary: 'Update a person' })
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  @ApiOkResponse({ type: PersonResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, DUPLICATE_NIP)
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdatePersonDto) {
    return this.people.update(caller, id, dto);
  }
}
