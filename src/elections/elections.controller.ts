import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { IdParam } from '../common/validation.js';
import { CreateElectionDto, ElectionQuery } from './dto/election.dto.js';
import { ElectionsService } from './elections.service.js';

@ApiTags('elections')
@ApiBearerAuth()
@Controller('elections')
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  @Get()
  list(@Query() query: ElectionQuery) {
    return this.elections.list(query);
  }

  @Post()
  @Roles('ADMIN')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateElectionDto) {
    return this.elections.create(caller, dto);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.elections.get(id);
  }
}
