/**
 * The five roles of DESIGN §1. Owned here, beside the guard and the tenancy rules that read
 * them, so that `common/` depends on no feature.
 */
export const ROLES = ['ADMIN', 'ORGANIZER', 'AGENCY_REP', 'VIEWER', 'CHECKIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles bound to a region; AGENCY_REP is bound to an agency (and carries that agency's region). */
export const REGION_BOUND_ROLES: readonly Role[] = ['ORGANIZER', 'VIEWER', 'CHECKIN'];
