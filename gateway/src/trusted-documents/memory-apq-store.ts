import type { ApqStore } from './apq-store.js';

export interface MemoryApqStoreOptions {
  /** The entries' text is kept under this many bytes (UTF-8); the least recently used go first. */
  maxBytes: number;
  /** An entry unused this long is gone, as in Redis. */
  ttlSeconds: number;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

interface Entry {
  source: string;
  bytes: number;
  expiresAt: number;
}

/** A bounded LRU of registered documents in this process; each use renews an entry's TTL. */
export class MemoryApqStore implements ApqStore {
  readonly kind = 'memory' as const;
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: MemoryApqStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  async get(id: string): Promise<string | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= this.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    entry.expiresAt = this.expiry();
    this.entries.set(id, entry);
    return entry.source;
  }

  async set(id: string, source: string): Promise<void> {
    const bytes = Buffer.byteLength(source, 'utf8');
    const previous = this.entries.get(id);
    if (previous) {
      this.entries.delete(id);
      this.bytes -= previous.bytes;
    }
    if (bytes > this.options.maxBytes) return;
    this.entries.set(id, { source, bytes, expiresAt: this.expiry() });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }

  private expiry(): number {
    return this.now() + this.options.ttlSeconds * 1000;
  }
}
