import { connectRedis, type Logger, type RedisClient, type RedisConnection } from '@govgraph/kit';
import type { ApqStore } from './apq-store.js';
import type { MemoryApqStore } from './memory-apq-store.js';

export interface RedisApqStoreOptions {
  url: string;
  /** REDIS_KEY_PREFIX: keys are `<prefix>apq:<id>`. */
  prefix: string;
  ttlSeconds: number;
  /** Near cache in front of Redis, and where entries go while Redis is down. */
  memory: MemoryApqStore;
  log: Logger;
  /** A Redis that has not answered by then is skipped for this request. */
  commandTimeoutMs?: number;
}

/**
 * Registered documents in Redis, so every gateway on the prefix knows what any of them was
 * taught. Entries never change (the key is the text's hash), so this process keeps the ones it
 * used in its LRU and asks Redis only on a local miss; a hit renews the TTL (GETEX). When Redis
 * is down or slow, lookups and registrations carry on in memory and requests never fail for it.
 */
export function createRedisApqStore(options: RedisApqStoreOptions): ApqStore {
  const { memory, log } = options;
  const timeoutMs = options.commandTimeoutMs ?? 500;
  const key = (id: string) => `${options.prefix}apq:${id}`;
  // Connected on first use, so a gateway that never sees a persisted query opens nothing.
  let connection: RedisConnection | undefined;
  let degraded = false;

  async function client(): Promise<RedisClient | undefined> {
    connection ??= connectRedis(options.url, log);
    await connection.ready;
    return connection.client.isReady ? connection.client : undefined;
  }

  async function attempt<T>(what: string, command: (redis: RedisClient) => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const redis = await client();
      if (!redis) throw new Error('not connected');
      const result = await Promise.race([
        command(redis),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (degraded) log.info('persisted queries: Redis is back');
      degraded = false;
      return result;
    } catch (error) {
      if (!degraded) log.warn({ err: error, command: what }, 'persisted queries: Redis unavailable, using this process’s memory');
      degraded = true;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    kind: 'redis',
    async get(id) {
      const local = await memory.get(id);
      if (local !== undefined) return local;
      const shared = await attempt('GETEX', (redis) => redis.getEx(key(id), { type: 'EX', value: options.ttlSeconds }));
      if (typeof shared !== 'string') return undefined;
      await memory.set(id, shared);
      return shared;
    },
    async set(id, source) {
      await memory.set(id, source);
      await attempt('SET', (redis) => redis.set(key(id), source, { expiration: { type: 'EX', value: options.ttlSeconds } }));
    },
    async close() {
      await connection?.close();
      await memory.close();
    },
  };
}
