import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { IdParam } from '../common/validation.js';
import { CreateRegionDto, RegionQuery, UpdateRegionDto } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: RegionQuery) {
    return this.regions.list(caller, query);
  }

  @Post()
  @Roles('ADMIN')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateRegionDto) {
    return this.regions.create(caller, dto);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.regions.get(caller, id);
  }

  @Patch(':id')
  @Roles('ADMIN')
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateRegionDto) {
    return this.regions.update(caller, id, dto);
  }
}
