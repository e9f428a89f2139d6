import { dirname } from 'node:path';
import type { Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import { createCredentialStore } from './create-credential-store.js';
import { createRedisRegistryStore } from './redis-registry-store.js';
import { createMemoryRegistryStore } from './registry-store.js';
import { SupergraphRegistry } from './supergraph-registry.js';

/** The registry the config asks for: in Redis when REDIS_URL is set (every gateway on the prefix shares it), else in memory. */
export function createSupergraphRegistry(config: GatewayConfig, log: Logger): SupergraphRegistry {
  const registryLog = log.child({ component: 'registry' });
  const { historyLimit } = config.registry;
  const store = config.redisUrl
    ? createRedisRegistryStore({ url: config.redisUrl, prefix: config.redisPrefix, log: registryLog, historyLimit })
    : createMemoryRegistryStore(historyLimit);
  return new SupergraphRegistry({
    supergraphSdl: config.supergraphSdl,
    schemaDir: dirname(config.supergraphPath),
    store,
    credentials: createCredentialStore(config, registryLog),
    policy: config.registry.dataPolicy,
    log: registryLog,
  });
}
