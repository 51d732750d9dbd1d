import { Body, Controller, Get, HttpCode, Param, Post, type PipeTransform, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { AnswersService } from './answers.service.js';
import { RsvpQuery, RsvpResponse } from './dto/invitation.dto.js';
import { RespondDto } from './dto/respond.dto.js';
import { ANSWER_CONFLICTS } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';

/** RSVP tokens are base64url secrets; anything else cannot be one, and is as unknown as a wrong one (404). */
const RSVP_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

class RsvpTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!RSVP_TOKEN.test(value)) throw new NotFoundError('Invitation');
    return value;
  }
}

const TokenParam = () => Param('token', new RsvpTokenPipe());
const ApiTokenParam = () => ApiParam({ name: 'token', description: 'The secret of the RSVP link', schema: { type: 'string', pattern: RSVP_TOKEN.source } });

/**
 * RSVP by link (DESIGN §4): whoever holds the link printed on the letter (or sent over WhatsApp)
 * answers that one invitation, without an account. An unknown token is a 404.
 *
 * Both routes answer JSON for API clients now. The RSVP page comes on the same paths: `GET`
 * serves it when the client asks for HTML (a browser following the link) and JSON otherwise
 * (`Accept: application/json`; `pageOrJson` of src/pages), rendered from the same
 * `InvitationsService.rsvp()` view; its form posts the same `RespondDto` fields to
 * `POST /rsvp/:token` (as a form body), answered by the same `AnswersService.respondByLink()`.
 */
@ApiTags('rsvp')
@Public()
@Controller('rsvp')
export class RsvpController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly answers: AnswersService,
  ) {}

  @Get(':token')
  @ApiOperation({
    operationId: 'viewRsvp',
    summary: 'Read an invitation by its RSVP link',
    description: 'For API clients (`Accept: application/json`); the RSVP page for browsers comes on the same path.',
  })
  @ApiTokenParam()
  @ApiOkResponse({ type: RsvpResponse, description: 'The invitation, its attendees, and the agency’s people to name (send Accept: application/json)' })
  @ApiProblems(400, 404)
  view(@TokenParam() token: string, @Query() query: RsvpQuery) {
    return this.invitations.rsvp(token, query.q);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ operationId: 'respondByRsvp', summary: 'Answer an invitation by its RSVP link', description: 'The same body as respondToInvitation.' })
  @ApiTokenParam()
  @ApiOkResponse({ type: RsvpResponse, description: 'The invitation with its answer and attendees' })
  @ApiProblems(400, 404)
  @ApiProblem(409, ANSWER_CONFLICTS)
  async respond(@TokenParam() token: string, @Body() dto: RespondDto) {
    await this.answers.respondByLink(token, dto);
    return this.invitations.rsvp(token);
  }
}
