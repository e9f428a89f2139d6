import type { RedisConnection } from '../redis.js';
import { HANDLED_ID_TTL_MS } from './event-retention.js';
import type { HandledEvents } from './handled-events.js';

/**
 * Handled event ids in Redis, one key per id with a TTL, shared by every replica of a consumer
 * group: an event replayed to another replica is refused as well.
 */
export class RedisHandledEvents implements HandledEvents {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  async handledFrom(group: string, stream: string, eventId: string): Promise<string | null> {
    return (await this.redis.client.get(this.key(group, stream, eventId))) ?? null;
  }

  async markHandled(group: string, stream: string, eventId: string, entryId: string): Promise<void> {
    await this.redis.client.set(this.key(group, stream, eventId), entryId, { expiration: { type: 'PX', value: HANDLED_ID_TTL_MS } });
  }

  private key(group: string, stream: string, eventId: string): string {
    return `${this.prefix}handled:${stream}:${group}:${eventId}`;
  }
}
