import { connectRedis, type Logger, type RedisConnection } from '@govgraph/kit';
import type { GatewayPlugin } from '../plugins/gateway-plugin.js';

export interface RedisHealth extends GatewayPlugin {
  /** For /readyz: reported, never a reason for 503 (every feature keeps its own connection and memory fallback). */
  state(): 'ready' | 'unavailable';
}

/** A connection of its own, only to report Redis on /readyz; opened at start, closed with the gateway. */
export function useRedisHealth(redisUrl: string, log: Logger): RedisHealth {
  let redis: RedisConnection | undefined;
  return {
    name: 'redis-health',
    start() {
      redis ??= connectRedis(redisUrl, log.child({ component: 'redis-health' }));
    },
    async close() {
      await redis?.close();
      redis = undefined;
    },
    state: () => (redis?.client.isReady ? 'ready' : 'unavailable'),
  };
}
