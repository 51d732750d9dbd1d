import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { AuditService } from './audit.service.js';
import { AuditEntryResponse, AuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ operationId: 'listAuditEntries', summary: 'List audit log entries' })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiPage(AuditEntryResponse)
  @ApiProblems(400, 401, 403)
  list(@CurrentCaller() caller: Caller, @Query() query: AuditQuery) {
    return this.audit.list(caller, query);
  }
}
