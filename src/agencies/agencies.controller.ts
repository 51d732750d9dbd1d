import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { IMPORT_BAD_REQUEST, ImportQuery, ImportResult } from '../common/csv-import.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { CsvUpload, csvUpload } from '../common/uploads.js';
import { IdParam } from '../common/validation.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyQuery, AgencyResponse, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto.js';

const DUPLICATE_NAME = 'The region already has an agency of this name (duplicate-name; `existingAgencyId` names it)';

/** Every role reads agencies in its reach (an AGENCY_REP: its own); ORGANIZERs and ADMINs keep the list. */
@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOperation({ operationId: 'listAgencies', summary: 'List agencies' })
  @ApiPage(AgencyResponse)
  @ApiProblems(400, 401, 404)
  list(@CurrentCaller() caller: Caller, @Query() query: AgencyQuery) {
    return this.agencies.list(caller, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createAgency', summary: 'Create an agency' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, DUPLICATE_NAME)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAgencyDto) {
    return this.agencies.create(caller, dto);
  }

  @Post('import')
  @ApiOperation({ operationId: 'importAgencies', summary: 'Import agencies from a CSV file' })
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @CsvUpload('Columns: name and category (required); shortName, headTitle, pns, pppk, nonAsn, headcountAsOf, parentAgency')
  @ApiOkResponse({ type: ImportResult, description: 'What was imported, or with dryRun would be; rows with errors are skipped' })
  @ApiProblem(400, IMPORT_BAD_REQUEST)
  @ApiProblems(401, 403, 404)
  import(@CurrentCaller() caller: Caller, @Query() query: ImportQuery, @Req() request: FastifyRequest) {
    return this.agencies.import(caller, query, csvUpload(request));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getAgency', summary: 'Get an agency' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.agencies.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateAgency', summary: 'Update an agency' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse({ type: AgencyResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, DUPLICATE_NAME)
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateAgencyDto) {
    return this.agencies.update(caller, id, dto);
  }
}
