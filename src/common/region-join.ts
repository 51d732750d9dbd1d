import type { JoinColumnOptions } from 'typeorm';

/**
 * The join columns of a reference to another row of the same region: `(region_id, <column>) →
 * (region_id, id)`. Tenant tables refer to each other this way so that the database itself keeps a
 * row in the region of what it points at (and these are the keys Citus co-locates by, SCALING.md).
 */
export function sameRegion(foreignKeyConstraintName: string, column: string): JoinColumnOptions[] {
  return [
    { name: 'region_id', referencedColumnName: 'regionId', foreignKeyConstraintName },
    { name: column, referencedColumnName: 'id' },
  ];
}
