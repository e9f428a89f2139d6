import type { Logger } from '../logger.js';
import { serviceMetrics } from '../metrics/service-metrics.js';
import type { PartyCredentials } from '../trust/key-locations.js';
import type { EventBus, EventRefusalCounter } from './event-bus.js';
import { FileEventBus } from './file-event-bus.js';
import { RedisEventBus } from './redis-event-bus.js';

export * from './event-bus.js';
export { FileEventBus } from './file-event-bus.js';
export { RedisEventBus } from './redis-event-bus.js';
export { sealEvent, eventSigningText, newEventId, type EventEnvelope } from './event-envelope.js';
export { STREAM_PUBLISHERS, mayPublish, publishersOf } from './stream-publishers.js';
export type { EventRefusalReason } from './verify-event.js';
export { EVENT_MAX_AGE_MS, HANDLED_ID_TTL_MS } from './event-retention.js';

/**
 * Redis streams when REDIS_URL is set, the shared file in DATA_DIR otherwise. The party signs
 * what this process publishes and its trust list verifies what it reads; refused events are
 * counted in the party's service metrics unless another counter is given (the gateway's).
 */
export function createEventBus(options: {
  redisUrl?: string | undefined;
  redisPrefix: string;
  dataDir: string;
  log: Logger;
  party: PartyCredentials;
  eventsRefused?: EventRefusalCounter;
}): EventBus {
  const trust = { party: options.party, eventsRefused: options.eventsRefused ?? serviceMetrics(options.party.keys.party).eventsRefused };
  return options.redisUrl ? new RedisEventBus(options.redisUrl, `${options.redisPrefix}events:`, options.log, trust) : new FileEventBus(options.dataDir, options.log, trust);
}
export * from './data-access-event.js';
export * from './case-events.js';
export * from './catalog-events.js';
export * from './authorisation-events.js';
export * from './supervision-events.js';
