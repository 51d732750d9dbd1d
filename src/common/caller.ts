import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';

/**
 * Who is calling, resolved once per request by the auth guard and passed explicitly
 * into services, which apply tenancy with the helpers in scope.ts.
 */
export interface Caller {
  userId: string;
  email: string;
  role: Role;
  /** The region the user is bound to (for AGENCY_REP: its agency's region); null for ADMIN. */
  regionId: string | null;
  agencyId: string | null;
  /** Regions within reach: the bound region and, for a province, its regencies and cities. Null: every region. */
  regionIds: string[] | null;
  requestId: string;
}

export const IS_PUBLIC = 'netralitas:public';
export const ROLES_KEY = 'netralitas:roles';

/** Marks a route reachable without a token (login, RSVP by token, verification, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to the listed roles (403 for the others). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Injects the Caller resolved by the auth guard. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
