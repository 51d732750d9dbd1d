import { Body, Controller, Get, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { IdParam } from '../common/validation.js';
import { FileUpload, fileUpload } from '../files/file-upload.js';
import { CascadesService, MAX_CASCADE_EVIDENCE_BYTES } from './cascades.service.js';
import { CascadeEvidenceResponse, CascadeResponse, CreateCascadeDto } from './dto/cascade.dto.js';

/** Who records and reads cascades: organizers, and an agency's own rep for its agency. */
@ApiTags('cascades')
@Controller()
@Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
export class CascadesController {
  constructor(private readonly cascades: CascadesService) {}

  @Post('agencies/:id/cascades')
  @ApiOperation({
    operationId: 'createCascade',
    summary: 'Record that an agency relayed the material to its own staff',
    description: "Each reached count is at most the agency's headcount of that type (400 naming the field).",
  })
  @ApiCreatedResponse({ type: CascadeResponse })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: CreateCascadeDto) {
    return this.cascades.create(caller, id, dto);
  }

  @Get('agencies/:id/cascades')
  @ApiOperation({ operationId: 'listCascades', summary: "List an agency's cascade sessions, latest first" })
  @ApiPage(CascadeResponse)
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @IdParam() id: string, @Query() query: PageQuery) {
    return this.cascades.list(caller, id, query);
  }

  @Put('cascades/:id/evidence')
  @ApiOperation({ operationId: 'uploadCascadeEvidence', summary: 'Upload the evidence of a cascade (a photo or the internal attendance list)', description: 'Replaces the previous one.' })
  @FileUpload('The evidence', MAX_CASCADE_EVIDENCE_BYTES)
  @ApiOkResponse({ type: CascadeEvidenceResponse, description: 'The file stored (it replaces the previous one)' })
  @ApiProblems(401, 403, 404)
  async uploadEvidence(@CurrentCaller() caller: Caller, @IdParam() id: string, @Req() request: FastifyRequest) {
    return this.cascades.uploadEvidence(caller, id, await fileUpload(request, MAX_CASCADE_EVIDENCE_BYTES));
  }

  @Get('cascades/:id/evidence')
  @ApiOperation({ operationId: 'downloadCascadeEvidence', summary: 'Download the evidence of a cascade' })
  @ApiOkResponse({
    description: 'The file as uploaded, byte for byte',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblem(404, 'No such cascade within reach, or no evidence uploaded yet')
  @ApiProblems(400, 401, 403)
  async downloadEvidence(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const download = await this.cascades.downloadEvidence(caller, id);
    // Tenant documents: no shared cache keeps them.
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(download.stream, { type: download.file.mediaType, length: download.file.byteSize, disposition: contentDisposition(download.filename) });
  }
}
