import { connectRedis, type Logger, type RedisClient, type RedisConnection } from '@govgraph/kit';
import type { PublishedSubgraph, RegistryState, RegistryStore } from './registry-store.js';

export interface RedisRegistryStoreOptions {
  url: string;
  /** Namespace of the keys (REDIS_KEY_PREFIX): gateways on one prefix share one registry. */
  prefix: string;
  log: Logger;
  /** Safety net for a missed notification (a reconnect): how often the version key is read. */
  pollIntervalMs?: number;
}

/** Compare-and-set of one subgraph, then a notification, atomically. */
const PUBLISH_SCRIPT = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return -1 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
local version = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[4], version)
return version`;

/**
 * The registry in Redis, so that every gateway process serves the same graph: a hash of the
 * published subgraphs and a version key, changed together by one script; a publish notifies
 * the others on a channel, and each also polls the version in case it missed a message.
 */
export function createRedisRegistryStore(options: RedisRegistryStoreOptions): RegistryStore {
  const log = options.log;
  const versionKey = `${options.prefix}registry:version`;
  const subgraphsKey = `${options.prefix}registry:subgraphs`;
  const channel = `${options.prefix}registry:changed`;
  // Connected on first use, so a gateway that is created but never listens opens nothing.
  let connection: RedisConnection | undefined;
  let subscriber: RedisClient | undefined;
  let timer: NodeJS.Timeout | undefined;

  function redis(): RedisClient {
    connection ??= connectRedis(options.url, log);
    return connection.client;
  }

  async function connected(): Promise<RedisClient> {
    const client = redis();
    await connection!.ready;
    if (!client.isReady) throw new Error(`Redis at ${new URL(options.url).host} is not reachable`);
    return client;
  }

  return {
    kind: 'redis',
    async read(): Promise<RegistryState> {
      const client = await connected();
      const [version, hash] = (await client.multi().get(versionKey).hGetAll(subgraphsKey).exec()) as unknown as [string | null, Record<string, string>];
      const published: Record<string, PublishedSubgraph> = {};
      for (const [name, json] of Object.entries(hash ?? {})) published[name] = JSON.parse(json) as PublishedSubgraph;
      return { version: Number(version ?? 0), published };
    },
    async publish(expectedVersion, subgraph) {
      const client = await connected();
      const result = Number(
        await client.eval(PUBLISH_SCRIPT, {
          keys: [versionKey, subgraphsKey],
          arguments: [String(expectedVersion), subgraph.name, JSON.stringify(subgraph), channel],
        }),
      );
      return result < 0 ? null : result;
    },
    async watch(onChange) {
      const client = redis();
      subscriber = client.duplicate();
      subscriber.on('error', (error) => log.debug({ err: error }, 'registry subscriber error'));
      // Not awaited: a Redis that is down at start must not hold the gateway up. The client
      // reconnects (and resubscribes) by itself; meanwhile the poll below catches up.
      const sub = subscriber;
      sub
        .connect()
        .then(() => sub.subscribe(channel, () => onChange()))
        .catch((error: unknown) => log.warn({ err: error }, 'registry: cannot subscribe to Redis; polling the version instead'));
      // The first answer counts as a change too: Redis may have been down when the gateway started.
      let seen: string | null | undefined;
      timer = setInterval(() => {
        if (!client.isReady) return;
        client
          .get(versionKey)
          .then((version) => {
            if (version !== seen) onChange();
            seen = version;
          })
          .catch(() => undefined);
      }, options.pollIntervalMs ?? 5_000);
      timer.unref();
      return async () => {
        clearInterval(timer);
        if (subscriber?.isOpen) await subscriber.unsubscribe(channel).catch(() => undefined);
        const sub = subscriber;
        if (!sub?.isOpen) return;
        if (sub.isReady) await sub.quit().catch(() => undefined);
        if (sub.isOpen) sub.destroy();
      };
    },
    async close() {
      clearInterval(timer);
      await connection?.close();
    },
  };
}
