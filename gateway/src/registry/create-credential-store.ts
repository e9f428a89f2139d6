import { connectRedis, type Logger, type RedisConnection } from '@govgraph/kit';
import { createFileCredentialStore, createRedisCredentialStore, type CredentialStore } from '@govgraph/schema/governance';
import type { GatewayConfig } from '../config.js';

/**
 * The registry's credentials where `govgraph credentials` writes them: in Redis under
 * REDIS_KEY_PREFIX when REDIS_URL is set (every gateway on the prefix), else the data folder's file.
 */
export function createCredentialStore(config: Pick<GatewayConfig, 'redisUrl' | 'redisPrefix' | 'registry'>, log: Logger): CredentialStore {
  if (!config.redisUrl) return createFileCredentialStore(config.registry.credentialsFile);
  const url = config.redisUrl;
  // Connected on first use, like the registry's store: a gateway nobody publishes to opens nothing.
  let connection: RedisConnection | undefined;
  return createRedisCredentialStore({
    prefix: config.redisPrefix,
    async client() {
      connection ??= connectRedis(url, log);
      await connection.ready;
      if (!connection.client.isReady) throw new Error(`Redis at ${new URL(url).host} is not reachable`);
      return connection.client;
    },
    close: async () => connection?.close(),
  });
}
