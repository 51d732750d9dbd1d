import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, type ApiResponseOptions, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { OfficeService } from '../regions/office.service.js';
import { fileSlug } from '../documents/file-name.js';
import { renderInvitationLetter, renderInvitationLetters } from './invitation-letter.js';
import { InvitationsService } from './invitations.service.js';

const pdfFile = (description: string): ApiResponseOptions => ({
  description,
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  headers: { 'content-disposition': { description: 'inline; filename="….pdf"', schema: { type: 'string' } } },
});

/**
 * The surat undangan (DESIGN §4): one invitation's letter, and every letter of an event in one
 * PDF for printing. A letter prints the RSVP link, a secret: the readers who see links (ADMIN,
 * ORGANIZER, the invited agency's AGENCY_REP) get it; a VIEWER, who follows invitations up
 * without links, is refused (403), as is CHECKIN. The bundle is for the organizers who send them.
 */
@ApiTags('invitations')
@Controller()
export class LettersController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly offices: OfficeService,
  ) {}

  @Get('invitations/:id/letter.pdf')
  @ApiOperation({
    operationId: 'getInvitationLetter',
    summary: 'Download an invitation letter (surat undangan) as PDF',
    description: 'One A4 page: kop surat, Nomor/Sifat/Lampiran/Hal, addressee, day, time and place in the region’s zone, seats, the RSVP link as a QR code, signature block.',
  })
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  @ApiOkResponse(pdfFile('The letter'))
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'The event is no longer SCHEDULED (event-not-scheduled)')
  async letter(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const letter = await this.invitations.letter(caller, id);
    const pdf = await renderInvitationLetter(await this.offices.issuer(letter.invitation.regionId), letter);
    return sendPdf(reply, pdf, `surat-undangan-${fileSlug(letter.invitation.agency!.shortName ?? letter.invitation.agency!.name, 'instansi', 80)}.pdf`);
  }

  @Get('events/:id/invitations/letters.pdf')
  @ApiOperation({
    operationId: 'getInvitationLetters',
    summary: 'Download every invitation letter of an event in one PDF',
    description: 'For printing: one letter per invited agency, by agency name, each starting on a new page.',
  })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiOkResponse(pdfFile('The letters'))
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'The event is not SCHEDULED (event-not-scheduled), or has no invitations (no-invitations)')
  async letters(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { event, letters } = await this.invitations.letters(caller, id);
    const pdf = await renderInvitationLetters(await this.offices.issuer(event.regionId), letters, `Surat Undangan ${event.title}`);
    return sendPdf(reply, pdf, `surat-undangan-${fileSlug(event.title, 'acara', 80)}.pdf`);
  }
}

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): Buffer {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(filename, { type: 'inline' }))
    // The letter carries the RSVP link: no shared cache keeps it.
    .header('cache-control', 'private, no-store');
  return pdf;
}
