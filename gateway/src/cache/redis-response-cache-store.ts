import { connectRedis, type Logger, type RedisConnection } from '@govgraph/kit';
import type { CachedResponse, ResponseCacheStore } from './response-cache-store.js';

export interface RedisResponseCacheStoreOptions {
  url: string;
  /** REDIS_KEY_PREFIX: gateways on one prefix share one cache. */
  prefix: string;
  log: Logger;
  /** A cache that answers slower than this is skipped for the request. Default 250 ms. */
  timeoutMs?: number;
  /** Largest answer stored, in bytes of JSON. Default 1 MiB. */
  maxEntryBytes?: number;
}

class CacheTimeoutError extends Error {
  constructor(ms: number) {
    super(`response cache did not answer within ${ms} ms`);
    this.name = 'CacheTimeoutError';
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheTimeoutError(ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The response cache in Redis: one string per answer (`…response-cache:entry:<sha256>`, expiring
 * with its TTL), one counter per department (`…response-cache:gen:<name>`, never expiring) and
 * when the first gateway started using it (`…response-cache:since`).
 * A lookup reads the entry and the counters in one MGET.
 */
export function createRedisResponseCacheStore(options: RedisResponseCacheStoreOptions): ResponseCacheStore {
  const base = `${options.prefix}response-cache:`;
  const entryKey = (key: string) => `${base}entry:${key}`;
  const generationKey = (tag: string) => `${base}gen:${tag}`;
  const timeoutMs = options.timeoutMs ?? 250;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  // Connected on first use, so a gateway that never listens opens nothing.
  let connection: RedisConnection | undefined;

  async function client() {
    connection ??= connectRedis(options.url, options.log);
    await connection.ready;
    if (!connection.client.isReady) throw new Error(`Redis at ${new URL(options.url).host} is not reachable`);
    return connection.client;
  }

  return {
    kind: 'redis',
    async lookup(key, tags) {
      const redis = await client();
      const values = await within(redis.mGet([entryKey(key), ...tags.map(generationKey)]), timeoutMs);
      const generations = Object.fromEntries(tags.map((tag, i) => [tag, Number(values[i + 1] ?? 0)]));
      const raw = values[0];
      return { entry: raw ? (JSON.parse(raw) as CachedResponse) : null, generations };
    },
    async save(key, entry, ttlMs) {
      const json = JSON.stringify(entry);
      if (Buffer.byteLength(json) > maxEntryBytes) return;
      const redis = await client();
      await within(redis.set(entryKey(key), json, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } }), timeoutMs);
    },
    async invalidate(tags) {
      if (tags.length === 0) return;
      const redis = await client();
      const multi = redis.multi();
      for (const tag of tags) multi.incr(generationKey(tag));
      await within(multi.exec(), timeoutMs);
    },
    async since() {
      const redis = await client();
      const sinceKey = `${base}since`;
      // Set once, by the first gateway on this prefix (again after a FLUSHALL).
      const [, value] = (await within(redis.multi().set(sinceKey, String(Date.now()), { condition: 'NX' }).get(sinceKey).exec(), timeoutMs)) as unknown as [unknown, string | null];
      return Number(value ?? 0);
    },
    async close() {
      await connection?.close();
      connection = undefined;
    },
  };
}
