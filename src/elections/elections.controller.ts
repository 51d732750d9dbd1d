import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CreateElectionDto, ElectionQuery, ElectionResponse } from './dto/election.dto.js';
import { ElectionsService } from './elections.service.js';

@ApiTags('elections')
@Controller('elections')
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listElections', summary: 'List elections' })
  @ApiPage(ElectionResponse)
  @ApiProblems(400, 401)
  list(@Query() query: ElectionQuery) {
    return this.elections.list(query);
  }

  @Post()
  @ApiOperation({ operationId: 'createElection', summary: 'Create an election' })
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: ElectionResponse })
  @ApiProblems(400, 401, 403)
  @ApiProblem(409, 'An election of this name already exists (duplicate-name)')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateElectionDto) {
    return this.elections.create(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getElection', summary: 'Get an election' })
  @ApiOkResponse({ type: ElectionResponse })
  @ApiProblems(400, 401, 404)
  get(@IdParam() id: string) {
    return this.elections.get(id);
  }
}
