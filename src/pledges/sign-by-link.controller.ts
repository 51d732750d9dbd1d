import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/caller.js';
import { ApiLinkTokenParam, LinkTokenParam } from '../common/link-token.js';
import { ConflictError, type FieldError, ValidationError } from '../common/errors.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { validateInput } from '../common/validation.js';
import type { Issuer } from '../documents/letterhead.js';
import { formErrors } from '../pages/forms.js';
import { isFormPost, PageRoute, prefersHtml, sendPage } from '../pages/page-response.js';
import { certificatePdf, sendCertificate } from './certificate.controller.js';
import { PledgeCertificateService } from './certificate.service.js';
import { SignatureDto } from './dto/pledge.dto.js';
import { SignedPledgeResponse, SignLinkResponse } from './dto/sign-link.dto.js';
import { closedLinkPage, type SigningFormValues, signedPage, signingMessages, signingPage } from './pages.js';
import { pathOf, PledgePagesService, toSignedPageView, toSigningPageView } from './pledge-pages.service.js';
import { SignByLinkService, SignLinkExpiredError } from './sign-by-link.service.js';
import { signatureNameMatches } from './signature-name.js';

const TokenParam = () => LinkTokenParam('Signing link');
const ApiTokenParam = () => ApiLinkTokenParam('The secret of the signing link (a check-in’s signUrl)');
const EXPIRED = 'The event’s check-in window has closed: the link signs nothing any more (sign-link-expired)';

/**
 * Signing by link (DESIGN §4): the attendee opens the check-in's `signUrl` on their own phone and
 * signs their SELF pledge at that event, without an account. An unknown token is a 404.
 *
 * Browsers get the signing page on the same paths (pages.ts): `GET` renders
 * `SignByLinkService.view()` (or says the link was used or has expired), and its form posts the
 * same fields (urlencoded) to `POST`, answered by `SignByLinkService.sign()`: mistakes come back
 * next to their fields, success with the verification code and the certificate link
 * (`GET /sign/:token/certificate.pdf`, for the signer, who has no account).
 */
@ApiTags('pledges')
@Public()
@Controller('sign')
export class SignByLinkController {
  constructor(
    private readonly signing: SignByLinkService,
    private readonly pages: PledgePagesService,
    private readonly certificates: PledgeCertificateService,
  ) {}

  @Get(':token')
  @PageRoute()
  @ApiOperation({ operationId: 'viewSignLink', summary: 'Read what a signing link signs', description: 'The person, the event and the clauses; the pledge when signed already. A browser gets the signing page.' })
  @ApiTokenParam()
  @ApiOkResponse({ type: SignLinkResponse })
  @ApiProblems(404)
  @ApiProblem(409, 'No pledge template is active (no-active-template)')
  @ApiProblem(410, EXPIRED)
  async view(@TokenParam() token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!prefersHtml(request)) {
      void reply.header('vary', 'Accept');
      return this.signing.view(token);
    }
    const issuer = await this.pages.issuerOfSignLink(token);
    const link = await this.viewForPage(token, issuer, reply);
    if (typeof link === 'string') return link;
    if (link.pledge) return sendPage(reply, closedLinkPage(issuer, 'used', pathOf(link.pledge.verifyUrl)));
    return sendPage(reply, signingPage(issuer, toSigningPageView(link)));
  }

  @Post(':token')
  @PageRoute()
  @ApiOperation({ operationId: 'signByLink', summary: 'Sign the pledge by a signing link', description: 'JSON, or the signing page’s form (application/x-www-form-urlencoded, `consent=true`).' })
  @ApiTokenParam()
  @ApiBody({ type: SignatureDto })
  @ApiCreatedResponse({ type: SignedPledgeResponse, description: 'Signed: the verification code, the verification link and the certificate link' })
  @ApiProblems(400, 404)
  @ApiProblem(409, 'Signed already (pledge-exists, with `pledgeId` and `verificationCode`), or no template is active (no-active-template)')
  @ApiProblem(410, EXPIRED)
  async sign(@TokenParam() token: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const form = isFormPost(request);
    const input = form ? fromForm(body ?? {}) : (body ?? {});
    const { value, errors } = validateInput(SignatureDto, input);
    if (!prefersHtml(request)) {
      if (errors.length > 0) throw new ValidationError(errors);
      return this.signing.sign(token, value);
    }
    const issuer = await this.pages.issuerOfSignLink(token);
    const link = await this.viewForPage(token, issuer, reply);
    if (typeof link === 'string') return link;
    if (link.pledge) return sendPage(reply, closedLinkPage(issuer, 'used', pathOf(link.pledge.verifyUrl)), 409);
    const view = toSigningPageView(link);
    const typed: SigningFormValues = { signatureName: stringOf(input.signatureName), consent: input.consent === true };
    const problems: FieldError[] = [...errors];
    // Every mistake at once: the name is checked here too when the form has others.
    if (typed.signatureName && !signatureNameMatches(typed.signatureName, link.fullName) && !problems.some((e) => e.field === 'signatureName')) {
      problems.push({ field: 'signatureName', message: 'does not match' });
    }
    if (problems.length > 0) return sendPage(reply, signingPage(issuer, view, typed, formErrors(problems, signingMessages(view))), 400);
    try {
      const signed = await this.signing.sign(token, value);
      return sendPage(reply, signedPage(issuer, toSignedPageView(signed, link.fullName)), 201);
    } catch (error) {
      if (error instanceof ValidationError) return sendPage(reply, signingPage(issuer, view, typed, formErrors(error.errors ?? [], signingMessages(view))), 400);
      if (error instanceof ConflictError && error.type === 'pledge-exists') return sendPage(reply, closedLinkPage(issuer, 'used'), 409);
      throw error;
    }
  }

  @Get(':token/certificate.pdf')
  @PageRoute()
  @ApiOperation({
    operationId: 'getSignLinkCertificate',
    summary: 'Download the certificate of the pledge signed through a signing link (PDF)',
    description: 'For the signer, who signed on their phone without an account; 404 until they have signed.',
  })
  @ApiTokenParam()
  @ApiOkResponse(certificatePdf('The certificate'))
  @ApiProblems(404)
  async certificate(@TokenParam() token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendCertificate(reply, await this.certificates.forSignLink(token));
  }

  @Get(':token/qr.svg')
  @ApiOperation({
    operationId: 'getSignLinkQrCode',
    summary: 'The signing link as a QR code (SVG)',
    description: 'What the door app shows after a check-in, for the attendee to scan with their own phone. 404 for an unknown link, 410 once it has expired.',
  })
  @ApiTokenParam()
  @ApiOkResponse({ description: 'The QR code of the link', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiProblems(404)
  @ApiProblem(410, EXPIRED)
  async qrCode(@TokenParam() token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const svg = await this.signing.qrCode(token);
    void reply.header('content-type', 'image/svg+xml').header('cache-control', 'no-store');
    return svg;
  }

  /** The link's view, or (as the page to send) the page of an expired link. */
  private async viewForPage(token: string, issuer: Issuer, reply: FastifyReply): Promise<SignLinkResponse | string> {
    try {
      return await this.signing.view(token);
    } catch (error) {
      if (error instanceof SignLinkExpiredError) return sendPage(reply, closedLinkPage(issuer, 'expired'), 410);
      throw error;
    }
  }
}

/**
 * The page's form as the DTO reads JSON: the checkbox sends `consent=true` only when ticked, and
 * an empty pad sends an empty `signatureImage`. Other fields go through as sent (and are refused
 * as unknown).
 */
function fromForm(body: Record<string, unknown>): Record<string, unknown> {
  const { consent, signatureImage, ...rest } = body;
  return {
    ...rest,
    ...(consent === undefined ? {} : { consent: consent === 'true' ? true : consent }),
    ...(signatureImage === undefined || signatureImage === '' ? {} : { signatureImage }),
  };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
