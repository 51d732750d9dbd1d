import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { FileUpload, fileUpload } from '../files/file-upload.js';
import { AnswersService } from './answers.service.js';
import { AssignmentLettersService, MAX_ASSIGNMENT_LETTER_BYTES } from './assignment-letters.service.js';
import { AssignmentLetterResponse, InvitationDetailResponse, InvitationPage, InvitationQuery, InviteAgenciesDto, InviteResult } from './dto/invitation.dto.js';
import { RespondDto } from './dto/respond.dto.js';
import { InvitationsService } from './invitations.service.js';

export const ANSWER_CONFLICTS =
  'The answer cannot be taken: the event is not SCHEDULED (event-not-scheduled) or has started (answers-closed); more attendees than the ' +
  'invitation’s seats (seats-exceeded, with `seats`) or than the event has left (capacity-exceeded, with `seatsLeft`); an attendee to remove ' +
  'has checked in (attendee-checked-in); an attendee already holds a seat at the event (already-registered); a new attendee’s NIP belongs to ' +
  'someone of another agency (duplicate-nip)';

/**
 * Invitations of an event (DESIGN §4). ADMIN and ORGANIZER invite and follow up; the invited
 * agency's AGENCY_REP reads and answers its own (the scoped lookup narrows it to its agency);
 * VIEWER (the mayor's office) reads the follow-up of its region, without RSVP links or ticket
 * codes; CHECKIN has no business here (403).
 */
@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly answers: AnswersService,
    private readonly assignmentLetters: AssignmentLettersService,
  ) {}

  @Post('events/:id/invitations')
  @ApiOperation({
    operationId: 'inviteAgencies',
    summary: 'Invite agencies to an event',
    description: 'The agencies named, or every agency of a category of the event’s region, each with `seats`. Agencies invited before are left as they were.',
  })
  @Roles('ADMIN', 'ORGANIZER')
  @ApiCreatedResponse({ type: InviteResult, description: 'At least one agency was invited now' })
  @ApiOkResponse({ type: InviteResult, description: 'Every agency selected was invited already: nothing changed' })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'The event is not SCHEDULED (event-not-scheduled; `status` gives the current one)')
  async invite(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: InviteAgenciesDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.invitations.invite(caller, id, dto);
    void reply.status(result.created.length > 0 ? 201 : 200);
    return result;
  }

  @Get('events/:id/invitations')
  @ApiOperation({ operationId: 'listInvitations', summary: 'List an event’s invitations', description: 'With `counts` by status over the whole event, whatever `status` filters.' })
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP')
  @ApiOkResponse({ type: InvitationPage })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @IdParam() id: string, @Query() query: InvitationQuery) {
    return this.invitations.list(caller, id, query);
  }

  @Get('invitations/:id')
  @ApiOperation({ operationId: 'getInvitation', summary: 'Get an invitation with its attendees' })
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP')
  @ApiOkResponse({ type: InvitationDetailResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.invitations.get(caller, id);
  }

  @Post('invitations/:id/respond')
  @ApiOperation({
    operationId: 'respondToInvitation',
    summary: 'Answer an invitation',
    description: 'The whole answer: the attendees named replace the previous ones, seats are taken or given back to match. Until the event starts.',
  })
  @HttpCode(200)
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  @ApiOkResponse({ type: InvitationDetailResponse, description: 'The invitation with its answer and attendees' })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, ANSWER_CONFLICTS)
  async respond(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: RespondDto) {
    await this.answers.respond(caller, id, dto);
    return this.invitations.get(caller, id);
  }

  @Put('invitations/:id/assignment-letter')
  @ApiOperation({ operationId: 'uploadAssignmentLetter', summary: 'Upload the delegate’s surat tugas', description: 'Replaces the previous one.' })
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  @FileUpload('The delegate’s surat tugas', MAX_ASSIGNMENT_LETTER_BYTES)
  @ApiOkResponse({ type: AssignmentLetterResponse, description: 'The letter stored (it replaces the previous one)' })
  @ApiProblems(401, 403, 404)
  @ApiProblem(409, 'The event is no longer SCHEDULED (event-not-scheduled)')
  async uploadAssignmentLetter(@CurrentCaller() caller: Caller, @IdParam() id: string, @Req() request: FastifyRequest) {
    return this.assignmentLetters.upload(caller, id, await fileUpload(request, MAX_ASSIGNMENT_LETTER_BYTES));
  }

  @Get('invitations/:id/assignment-letter')
  @ApiOperation({ operationId: 'downloadAssignmentLetter', summary: 'Download the delegate’s surat tugas' })
  @Roles('ADMIN', 'ORGANIZER', 'AGENCY_REP')
  @ApiOkResponse({
    description: 'The file as uploaded, byte for byte',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async downloadAssignmentLetter(@CurrentCaller() caller: Caller, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const download = await this.assignmentLetters.download(caller, id);
    // Tenant documents: no shared cache keeps them.
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(download.stream, { type: download.file.mediaType, length: download.file.byteSize, disposition: contentDisposition(download.filename) });
  }
}
