import type { Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import { MemoryApqStore } from './memory-apq-store.js';
import { createRedisApqStore } from './redis-apq-store.js';

/**
 * Where automatic persisted queries live: document id (SHA-256 of the text) → document text.
 * Entries are content-addressed, so any copy of one is as good as another.
 */
export interface ApqStore {
  readonly kind: 'memory' | 'redis';
  /** The document registered under `id`, or undefined; never throws. */
  get(id: string): Promise<string | undefined>;
  /** Registers a document whose id was checked; never throws. */
  set(id: string, source: string): Promise<void>;
  close(): Promise<void>;
}

export interface CreateApqStoreOptions {
  /** REDIS_URL: every gateway on the prefix shares the entries. */
  redisUrl?: string | undefined;
  /** REDIS_KEY_PREFIX: keys are `<prefix>apq:<id>`. */
  prefix: string;
  ttlSeconds: number;
  /** Bound of this process's LRU (the store without Redis, a near cache and fallback with it). */
  memoryBytes: number;
  log: Logger;
}

/** Redis (with a local LRU in front, and behind when Redis is down) when REDIS_URL is set; memory otherwise. */
export function createApqStore(options: CreateApqStoreOptions): ApqStore {
  const memory = new MemoryApqStore({ maxBytes: options.memoryBytes, ttlSeconds: options.ttlSeconds });
  if (!options.redisUrl) return memory;
  return createRedisApqStore({ url: options.redisUrl, prefix: options.prefix, ttlSeconds: options.ttlSeconds, memory, log: options.log });
}

/** The store the config asks for, or undefined when nothing is registered (production, mode `only` or `off`). */
export function apqStoreFor(config: GatewayConfig, log: Logger): ApqStore | undefined {
  const settings = config.trustedDocuments;
  if (!settings.apqRegistration) return undefined;
  return createApqStore({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    ttlSeconds: settings.apqTtlSeconds,
    memoryBytes: settings.apqMemoryBytes,
    log: log.child({ component: 'apq' }),
  });
}
