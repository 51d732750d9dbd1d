import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, type ApiResponseOptions, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { type CertificateFile, PledgeCertificateService } from './certificate.service.js';

/** A 200 answer that is the certificate, a PDF shown inline (a phone opens it in its viewer). */
export const certificatePdf = (description: string): ApiResponseOptions => ({
  description,
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  headers: { 'content-disposition': { description: 'inline; filename="pakta-integritas-<code>.pdf"', schema: { type: 'string' } } },
});

/**
 * `GET /pledges/:id.pdf`. Fastify's router matches a parameter followed by a static suffix, so
 * `/pledges/<uuid>.pdf` reaches this route and `/pledges/<uuid>` the JSON one (as for
 * `/events/:id.ics`). Read by the same callers as `GET /pledges/:id`.
 */
@ApiTags('pledges')
@Controller()
export class PledgeCertificateController {
  constructor(private readonly certificates: PledgeCertificateService) {}

  @Get('pledges/:id.pdf')
  @ApiOperation({
    operationId: 'getPledgeCertificate',
    summary: 'Download the certificate of a pledge (PDF)',
    description: 'One A4 page: letterhead, the pledge and its clauses, signer, time in the region’s zone, drawn signature, hash, and the QR code of the verification link.',
  })
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP')
  @ApiOkResponse(certificatePdf('The certificate'))
  @ApiProblems(400, 401, 403, 404)
  async certificate(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendCertificate(reply, await this.certificates.forCaller(caller, id));
  }
}

export function sendCertificate(reply: FastifyReply, file: CertificateFile): Buffer {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${file.filename}"`)
    // Personal data: no shared cache keeps it.
    .header('cache-control', 'private, no-store');
  return file.body;
}
