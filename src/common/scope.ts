import type { Caller } from './caller.js';
import { NotFoundError, ValidationError } from './errors.js';

/**
 * Tenancy rules in one place. Anything outside the caller's reach answers 404, exactly
 * like a record that does not exist, so nothing reveals another tenant's data.
 */
export function canReachRegion(caller: Caller, regionId: string | null | undefined): boolean {
  if (caller.regionIds === null) return true;
  return regionId != null && caller.regionIds.includes(regionId);
}

/** Throws 404 for `entity id` when its region is out of reach. */
export function assertRegionReachable(caller: Caller, regionId: string | null | undefined, entity: string, id?: string): void {
  if (!canReachRegion(caller, regionId)) throw new NotFoundError(entity, id);
}

/**
 * The region a write applies to. Omitted, it means the caller's own region when that is a
 * single regency or city; a national or province-wide caller must name one.
 */
export function targetRegionId(caller: Caller, requested: string | undefined, field = 'regionId'): string {
  if (requested) {
    assertRegionReachable(caller, requested, 'Region', requested);
    return requested;
  }
  if (caller.regionIds?.length === 1 && caller.regionId) return caller.regionId;
  throw ValidationError.field(field, `${field} is required for a caller who covers more than one region`);
}

/**
 * Region ids a list may return: the requested one (404 when out of reach), or every
 * region in reach; null means no restriction (ADMIN without a filter).
 */
export function listRegionIds(caller: Caller, requested?: string): string[] | null {
  if (requested) {
    assertRegionReachable(caller, requested, 'Region', requested);
    return [requested];
  }
  return caller.regionIds;
}

/**
 * An agency's own records (the agency, its people): within the caller's regions, and for an
 * AGENCY_REP only its own agency. Like any other boundary, the others answer 404.
 */
export function canReachAgency(caller: Caller, agency: { id: string; regionId: string }): boolean {
  return canReachRegion(caller, agency.regionId) && (caller.role !== 'AGENCY_REP' || caller.agencyId === agency.id);
}
