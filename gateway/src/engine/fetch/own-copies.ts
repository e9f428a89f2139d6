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
    return structuredClone(entity);
  }
}
