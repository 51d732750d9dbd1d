import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { CoverageQuery, CoverageReport, CoverageRollup, RollupQuery } from './dto/coverage-report.dto.js';
import { ReportsService } from './reports.service.js';

/**
 * Coverage reports (DESIGN §5) for the mayor's office. VIEWERs read their region's; an
 * AGENCY_REP reads its own agency's row only; CHECKIN staff read none.
 */
@ApiTags('reports')
@Controller('reports/coverage')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP')
  @ApiOperation({
    operationId: 'getCoverageReport',
    summary: 'Get the coverage report of a region as JSON, CSV, XLSX or PDF',
    description:
      'For every agency of the region, over the period (from/to, inclusive local days) or the election: invited, confirmed and attended ' +
      'events, whether the head came in person, people reached directly, pledges, people reached by cascades, headcount, coverage and stage; ' +
      'the region totals and the gaps (agencies with no reach, largest headcount first). An AGENCY_REP gets its own agency only. ' +
      'CSV: UTF-8 with BOM, formula-safe. XLSX: sheets "Instansi" and "Belum terjangkau". ' +
      'PDF: the printable report on A4 landscape: the office letterhead, the totals, a bar chart of coverage by agency category, every agency with its stage, the gaps and the signature block.',
  })
  @ApiExtraModels(CoverageReport)
  @ApiOkResponse({
    description: 'The report as JSON (format=json, the default) or as an attachment',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CoverageReport) } },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblem(400, 'Invalid input (the field is named)')
  @ApiProblems(401, 403, 404)
  async coverage(@CurrentCaller() caller: Caller, @Query() query: CoverageQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    // Figures of a tenant: no shared cache keeps them.
    void reply.header('cache-control', 'private, no-store');
    if (query.format === 'json') return this.reports.coverage(caller, query);
    const file = await this.reports.coverageFile(caller, query);
    void reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.filename));
    return file.body;
  }

  @Get('regions')
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER')
  @ApiOperation({
    operationId: 'getCoverageRollup',
    summary: 'Get the coverage totals per child region',
    description:
      'The totals of the coverage report for each child region of parentId (a province: its regencies and cities; ADMIN without parentId: the provinces), ' +
      "the parent's own agencies, and the parent as a whole, which is their sum.",
  })
  @ApiOkResponse({ type: CoverageRollup })
  @ApiProblems(400, 401, 403, 404)
  rollup(@CurrentCaller() caller: Caller, @Query() query: RollupQuery) {
    return this.reports.rollup(caller, query);
  }
}
