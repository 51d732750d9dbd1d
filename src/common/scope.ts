import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from './caller.js';
import { NotFoundError, ValidationError } from './errors.js';

/**
 * Tenancy in one place (DESIGN §1, invariant 1). A tenant row is fetched only through this
 * module, and the caller's reach is a parameter of the query itself:
 *
 *     region_id = ANY($reach)            every role but ADMIN
 *     AND agency_id = $ownAgency         an AGENCY_REP, on rows its agency owns
 *
 * A row outside the reach is simply not found: the answer is the same 404 as for an id that
 * does not exist, and nothing is loaded into memory to be checked afterwards.
 *
 * Each tenant entity declares where its region (and, when it has one, its owning agency) is
 * kept with `@TenantTable`; `findInReach` fetches one row, `withinReach` narrows a list.
 */

interface Reach {
  /** Named in the 404: "Agency 5d3e… was not found". */
  label: string;
  /** The property holding the row's region (for regions themselves: `id`). */
  region: string;
  /** The property holding the agency that owns the row; an AGENCY_REP reaches only its own agency's rows. */
  agency?: string;
}

const REACH = Symbol('netralitas:reach');

/**
 * Declares a tenant entity: the property that holds its region and, for rows an agency owns,
 * the property that holds the agency (`'id'` on agencies themselves).
 */
export function TenantTable(reach: { region: string; agency?: string; label?: string }): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(REACH, { label: target.name, ...reach } satisfies Reach, target);
  };
}

/** The declared reach of a tenant entity; undefined for reference data (elections, templates). */
export function reachOf(entity: unknown): Reach | undefined {
  return typeof entity === 'function' ? (Reflect.getMetadata(REACH, entity) as Reach | undefined) : undefined;
}

function declaredReach(qb: SelectQueryBuilder<ObjectLiteral>): Reach {
  const target = qb.expressionMap.mainAlias?.target;
  const reach = reachOf(target);
  if (!reach) throw new Error(`${String((target as { name?: string })?.name ?? target)} is not declared with @TenantTable`);
  return reach;
}

/**
 * Narrows a query on a tenant table to the caller's reach. With `regionId` (a list filtered to
 * one region), also to that region — a region outside the reach answers 404, like any other.
 */
export function withinReach<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, filter: { regionId?: string } = {}): SelectQueryBuilder<T> {
  const reach = declaredReach(qb);
  const column = (property: string) => `${qb.alias}.${property}`;
  if (filter.regionId !== undefined) {
    if (!canReachRegion(caller, filter.regionId)) throw new NotFoundError('Region', filter.regionId);
    qb.andWhere(`${column(reach.region)} = :reachRegionId`, { reachRegionId: filter.regionId });
  }
  const { regionIds, agency } = reachLimits(caller, reach);
  if (regionIds) qb.andWhere(`${column(reach.region)} = ANY(:reachRegionIds)`, { reachRegionIds: regionIds });
  if (agency) qb.andWhere(`${column(agency.property)} = :reachAgencyId`, { reachAgencyId: agency.id });
  return qb;
}

/** What narrows a caller's rows: the regions within reach (all when absent), and for an AGENCY_REP its own agency. */
function reachLimits(caller: Caller, reach: Reach): { regionIds?: string[]; agency?: { property: string; id: string | null } } {
  return {
    regionIds: caller.regionIds ?? undefined,
    agency: caller.role === 'AGENCY_REP' && reach.agency ? { property: reach.agency, id: caller.agencyId } : undefined,
  };
}

/**
 * withinReach for a statement written in SQL (a CTE that reads and writes in one round trip): the
 * same conditions on `alias`, as SQL with positional parameters from `$firstParam` on. Empty
 * (`true`) for a caller who reaches every region.
 */
export function reachCondition(manager: EntityManager, caller: Caller, entity: EntityTarget<ObjectLiteral>, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  const reach = reachOf(entity);
  if (!reach) throw new Error(`${String((entity as { name?: string }).name ?? entity)} is not declared with @TenantTable`);
  const metadata = manager.connection.getMetadata(entity);
  const column = (property: string) => `${alias}.${metadata.findColumnWithPropertyName(property)!.databaseName}`;
  const { regionIds, agency } = reachLimits(caller, reach);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (regionIds) conditions.push(`${column(reach.region)} = ANY($${firstParam + params.push(regionIds) - 1}::uuid[])`);
  if (agency) conditions.push(`${column(agency.property)} = $${firstParam + params.push(agency.id) - 1}::uuid`);
  return { sql: conditions.length > 0 ? conditions.join(' AND ') : 'true', params };
}

/**
 * The one row of `qb` (a query on a tenant table, joins and extra conditions allowed) with this
 * id within the caller's reach, or 404. `lock` takes a row lock on the main table for the rest
 * of the transaction (FOR NO KEY UPDATE: writers of the row queue, rows that merely reference it
 * are not blocked).
 */
export async function oneInReach<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, id: string, options: { lock?: boolean } = {}): Promise<T> {
  withinReach(qb.andWhere(`${qb.alias}.id = :reachId`, { reachId: id }), caller);
  if (options.lock) qb.setLock('for_no_key_update', undefined, [qb.alias]);
  const row = await qb.getOne();
  if (!row) throw new NotFoundError(declaredReach(qb).label, id);
  return row;
}

/** One row of a tenant table within the caller's reach, or 404. */
export function findInReach<T extends ObjectLiteral>(
  manager: EntityManager,
  caller: Caller,
  entity: EntityTarget<T>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  return oneInReach(manager.createQueryBuilder(entity, 't'), caller, id, options);
}

/** Whether the caller reaches this region: its reach is a list of region ids, or every region. */
function canReachRegion(caller: Caller, regionId: string): boolean {
  return caller.regionIds === null || caller.regionIds.includes(regionId);
}

/**
 * The region a create or an import applies to. Omitted, it means the caller's own region when
 * that is a single regency or city; a national or province-wide caller must name one. The
 * region row itself is then fetched with `findInReach`, which settles the reach in SQL.
 */
export function targetRegionId(caller: Caller, requested: string | undefined, field = 'regionId'): string {
  if (requested) return requested;
  if (caller.regionIds?.length === 1 && caller.regionId) return caller.regionId;
  throw ValidationError.field(field, `${field} is required for a caller who covers more than one region`);
}
