import { connectRedis, type Logger, type RedisClient, type RedisConnection } from '@govgraph/kit';
import type { PublishedSubgraph, RegistryState, RegistryStore, RegistryVersion, VersionEntry } from './registry-store.js';

export interface RedisRegistryStoreOptions {
  url: string;
  /** Namespace of the keys (REDIS_KEY_PREFIX): gateways on one prefix share one registry. */
  prefix: string;
  log: Logger;
  /** Safety net for a missed notification (a reconnect): how often the version key is read. */
  pollIntervalMs?: number;
  /** How many versions the history keeps for rollback. */
  historyLimit?: number;
}

/**
 * Compare-and-set of the whole published set, its history entry, then a notification, atomically.
 * ARGV: expected version, channel, history limit, entry JSON, then name/JSON pairs of the subgraphs.
 * History entries newer than the new version (left by someone deleting the version key) go too.
 */
const COMMIT_SCRIPT = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return -1 end
redis.call('DEL', KEYS[2])
for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
local version = redis.call('INCR', KEYS[1])
local oldest = version - tonumber(ARGV[3])
for _, field in ipairs(redis.call('HKEYS', KEYS[3])) do
  local n = tonumber(field)
  if n == nil or n <= oldest or n >= version then redis.call('HDEL', KEYS[3], field) end
end
redis.call('HSET', KEYS[3], tostring(version), ARGV[4])
redis.call('PUBLISH', ARGV[2], version)
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
  const historyKey = `${options.prefix}registry:history`;
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
    async commit(expectedVersion, entry: VersionEntry) {
      const client = await connected();
      const pairs = Object.values(entry.published).flatMap((subgraph) => [subgraph.name, JSON.stringify(subgraph)]);
      const result = Number(
        await client.eval(COMMIT_SCRIPT, {
          keys: [versionKey, subgraphsKey, historyKey],
          arguments: [String(expectedVersion), channel, String(options.historyLimit ?? 50), JSON.stringify(entry), ...pairs],
        }),
      );
      return result < 0 ? null : result;
    },
    async history() {
      const client = await connected();
      const [version, hash] = (await client.multi().get(versionKey).hGetAll(historyKey).exec()) as unknown as [string | null, Record<string, string>];
      const current = Number(version ?? 0);
      const versions: RegistryVersion[] = [];
      for (const [field, json] of Object.entries(hash ?? {})) {
        const n = Number(field);
        // Entries past the current version were orphaned by a deleted version key.
        if (!Number.isSafeInteger(n) || n < 1 || n > current) continue;
        versions.push({ ...(JSON.parse(json) as VersionEntry), version: n });
      }
      return versions.sort((a, b) => a.version - b.version);
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
