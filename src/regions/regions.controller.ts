import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CreateRegionDto, RegionQuery, RegionResponse, UpdateRegionDto } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listRegions', summary: 'List regions' })
  @ApiPage(RegionResponse)
  @ApiProblems(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: RegionQuery) {
    return this.regions.list(caller, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createRegion', summary: 'Create a region' })
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: RegionResponse })
  @ApiProblems(400, 401, 403)
  @ApiProblem(409, 'The region code is already used (duplicate-code)')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateRegionDto) {
    return this.regions.create(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getRegion', summary: 'Get a region' })
  @ApiOkResponse({ type: RegionResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.regions.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateRegion', summary: 'Update a region' })
  @Roles('ADMIN')
  @ApiOkResponse({ type: RegionResponse })
  @ApiProblems(400, 401, 403, 404)
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateRegionDto) {
    return this.regions.update(caller, id, dto);
  }
}
