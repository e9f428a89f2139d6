/**
 * The catalog tells whoever keeps copies of its public data (the gateway's response cache) that
 * the data changed: after a reseed (`npm run seed -- --scale N`) and on every start, since a
 * start may have migrated or reseeded it.
 */
export const CATALOG_CHANGED_STREAM = 'catalog-changed';

export interface CatalogChangedEvent {
  /** started: the catalog (re)started, perhaps migrated or reseeded; seeded: reseeded by command. */
  reason: 'started' | 'seeded';
  /** The seed's scale, for `seeded`. */
  scale?: number;
  at: string;
}
