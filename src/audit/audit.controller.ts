import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { AuditService } from './audit.service.js';
import { AuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('ADMIN', 'ORGANIZER')
  list(@CurrentCaller() caller: Caller, @Query() query: AuditQuery) {
    return this.audit.list(caller, query);
  }
}
