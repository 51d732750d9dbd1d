import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/caller.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../common/openapi.js';
import { pageOrJson, PageRoute, prefersHtml } from '../pages/page-response.js';
import { VerificationResponse } from './dto/verification.dto.js';
import { verificationPage } from './pages.js';
import { PledgePagesService, toVerificationPageView } from './pledge-pages.service.js';
import { PledgeVerificationService } from './pledge-verification.service.js';
import { VerifyRateLimitGuard } from './verify-rate-limit.guard.js';

/**
 * Public verification (DESIGN §4): whoever holds a certificate (its QR code, or the code printed
 * under it) checks that the pledge is genuine and unaltered, without an account. Codes are typed
 * back in any case, with spaces or dashes. Rate-limited per address (VERIFY_RATE_LIMIT a minute).
 *
 * Browsers (the phone camera that scanned the certificate's QR code) get the verification page
 * (pages.ts) on the same path, rendered from the same `PledgeVerificationService.verify()`
 * answer; an unknown code is a 404 page.
 */
@ApiTags('pledges')
@Public()
@UseGuards(VerifyRateLimitGuard)
@Controller('verify')
export class VerificationController {
  constructor(
    private readonly verification: PledgeVerificationService,
    private readonly pages: PledgePagesService,
  ) {}

  @Get(':code')
  @ApiOperation({
    operationId: 'verifyPledge',
    summary: 'Verify a pledge by its verification code',
    description: 'Whether the pledge’s own hash holds, the text signed, when, the agency and the signer’s name with a masked NIP. No other personal data.',
  })
  @ApiParam({
    name: 'code',
    description: 'The verification code printed on the certificate, in any case, with or without spaces and dashes',
    schema: { type: 'string', pattern: '^[0-9A-Za-z -]{1,32}$' },
  })
  @PageRoute()
  @ApiOkResponse({ type: VerificationResponse, description: 'The verification (JSON), or the verification page for a browser (Accept: text/html)' })
  @ApiProblems(404, 429)
  async verify(@Param('code') code: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const verification = await this.verification.verify(code);
    const issuer = prefersHtml(request) ? await this.pages.issuerOfPledge(verification.verificationCode) : null;
    return pageOrJson(request, reply, verification, () => verificationPage(issuer!, toVerificationPageView(verification)));
  }
}
