import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { OfficeResponse, PutOfficeDto } from './dto/office.dto.js';
import { OfficeService } from './office.service.js';

/** `/regions/:id/office`: the letterhead and signatory of the region's documents. */
@ApiTags('regions')
@Controller('regions/:id/office')
export class OfficeController {
  constructor(private readonly offices: OfficeService) {}

  @Get()
  @ApiOperation({ operationId: 'getRegionOffice', summary: "Read a region's office (letterhead and signatory)" })
  @ApiOkResponse({ type: OfficeResponse, description: 'The office, or `set: false` (other fields null) until one is set' })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.offices.get(caller, id);
  }

  @Put()
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOperation({ operationId: 'setRegionOffice', summary: "Set a region's office (letterhead and signatory)" })
  @ApiOkResponse({ type: OfficeResponse })
  @ApiProblems(400, 401, 403, 404)
  put(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: PutOfficeDto) {
    return this.offices.put(caller, id, dto);
  }
}
