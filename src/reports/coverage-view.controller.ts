import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiResponse, ApiTags, getSchemaPath, OmitType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginDto } from '../auth/dto/auth.dto.js';
import { type Caller, Public } from '../common/caller.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../common/errors.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { validateInput } from '../common/validation.js';
import { type FormErrors, formErrors } from '../pages/forms.js';
import { PageErrorFilter, sendPage } from '../pages/page-response.js';
import { OfficeService } from '../regions/office.service.js';
import { coveragePage, type ReaderReach, type ReportFilters, regionListLinks, regionListPage, reportLinks, signInPage, withFilters } from './coverage-page.js';
import { CoverageQuery, CoverageReport } from './dto/coverage-report.dto.js';
import { REPORT_VIEW_PATH, ReportSessions } from './report-session.js';
import { onlyRegionOf, ReportsService } from './reports.service.js';

/**
 * The page's address: the JSON report's filters without the format (the page is HTML), and the
 * parent of a list of regions.
 */
export class CoverageViewQuery extends OmitType(CoverageQuery, ['format'] as const) {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Without regionId: the region whose regions are listed (as parentId of GET /reports/coverage/regions). ' +
      'Omitted, a user who reaches several regions gets its own list (ADMIN: the provinces); not with regionId',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}

const SIGN_IN_MESSAGES = { email: 'Tulis alamat email akun Anda, misalnya nama@batukota.go.id.', password: 'Tulis kata sandi Anda.' };
const WRONG_PASSWORD: FormErrors = { password: 'Email atau kata sandi salah, atau akun tidak aktif.' };
const NOT_A_READER: FormErrors = { email: 'Akun ini tidak dapat membuka laporan cakupan. Gunakan akun Kesbangpol, pimpinan daerah atau instansi.' };
const TOO_MANY: FormErrors = { password: 'Terlalu banyak percobaan yang gagal. Tunggu beberapa menit, lalu coba lagi.' };

/**
 * The report page for people (DESIGN §4, pages): a sign-in form, then the coverage report with
 * its charts and downloads — first, for a user who reaches several regions, the list of them.
 * These routes read the page's session cookie (report-session.ts) instead of a bearer token; the
 * JSON API never reads it. The report, the list and the downloads are the same as
 * `GET /reports/coverage` and `/regions` give the signed-in user, with the same role limits.
 */
@ApiTags('reports')
@Public()
@UseFilters(PageErrorFilter)
@Controller('reports/coverage/view')
export class CoverageViewController {
  constructor(
    private readonly sessions: ReportSessions,
    private readonly reports: ReportsService,
    private readonly offices: OfficeService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'viewCoverageReport',
    summary: 'Open the coverage report page (HTML, for browsers)',
    description:
      'Without the page\'s session cookie: its sign-in form. With it: the coverage report of the region (the same figures as GET /reports/coverage for the signed-in user) ' +
      'with the totals, a chart by agency category, every agency coloured by stage, the gaps and download links. ' +
      'Without regionId, a user of one regency or city (or an AGENCY_REP) gets its region\'s report; a user who reaches several regions (ADMIN, a province\'s users) ' +
      'gets the list of its regions with their totals (those of GET /reports/coverage/regions), each linking to its report; parentId lists the regions of another parent in reach. ' +
      'Bearer tokens are not read here.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The report page, the list of regions, or the sign-in form', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblem(400, 'Invalid input (the field is named), or both regionId and parentId')
  @ApiProblem(403, 'The account reads no coverage reports any more, or (parentId) an AGENCY_REP, which reads its own agency only')
  @ApiProblems(404)
  async view(@Query() query: CoverageViewQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (query.regionId && query.parentId) throw ValidationError.field('parentId', 'parentId lists regions: give either regionId (a report) or parentId, not both');
    const filters = filtersOf(query);
    const caller = await this.sessions.readerOf(request);
    if (!caller) return sendPage(reply, signInPage(filters, {}, {}));
    const reach = readerReach(caller);
    if (!query.regionId && (query.parentId || reach.several)) {
      const rollup = await this.reports.rollup(caller, { parentId: query.parentId, from: query.from, to: query.to, electionId: query.electionId });
      const issuer = rollup.parent ? await this.offices.issuer(rollup.parent.id) : undefined;
      return sendPage(reply, regionListPage(rollup, issuer, filters, regionListLinks(rollup, reach, filters)));
    }
    const report = await this.reports.coverage(caller, { ...query, format: 'json' });
    const issuer = await this.offices.issuer(report.region.id);
    return sendPage(reply, coveragePage(report, issuer, filters, reportLinks(report.region, reach, filters)));
  }

  @Post('session')
  @HttpCode(303)
  @ApiOperation({
    operationId: 'signInToCoverageReportPage',
    summary: 'Sign in on the coverage report page (its form)',
    description:
      'Checks the email and password as POST /auth/login does (same throttling), then sets the page\'s session cookie (HttpOnly, SameSite=Strict, path-limited, 30 minutes, ' +
      'reads reports only) and redirects (303) to the report page with the same filters. A wrong password shows the form again with the error next to the field.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: LoginDto })
  @ApiProduces('text/html')
  @ApiResponse({ status: 303, description: 'Signed in: the cookie is set; Location is the report page' })
  @ApiProblem(400, 'The form again, with the field in error named')
  @ApiProblem(401, 'The form again: wrong email or password, or a deactivated account')
  @ApiProblem(403, 'The form again: the account reads no coverage reports (CHECKIN)')
  @ApiProblem(429, 'The form again: too many failed sign-ins')
  async signIn(@Query() query: CoverageViewQuery, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const filters = filtersOf(query);
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const typedEmail = typeof fields.email === 'string' ? fields.email : undefined;
    const { value, errors } = validateInput(LoginDto, fields);
    if (errors.length > 0) return sendPage(reply, signInPage(filters, { email: typedEmail }, formErrors(errors, SIGN_IN_MESSAGES)), 400);
    try {
      await this.sessions.signIn(value, request, reply);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      if (error instanceof TooManyRequestsError) void reply.headers(error.headers);
      return sendPage(reply, signInPage(filters, { email: typedEmail }, refused.errors), refused.status);
    }
    void reply.header('location', withFilters(REPORT_VIEW_PATH, filters)).header('cache-control', 'no-store');
    return '';
  }

  @Post('sign-out')
  @HttpCode(303)
  @ApiOperation({ operationId: 'signOutOfCoverageReportPage', summary: 'Sign out of the coverage report page', description: 'Clears the page\'s session cookie and redirects (303) to the sign-in form.' })
  @ApiResponse({ status: 303, description: 'Signed out; Location is the report page (its sign-in form)' })
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    this.sessions.signOut(request, reply);
    void reply.header('location', REPORT_VIEW_PATH);
    return '';
  }

  @Get('download')
  @ApiCookieAuth('reportSession')
  @ApiOperation({
    operationId: 'downloadCoverageReportFromPage',
    summary: "Download the coverage report with the page's session (PDF, XLSX, CSV or JSON)",
    description: 'The links of the report page: the same files as GET /reports/coverage?format=…, authorised by the page\'s session cookie instead of a bearer token.',
  })
  @ApiExtraModels(CoverageReport)
  @ApiOkResponse({
    description: 'The report as an attachment (or JSON for format=json)',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
      'application/json': { schema: { $ref: getSchemaPath(CoverageReport) } },
    },
  })
  @ApiProblem(401, 'No session cookie of the report page (sign in on the page first), or it expired or was revoked')
  @ApiProblems(400, 403, 404)
  async download(@Query() query: CoverageQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const caller = await this.sessions.readerOf(request);
    if (!caller) throw new UnauthorizedError('Sign in on the report page first: its download links are authorised by the page\'s session cookie');
    void reply.header('cache-control', 'private, no-store');
    if (query.format === 'json') return this.reports.coverage(caller, query);
    const file = await this.reports.coverageFile(caller, query);
    void reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.filename));
    return file.body;
  }
}

function filtersOf(query: CoverageViewQuery): ReportFilters {
  return { regionId: query.regionId, parentId: query.parentId, from: query.from, to: query.to, electionId: query.electionId };
}

function readerReach(caller: Caller): ReaderReach {
  return { several: onlyRegionOf(caller) === null, nationwide: caller.regionIds === null };
}

/** How the form answers a refused sign-in: the message next to the field, and the status of the API's login. */
function refusal(error: unknown): { status: number; errors: FormErrors } | null {
  if (error instanceof UnauthorizedError) return { status: 401, errors: WRONG_PASSWORD };
  if (error instanceof ForbiddenError) return { status: 403, errors: NOT_A_READER };
  if (error instanceof TooManyRequestsError) return { status: 429, errors: TOO_MANY };
  return null;
}
