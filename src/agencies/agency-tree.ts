import type { EntityManager } from 'typeorm';

/**
 * Of the proposed (agency → parent) links, the agencies that would become their own ancestor:
 * a kelurahan under a kecamatan under that same kelurahan. Walks up from each proposed parent;
 * UNION (not UNION ALL) stops the walk even on a cycle already in the data.
 */
export async function findParentCycles(manager: EntityManager, links: Array<{ agencyId: string; parentId: string }>): Promise<Set<string>> {
  if (links.length === 0) return new Set();
  const rows = (await manager.query(
    `WITH RECURSIVE chain (agency_id, ancestor_id) AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[])
       UNION
       SELECT c.agency_id, a.parent_agency_id
         FROM chain c JOIN agencies a ON a.id = c.ancestor_id
        WHERE a.parent_agency_id IS NOT NULL
     )
     SELECT DISTINCT agency_id FROM chain WHERE ancestor_id = agency_id`,
    [links.map((link) => link.agencyId), links.map((link) => link.parentId)],
  )) as Array<{ agency_id: string }>;
  return new Set(rows.map((row) => row.agency_id));
}
