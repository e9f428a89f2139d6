/**
 * Hands out answer entities so that no two places of the result share one object. Both
 * executors merge later fetches into the objects a fetch returned, in place, and copy nested
 * objects by reference: an entity given to two places (two aliases of one entity, one list
 * holding it twice, two fetches of a batch asking the same thing) would then carry both places'
 * nested selections, and one alias would read the other's values. The first taker gets the
 * object itself; every further taker a deep copy (answers are plain JSON).
 */
export class OwnCopies {
  private readonly taken = new Set<unknown>();

  take<T>(entity: T): T {
    if (entity === null || typeof entity !== 'object') return entity;
    if (!this.taken.has(entity)) {
      this.taken.add(entity);
      return entity;
    }
    return copyJson(entity);
  }
}

/**
 * A deep copy of parsed JSON (objects, arrays, strings, numbers, booleans, null), keys in their
 * order. Several times cheaper than `structuredClone`, which serialises and deserialises through
 * V8's value serializer (on the deep benchmark query the clones were ~3 % of the gateway's busy
 * time, and their garbage more). A key `__proto__` (JSON.parse makes it an own property) stays
 * an own property, never the copy's prototype.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyJson(value[i]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = copyJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}
