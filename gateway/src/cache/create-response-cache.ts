import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEventBus, type EventBus, type Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import type { GatewayPlugin } from '../plugins/gateway-plugin.js';
import { useResponseCache } from '../plugins/use-response-cache.js';
import { invalidateOnCatalogChanges } from './catalog-invalidation.js';
import { createRedisResponseCacheStore } from './redis-response-cache-store.js';
import { createMemoryResponseCacheStore, type ResponseCacheStore } from './response-cache-store.js';

export interface ResponseCache {
  plugin: GatewayPlugin;
  store: ResponseCacheStore;
  /** Starts listening for `catalog-changed` (call once the gateway listens). */
  start(): void;
  close(): Promise<void>;
}

/** The response cache the config asks for, or null when GATEWAY_RESPONSE_CACHE=off. */
export function createResponseCache(
  config: Pick<GatewayConfig, 'responseCache' | 'redisUrl' | 'redisPrefix' | 'dataDir' | 'subgraphUrls' | 'party'>,
  deps: { metrics: GatewayMetrics; log: Logger; departments?: () => readonly string[] },
): ResponseCache | null {
  if (!config.responseCache.enabled) return null;
  const log = deps.log.child({ component: 'response-cache' });
  const store = config.redisUrl
    ? createRedisResponseCacheStore({ url: config.redisUrl, prefix: config.redisPrefix, log })
    : createMemoryResponseCacheStore({ maxBytes: config.responseCache.memoryMaxBytes });
  let bus: EventBus | undefined;
  let waiting: NodeJS.Timeout | undefined;
  const subscribe = () => {
    // The gateway's trust list holds the catalog's public key: only the catalog's signed events invalidate.
    bus = createEventBus({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, dataDir: config.dataDir, log, party: config.party, eventsRefused: deps.metrics.eventsRefused });
    invalidateOnCatalogChanges(bus, store, log);
  };
  return {
    store,
    plugin: useResponseCache({
      store,
      metrics: deps.metrics,
      log,
      departments: deps.departments ?? (() => Object.keys(config.subgraphUrls)),
    }),
    start() {
      if (bus || waiting) return;
      if (config.redisUrl) return subscribe();
      // Without Redis the departments' bus is a file in DATA_DIR that they create; the gateway
      // joins it once it exists rather than creating one where no department writes.
      const file = join(config.dataDir, 'events.sqlite');
      const attempt = () => {
        if (!existsSync(file)) return;
        clearInterval(waiting);
        waiting = undefined;
        subscribe();
      };
      waiting = setInterval(attempt, 2_000);
      waiting.unref();
      attempt();
    },
    async close() {
      clearInterval(waiting);
      waiting = undefined;
      await bus?.close();
      bus = undefined;
      await store.close();
    },
  };
}
