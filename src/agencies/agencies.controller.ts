import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ImportQuery } from '../common/csv-import.js';
import { CsvUpload, csvUpload } from '../common/uploads.js';
import { IdParam } from '../common/validation.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyQuery, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto.js';

/** Every role reads agencies in its reach (an AGENCY_REP: its own); ORGANIZERs and ADMINs keep the list. */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: AgencyQuery) {
    return this.agencies.list(caller, query);
  }

  @Post()
  @Roles('ADMIN', 'ORGANIZER')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAgencyDto) {
    return this.agencies.create(caller, dto);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER')
  @CsvUpload('Columns: name and category (required); shortName, headTitle, pns, pppk, nonAsn, headcountAsOf, parentAgency')
  async import(@CurrentCaller() caller: Caller, @Query() query: ImportQuery, @Req() request: FastifyRequest) {
    return this.agencies.import(caller, query, await csvUpload(request));
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.agencies.get(caller, id);
  }

  @Patch(':id')
  @Roles('ADMIN', 'ORGANIZER')
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateAgencyDto) {
    return this.agencies.update(caller, id, dto);
  }
}
