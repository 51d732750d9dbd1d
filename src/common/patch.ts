/**
 * The part of a PATCH that changes the stored record: the fields given (not undefined) whose value
 * differs from the current one. Services write, bump `updatedAt` and record an audit entry only
 * when this is not empty, so an empty or repeated PATCH changes nothing and answers the record.
 */
export function changedFields<T extends object>(current: T, patch: { [K in keyof T]?: T[K] }): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) {
    const value = patch[key];
    if (value !== undefined && !sameValue(current[key], value)) changes[key] = value;
  }
  return changes;
}

export function hasChanges(changes: object): boolean {
  return Object.keys(changes).length > 0;
}

/** Dates by instant, arrays and objects (an embedded headcount, topics) by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}
