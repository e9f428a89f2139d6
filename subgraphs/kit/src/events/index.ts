import type { Logger } from '../logger.js';
import type { EventBus } from './event-bus.js';
import { FileEventBus } from './file-event-bus.js';
import { RedisEventBus } from './redis-event-bus.js';

export * from './event-bus.js';
export { FileEventBus } from './file-event-bus.js';
export { RedisEventBus } from './redis-event-bus.js';

/** Redis streams when REDIS_URL is set, the shared file in DATA_DIR otherwise. */
export function createEventBus(options: { redisUrl?: string | undefined; redisPrefix: string; dataDir: string; log: Logger }): EventBus {
  return options.redisUrl ? new RedisEventBus(options.redisUrl, `${options.redisPrefix}events:`, options.log) : new FileEventBus(options.dataDir, options.log);
}
export * from './data-access-event.js';
export * from './case-events.js';
export * from './catalog-events.js';
