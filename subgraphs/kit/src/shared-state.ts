import type { SubgraphConfig } from './config.js';
import { createEventBus } from './events/index.js';
import type { EventBus } from './events/event-bus.js';
import type { Logger } from './logger.js';
import { createRateLimiter } from './rate-limit/create-rate-limiter.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import type { PartyCredentials } from './trust/key-locations.js';

/** What a department shares with other processes: Redis when REDIS_URL is set, else memory or DATA_DIR. */
export interface SharedStateClients {
  /** The event bus, signing as the department's party (Redis streams, or DATA_DIR/events.sqlite). */
  readonly bus: EventBus;
  /** Rate-limit counters under `<REDIS_KEY_PREFIX><name>:`, shared by every replica with Redis. */
  readonly rateLimiter: RateLimiter;
}

/** The clients, and the one way to close them: departments never do it themselves. */
export interface DepartmentSharedState extends SharedStateClients {
  /** Closes what was opened, the bus first (as departments used to), then the rate limiter. */
  close(): Promise<void>;
}

/**
 * Opens each client the first time a department reads it (at start, in createServer): one that
 * needs neither opens no Redis connection and no events file, exactly as before the kit owned them.
 * Spreading this object would open both — hand the getters on instead.
 */
export function departmentSharedState(
  name: string,
  config: Pick<SubgraphConfig, 'dataDir' | 'redisUrl' | 'redisPrefix'>,
  party: PartyCredentials,
  log: Logger,
): DepartmentSharedState {
  let bus: EventBus | undefined;
  let rateLimiter: RateLimiter | undefined;
  return {
    get bus() {
      return (bus ??= createEventBus({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, dataDir: config.dataDir, log, party }));
    },
    get rateLimiter() {
      return (rateLimiter ??= createRateLimiter({ redisUrl: config.redisUrl, prefix: `${config.redisPrefix}${name}:`, log }));
    },
    async close() {
      await bus?.close();
      await rateLimiter?.close();
    },
  };
}
