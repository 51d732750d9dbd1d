/**
 * Signing in to the report page from a browser. The API takes bearer tokens, which a link opened
 * in a browser cannot carry; so the page's own form signs in (same checks and throttling as
 * `POST /auth/login`) and the answer sets a cookie holding a token that:
 * - reads reports only: it carries `scope: "reports:view"`, which the API's guard refuses as a
 *   bearer token, and only the page routes under REPORT_VIEW_PATH read it;
 * - lives half an hour (REPORT_SESSION_SECONDS), and stops working at once when the user is
 *   deactivated or changes password (the user is re-read on every request, as for bearer tokens);
 * - is HttpOnly (no script reads it), SameSite=Strict (no other site's page or form sends it,
 *   which is the CSRF defence: the only POSTs under the path sign in and out), Secure when the
 *   request came over HTTPS, and path-limited to REPORT_VIEW_PATH.
 */
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { LoginDto } from '../auth/dto/auth.dto.js';
import { type AccessTokenPayload, findCaller } from '../common/auth.guard.js';
import type { Caller } from '../common/caller.js';
import { ForbiddenError } from '../common/errors.js';
import type { Role } from '../common/roles.js';
import { API_PREFIX } from '../config/config.js';

export const REPORT_VIEW_PATH = `/${API_PREFIX}/reports/coverage/view`;
export const REPORT_SESSION_COOKIE = 'netralitas_laporan';
export const REPORT_SESSION_SCOPE = 'reports:view';
export const REPORT_SESSION_SECONDS = 30 * 60;
/** Who reads coverage reports (as GET /reports/coverage): not the door staff. */
export const REPORT_READERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'VIEWER', 'AGENCY_REP'];

@Injectable()
export class ReportSessions {
  constructor(
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Checks the email and password as the API's login does (a wrong one throws UnauthorizedError,
   * too many TooManyRequestsError), refuses a role that reads no reports (ForbiddenError), and
   * sets the session cookie.
   */
  async signIn(credentials: LoginDto, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const login = await this.auth.login(credentials, request.ip);
    if (!REPORT_READERS.includes(login.user.role)) throw new ForbiddenError(`The ${login.user.role} role reads no coverage reports`);
    // The fresh access token names the user and its token version; the cookie gets a narrower copy.
    const { sub, role, ver } = this.jwt.decode<AccessTokenPayload>(login.accessToken);
    const payload: AccessTokenPayload = { sub, role, ver, scope: REPORT_SESSION_SCOPE };
    const token = await this.jwt.signAsync(payload, { expiresIn: REPORT_SESSION_SECONDS });
    void reply.header('set-cookie', sessionCookie(token, REPORT_SESSION_SECONDS, request));
  }

  signOut(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('set-cookie', sessionCookie('', 0, request));
  }

  /**
   * The caller of the request's session cookie, who must still read reports (a role changed
   * since signing in: ForbiddenError); null without a cookie, or when it expired or was revoked.
   */
  async readerOf(request: FastifyRequest): Promise<Caller | null> {
    const caller = await this.callerOf(request);
    if (caller && !REPORT_READERS.includes(caller.role)) throw new ForbiddenError(`The ${caller.role} role reads no coverage reports`);
    return caller;
  }

  /** The caller of the request's session cookie; null without one, or when it expired or was revoked. */
  async callerOf(request: FastifyRequest): Promise<Caller | null> {
    const token = parseCookie(request.headers.cookie ?? '')[REPORT_SESSION_COOKIE];
    if (!token) return null;
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      return null;
    }
    // Only a token made for this page: an API access token pasted into the cookie is not one.
    if (payload.scope !== REPORT_SESSION_SCOPE) return null;
    return findCaller(this.dataSource, payload, String(request.id));
  }
}

function sessionCookie(value: string, maxAge: number, request: FastifyRequest): string {
  return stringifySetCookie({
    name: REPORT_SESSION_COOKIE,
    value,
    path: REPORT_VIEW_PATH,
    maxAge,
    httpOnly: true,
    sameSite: 'strict',
    // Over plain HTTP (local use, tests) a Secure cookie would never be sent back.
    secure: request.protocol === 'https',
  });
}
