import 'reflect-metadata';
import { getMetadataArgsStorage } from 'typeorm';
import { entities } from '../database/data-source.js';
import { reachOf } from './scope.js';

/** Reference data: national tables every caller reads, without a region. */
const REFERENCE_DATA = new Set(['Election', 'PledgeTemplate']);

describe('tenant tables', () => {
  const columns = getMetadataArgsStorage().columns;
  const hasColumn = (entity: object, property: string) => columns.some((column) => column.target === entity && column.propertyName === property);

  it.each(entities.map((entity) => [entity.name, entity] as const))('%s is either reference data or declares how a caller reaches it', (name, entity) => {
    const reach = reachOf(entity);
    if (REFERENCE_DATA.has(name)) {
      expect(reach).toBeUndefined();
      expect(hasColumn(entity, 'regionId')).toBe(false);
      return;
    }
    // Without a declaration, findInReach/withinReach refuse the table instead of leaving it open.
    expect(reach).toBeDefined();
    expect(hasColumn(entity, reach!.region) || reach!.region === 'id').toBe(true);
    if (reach!.agency) expect(hasColumn(entity, reach!.agency) || reach!.agency === 'id').toBe(true);
  });
});
