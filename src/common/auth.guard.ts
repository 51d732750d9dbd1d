import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { Role } from './roles.js';
import { type Caller, IS_PUBLIC, ROLES_KEY } from './caller.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  /** The user's token version at issue (see User.tokenVersion). */
  ver: number;
  /**
   * Set on narrower tokens that open one part of the app only, such as the report page's
   * cookie (`reports:view`, src/reports/report-session.ts). Such a token is never a bearer token.
   */
  scope?: string;
}

/**
 * `Authorization: Bearer <jwt>`: the scheme (any case), one space, and a token of three base64url
 * parts. Anything else — another scheme, extra spaces, a second token — is refused, not guessed at.
 */
const BEARER = /^bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i;

interface CallerRow {
  id: string;
  email: string;
  role: Role;
  region_id: string | null;
  agency_id: string | null;
  active: boolean;
  region_ids: string[] | null;
}

/**
 * Every route needs a valid token unless marked @Public(). The user is re-read on each
 * request (one indexed query) so that deactivation and role changes apply at once, the token's
 * version is checked against the user's (a password change or a deactivation revokes earlier
 * tokens), and the regions within the caller's reach are resolved here, once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const caller = await this.resolveCaller(request);
    request.caller = caller;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(caller.role)) {
      throw new ForbiddenError(`This action is not available to the ${caller.role} role`);
    }
    return true;
  }

  private async resolveCaller(request: FastifyRequest): Promise<Caller> {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedError('A Bearer access token is required: Authorization: Bearer <accessToken>');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new UnauthorizedError('The access token is invalid or has expired');
    }
    if (typeof payload.sub !== 'string' || !Number.isInteger(payload.ver)) throw new UnauthorizedError('The access token is invalid or has expired');
    // A scoped token (the report page's cookie) opens its own pages only, never the API.
    if (payload.scope !== undefined) throw new UnauthorizedError('The access token is invalid or has expired');
    const caller = await findCaller(this.dataSource, payload, String(request.id));
    // No caller: an unknown user, or a token issued before the password changed or the account was deactivated.
    if (!caller) throw new UnauthorizedError('The account is unknown or deactivated, or the token was revoked; log in again');
    return caller;
  }
}

/**
 * The caller a verified token stands for, re-read from the database (one indexed query): null
 * when the user is unknown or deactivated or the token's version is not the user's any more.
 * Also used by the report page, which reads its token from a cookie.
 */
export async function findCaller(dataSource: DataSource, payload: AccessTokenPayload, requestId: string): Promise<Caller | null> {
  if (typeof payload.sub !== 'string' || !Number.isInteger(payload.ver)) return null;
  const [row] = (await dataSource.query(
    `SELECT u.id, u.email, u.role, u.region_id, u.agency_id, u.active,
            CASE
              WHEN u.region_id IS NULL THEN NULL
              WHEN u.role = 'AGENCY_REP' THEN ARRAY[u.region_id]
              ELSE ARRAY(SELECT r.id FROM regions r WHERE r.id = u.region_id OR r.parent_id = u.region_id)
            END AS region_ids
       FROM users u
      WHERE u.id = $1 AND u.token_version = $2`,
    [payload.sub, payload.ver],
  )) as CallerRow[];
  if (!row || !row.active) return null;
  return {
    userId: row.id,
    email: row.email,
    role: row.role,
    regionId: row.region_id,
    agencyId: row.agency_id,
    regionIds: row.region_ids,
    requestId,
  };
}
