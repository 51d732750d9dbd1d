import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/caller.js';
import { DomainError, type FieldError, ValidationError } from '../common/errors.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { createValidationPipe } from '../common/validation.js';
import { API_PREFIX } from '../config/config.js';
import { FileUpload, fileUpload } from '../files/file-upload.js';
import { isFormPost, PageRoute, prefersHtml, sendPage } from '../pages/page-response.js';
import { OfficeService } from '../regions/office.service.js';
import { AnswersService } from './answers.service.js';
import { AssignmentLettersService, MAX_ASSIGNMENT_LETTER_BYTES } from './assignment-letters.service.js';
import { AssignmentLetterResponse, RsvpQuery, RsvpResponse } from './dto/invitation.dto.js';
import { ApiLinkTokenParam, LinkTokenParam } from '../common/link-token.js';
import { RespondDto } from './dto/respond.dto.js';
import { ANSWER_CONFLICTS } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { readRsvpForm, type RsvpFormBody, type RsvpFormValues, rsvpFormErrors, toRespondBody } from './rsvp-form.js';
import { renderRsvpPage, type RsvpPageInput } from './rsvp-page.js';

const TokenParam = () => LinkTokenParam('Invitation');
const ApiTokenParam = () => ApiLinkTokenParam('The secret of the RSVP link');

/** The answer's body is checked by the app's own validation, whether it came as JSON or from the page's form. */
const respondValidation = createValidationPipe();
const validateAnswer = async (body: unknown) => (await respondValidation.transform(body ?? {}, { type: 'body', metatype: RespondDto })) as RespondDto;

/** The RSVP page's form (rsvp-form.ts), as the OpenAPI document describes it. */
const RSVP_FORM_SCHEMA = {
  type: 'object' as const,
  required: ['status'],
  properties: {
    status: { type: 'string' as const, enum: ['CONFIRMED', 'DECLINED'] },
    attendee: { type: 'array' as const, items: { type: 'string' as const, format: 'uuid' }, description: 'People of the agency ticked on the roster (repeated field)' },
    delegate: { type: 'array' as const, items: { type: 'string' as const, format: 'uuid' }, description: 'Those of them sent as delegates (repeated field)' },
    newFullName: { type: 'string' as const, description: 'Someone new: name' },
    newNip: { type: 'string' as const, description: 'Someone new: NIP (PNS, CPNS, PPPK)' },
    newEmploymentType: { type: 'string' as const, enum: ['PNS', 'CPNS', 'PPPK', 'NON_ASN', 'EXTERNAL'] },
    newPosition: { type: 'string' as const, description: 'Someone new: position' },
    newDelegate: { type: 'string' as const, description: 'Present (any value): the new attendee is a delegate' },
    reason: { type: 'string' as const, maxLength: 500 },
  },
};

/** Why an answer from the page was not taken (409), in Bahasa Indonesia, by the problem's type. */
function conflictText(error: DomainError): string {
  const extra = (error as DomainError & { extra?: Record<string, unknown> }).extra ?? {};
  switch (error.type) {
    case 'answers-closed':
      return 'Acara sudah dimulai: jawaban tidak dapat diberikan atau diubah lagi.';
    case 'event-not-scheduled':
      return 'Acara ini tidak lagi menerima jawaban (dibatalkan atau sudah selesai).';
    case 'seats-exceeded':
      return `Undangan ini untuk paling banyak ${String(extra.seats)} orang: kurangi jumlah peserta.`;
    case 'capacity-exceeded':
      return `Tempat acara hampir penuh: tinggal ${String(extra.seatsLeft)} kursi. Kurangi jumlah peserta.`;
    case 'attendee-checked-in':
      return 'Peserta yang sudah hadir (sudah dipindai di pintu) tidak dapat dihapus dari jawaban.';
    case 'already-registered':
      return 'Salah satu peserta sudah terdaftar pada acara ini melalui undangan lain.';
    case 'duplicate-nip':
      return 'NIP peserta baru sudah terdaftar pada instansi lain.';
    default:
      return 'Jawaban belum dapat diproses. Periksa kembali isian Anda.';
  }
}

/**
 * RSVP by link (DESIGN §4): whoever holds the link printed on the letter (or sent over WhatsApp)
 * answers that one invitation, without an account. An unknown token is a 404.
 *
 * One path for people and programs: a browser (Accept: text/html) gets the RSVP page, and its
 * form posts back here (`application/x-www-form-urlencoded`, see rsvp-form.ts) and gets the page
 * with the result or with its errors next to the fields; API clients send and receive JSON
 * exactly as before. The surat tugas is attached through the link too.
 */
@ApiTags('rsvp')
@Public()
@Controller('rsvp')
export class RsvpController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly answers: AnswersService,
    private readonly assignmentLetters: AssignmentLettersService,
    private readonly offices: OfficeService,
  ) {}

  @Get(':token')
  @PageRoute()
  @ApiOperation({
    operationId: 'viewRsvp',
    summary: 'Read an invitation by its RSVP link',
    description: 'JSON for API clients; the RSVP page (HTML, Bahasa Indonesia) for a browser (Accept: text/html).',
  })
  @ApiTokenParam()
  @ApiOkResponse({ type: RsvpResponse, description: 'The invitation, its attendees, and the agency’s people to name' })
  @ApiProblems(400, 404)
  async view(@TokenParam() token: string, @Query() query: RsvpQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.invitations.rsvp(token, query.q);
    if (!prefersHtml(request)) return json(reply, view);
    return this.page(reply, 200, { view, q: query.q });
  }

  @Post(':token')
  @HttpCode(200)
  @PageRoute()
  @ApiOperation({
    operationId: 'respondByRsvp',
    summary: 'Answer an invitation by its RSVP link',
    description: 'The same JSON body as respondToInvitation, or the RSVP page’s form (application/x-www-form-urlencoded), which answers with the page.',
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(RespondDto) } },
        'application/x-www-form-urlencoded': { schema: RSVP_FORM_SCHEMA },
      },
    },
  })
  @ApiTokenParam()
  @ApiExtraModels(RespondDto)
  @ApiOkResponse({ type: RsvpResponse, description: 'The invitation with its answer and attendees' })
  @ApiProblems(400, 404)
  @ApiProblem(409, ANSWER_CONFLICTS)
  async respond(@TokenParam() token: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const fromForm = isFormPost(request);
    const html = prefersHtml(request);
    if (!fromForm || !html) {
      const dto = await validateAnswer(fromForm ? toRespondBody(readRsvpForm((body ?? {}) as RsvpFormBody)) : body);
      await this.answers.respondByLink(token, dto);
      const view = await this.invitations.rsvp(token);
      return html ? this.page(reply, 200, { view, notice: { kind: 'ok', text: 'Jawaban Anda sudah kami terima.' } }) : json(reply, view);
    }
    // The page's form: mistakes go back next to their fields, nothing written.
    const form = readRsvpForm((body ?? {}) as RsvpFormBody);
    try {
      await this.answers.respondByLink(token, await validateAnswer(toRespondBody(form)));
    } catch (error) {
      return this.formRefused(reply, token, form, error);
    }
    const view = await this.invitations.rsvp(token);
    const text = view.status === 'CONFIRMED' ? 'Jawaban Anda sudah kami terima: hadir. Simpan atau cetak kode QR tiket setiap peserta di bawah ini.' : 'Jawaban Anda sudah kami terima: tidak hadir.';
    return this.page(reply, 200, { view, notice: { kind: 'ok', text } });
  }

  @Post(':token/assignment-letter')
  @PageRoute()
  @ApiOperation({
    operationId: 'uploadAssignmentLetterByRsvp',
    summary: 'Attach the delegate’s surat tugas by the RSVP link',
    description: 'As uploadAssignmentLetter, for the holder of the link (the RSVP page’s file form). Replaces the previous one.',
  })
  @ApiTokenParam()
  @FileUpload('The delegate’s surat tugas', MAX_ASSIGNMENT_LETTER_BYTES)
  @ApiOkResponse({ type: AssignmentLetterResponse, description: 'The letter stored (it replaces the previous one); a browser gets the RSVP page' })
  @ApiProblems(404)
  @ApiProblem(409, 'The event is no longer SCHEDULED (event-not-scheduled)')
  async uploadAssignmentLetter(@TokenParam() token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const html = prefersHtml(request);
    try {
      const stored = await this.assignmentLetters.uploadByLink(token, await fileUpload(request, MAX_ASSIGNMENT_LETTER_BYTES));
      if (!html) return json(reply.status(200), stored);
    } catch (error) {
      // A file that is not a PDF or an image, or none: said next to the file field. The rest
      // (an unknown link, a file over the limit) are error pages.
      if (!html || !(error instanceof DomainError) || error.status !== 400) throw error;
      const view = await this.invitations.rsvp(token);
      return this.page(reply, 400, { view, errors: { file: 'Pilih berkas surat tugas berbentuk PDF, PNG atau JPEG (hasil pindai atau foto).' } });
    }
    const view = await this.invitations.rsvp(token);
    return this.page(reply, 200, { view, notice: { kind: 'ok', text: 'Surat tugas sudah kami terima.' } });
  }

  private async formRefused(reply: FastifyReply, token: string, form: RsvpFormValues, error: unknown): Promise<string> {
    if (!(error instanceof DomainError) || (error.status !== 400 && error.status !== 409)) throw error;
    const view = await this.invitations.rsvp(token);
    if (error.status === 400) {
      return this.page(reply, 400, { view, form, errors: rsvpFormErrors((error as ValidationError).errors ?? ([] as FieldError[]), form) });
    }
    const errors: Record<string, string> = error.type === 'duplicate-nip' ? { newNip: 'NIP ini sudah terdaftar pada instansi lain.' } : {};
    return this.page(reply, 409, { view, form, errors, notice: { kind: 'error', text: conflictText(error) } });
  }

  private async page(reply: FastifyReply, status: number, input: Omit<RsvpPageInput, 'issuer' | 'path'>): Promise<string> {
    const issuer = await this.offices.issuer(input.view.regionId);
    // The page posts back to the path it was served at (the token checked by the route's pipe).
    const path = `/${API_PREFIX}/rsvp/${(reply.request.params as { token: string }).token}`;
    return sendPage(reply, await renderRsvpPage({ ...input, issuer, path }), status);
  }
}

function json<T>(reply: FastifyReply, body: T): T {
  void reply.header('vary', 'Accept');
  return body;
}
