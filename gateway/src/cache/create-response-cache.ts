import type { Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import { joinEventBus, type JoinedEventBus } from '../events/join-event-bus.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import type { GatewayPlugin } from '../plugins/gateway-plugin.js';
import { useResponseCache } from '../plugins/use-response-cache.js';
import { invalidateOnCatalogChanges } from './catalog-invalidation.js';
import { createRedisResponseCacheStore } from './redis-response-cache-store.js';
import { createMemoryResponseCacheStore, type ResponseCacheStore } from './response-cache-store.js';

export interface ResponseCache {
  /** The feature as the gateway runs it: its start and close are the ones below. */
  plugin: GatewayPlugin;
  store: ResponseCacheStore;
  /** Starts listening for `catalog-changed` (the plugin's start, once the gateway listens). */
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
  let joined: JoinedEventBus | undefined;
  const start = () => {
    if (joined) return;
    // The gateway's trust list holds the catalog's public key: only the catalog's signed events invalidate.
    joined = joinEventBus(config, { log, eventsRefused: deps.metrics.eventsRefused }, (bus) => invalidateOnCatalogChanges(bus, store, log));
  };
  const close = async () => {
    await joined?.close();
    joined = undefined;
    await store.close();
  };
  const plugin = useResponseCache({
    store,
    metrics: deps.metrics,
    log,
    departments: deps.departments ?? (() => Object.keys(config.subgraphUrls)),
  });
  return { store, plugin: { ...plugin, start, close }, start, close };
}
