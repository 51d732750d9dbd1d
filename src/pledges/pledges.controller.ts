import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { ChainVerificationResponse, CreatePledgeDto, PledgeQuery, PledgeResponse } from './dto/pledge.dto.js';
import { PledgeVerificationService } from './pledge-verification.service.js';
import { PledgesService } from './pledges.service.js';

export const SIGNING_CONFLICTS =
  'The pledge cannot be signed: the person signed it already (pledge-exists, with `pledgeId` and `verificationCode`); is not checked in at the ' +
  'event (not-checked-in); may not sign for the agency (not-agency-head); the template is retired (template-inactive)';

/**
 * Pledges (DESIGN §2, §4). Signed at the venue by ADMIN, ORGANIZER or CHECKIN (a tablet at the
 * door) of the region, or by an agency's AGENCY_REP for its own people; read by those who follow
 * the region (VIEWER too). The scoped lookup narrows every id to the caller's reach.
 */
@ApiTags('pledges')
@Controller()
export class PledgesController {
  constructor(
    private readonly pledges: PledgesService,
    private readonly verification: PledgeVerificationService,
  ) {}

  @Post('pledges')
  @ApiOperation({
    operationId: 'signPledge',
    summary: 'Sign a pledge',
    description:
      'SELF by a person checked in at the event (or outside any event), or ON_BEHALF_OF_AGENCY by the agency’s head or its delegate at the event. ' +
      'The typed name must be the person’s (titles, case and spaces aside); consent must be true.',
  })
  @Roles('ADMIN', 'ORGANIZER', 'CHECKIN', 'AGENCY_REP')
  @ApiCreatedResponse({ type: PledgeResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, SIGNING_CONFLICTS)
  sign(@CurrentCaller() caller: Caller, @Body() dto: CreatePledgeDto) {
    return this.pledges.sign(caller, dto);
  }

  @Get('pledges')
  @ApiOperation({ operationId: 'listPledges', summary: 'List pledges', description: 'Within the caller’s reach, newest first.' })
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP')
  @ApiPage(PledgeResponse)
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @Query() query: PledgeQuery) {
    return this.pledges.list(caller, query);
  }

  @Get('pledges/:id')
  @ApiOperation({ operationId: 'getPledge', summary: 'Get a pledge' })
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP')
  @ApiOkResponse({ type: PledgeResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.pledges.get(caller, id);
  }

  @Get('regions/:id/pledge-chain/verify')
  @ApiOperation({
    operationId: 'verifyPledgeChain',
    summary: 'Verify a region’s pledge chain',
    description: 'Recomputes every link of the chain; reports the first whose hash or link to the previous one does not hold.',
  })
  @Roles('ADMIN', 'ORGANIZER', 'VIEWER')
  @ApiOkResponse({ type: ChainVerificationResponse })
  @ApiProblems(400, 401, 403, 404)
  verifyChain(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.verification.verifyChain(caller, id);
  }
}
