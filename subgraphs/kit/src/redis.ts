import { createClient } from 'redis';
import type { Logger } from './logger.js';
import { traceRedisCommands } from './tracing/redis-spans.js';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisConnection {
  client: RedisClient;
  /** Settles once connected, or after a second: callers wait that long at most, then fall back. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to Redis for shared state. Reconnects by itself with backoff; callers that cannot
 * wait (rate limits) fall back to memory meanwhile instead of queueing requests.
 */
export function connectRedis(url: string, log: Logger): RedisConnection {
  const client = createClient({
    url,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    // Fail fast while disconnected rather than piling up commands.
    disableOfflineQueue: true,
  });
  traceRedisCommands(client);
  let reported = false;
  client.on('error', (error) => {
    if (!reported) log.warn({ err: error }, 'redis connection error');
    reported = true;
  });
  client.on('ready', () => {
    if (reported) log.info('redis connection restored');
    reported = false;
  });
  const ready = new Promise<void>((resolve) => {
    client.once('ready', () => resolve());
    setTimeout(resolve, 1_000).unref();
  });
  // Not awaited: a Redis that is down at start must not stop the service; it reconnects later.
  client.connect().catch((error) => log.warn({ err: error }, 'redis not reachable yet'));
  return {
    client,
    ready,
    async close() {
      if (client.isReady) await client.quit().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
    },
  };
}
