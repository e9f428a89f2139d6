/** One cached answer: the data, and the generation of every department it was read from. */
export interface CachedResponse {
  data: Record<string, unknown>;
  /** Department (subgraph) name → its generation when the answer's request started. */
  generations: Record<string, number>;
  /** Epoch ms. */
  storedAt: number;
}

export interface CacheLookup {
  entry: CachedResponse | null;
  /** The current generation of each tag asked for (0 when never invalidated). */
  generations: Record<string, number>;
}

/**
 * Where answers live: Redis (every gateway process shares them) or this process's memory.
 * Invalidation raises a department's generation instead of finding its entries: an entry whose
 * recorded generation is behind is stale, and an answer computed while an invalidation ran is
 * stored with the generation from before it, so it is never served.
 */
export interface ResponseCacheStore {
  readonly kind: 'memory' | 'redis';
  /** The entry under `key` (if any) and the current generations of `tags`, read together. */
  lookup(key: string, tags: readonly string[]): Promise<CacheLookup>;
  save(key: string, entry: CachedResponse, ttlMs: number): Promise<void>;
  /** Makes every entry read from any of `tags` stale. */
  invalidate(tags: readonly string[]): Promise<void>;
  /**
   * Since when (epoch ms) this cache has held answers: a change reported as older cannot have
   * made any of them stale. This process's start in memory; the first gateway's in Redis.
   */
  since(): Promise<number>;
  close(): Promise<void>;
}

/** Whether every department the entry was read from is still at the generation it recorded. */
export function isCurrent(entry: CachedResponse, generations: Readonly<Record<string, number>>): boolean {
  return Object.entries(entry.generations).every(([tag, generation]) => generations[tag] === generation);
}

interface MemoryEntry {
  json: string;
  expiresAt: number;
}

/**
 * The cache in this process, without Redis: least recently used entries go first once the
 * entries' JSON passes `maxBytes` (counted as UTF-16 length, close enough for a budget).
 */
export function createMemoryResponseCacheStore(options: { maxBytes: number; now?: () => number }): ResponseCacheStore & { size(): number } {
  const now = options.now ?? Date.now;
  const entries = new Map<string, MemoryEntry>();
  const generations = new Map<string, number>();
  const created = now();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.json.length + key.length;
    entries.delete(key);
  };

  return {
    kind: 'memory',
    async lookup(key, tags) {
      const current = Object.fromEntries(tags.map((tag) => [tag, generations.get(tag) ?? 0]));
      const entry = entries.get(key);
      if (!entry) return { entry: null, generations: current };
      if (entry.expiresAt <= now()) {
        remove(key);
        return { entry: null, generations: current };
      }
      // Most recently used last: Map keeps insertion order.
      entries.delete(key);
      entries.set(key, entry);
      return { entry: JSON.parse(entry.json) as CachedResponse, generations: current };
    },
    async save(key, entry, ttlMs) {
      const json = JSON.stringify(entry);
      // One answer may not take more than an eighth of the budget.
      if ((json.length + key.length) * 8 > options.maxBytes) return;
      remove(key);
      entries.set(key, { json, expiresAt: now() + ttlMs });
      bytes += json.length + key.length;
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        remove(oldest);
      }
    },
    async invalidate(tags) {
      for (const tag of tags) generations.set(tag, (generations.get(tag) ?? 0) + 1);
    },
    async since() {
      return created;
    },
    async close() {
      entries.clear();
      bytes = 0;
    },
    size: () => entries.size,
  };
}
