import type { Logger } from '../logger.js';
import { connectRedis, type RedisConnection } from '../redis.js';
import type { BusEvent, EventBus } from './event-bus.js';

/** Redis streams: XADD to publish, one consumer group per department, XACK once handled. */
export class RedisEventBus implements EventBus {
  private readonly redis: RedisConnection;
  /** Blocking reads get their own connection, so publishing never waits behind them. */
  private readonly reader: RedisConnection;
  private closed = false;

  constructor(url: string, private readonly prefix: string, private readonly log: Logger) {
    this.redis = connectRedis(url, log);
    this.reader = connectRedis(url, log);
  }

  async publish(stream: string, payload: unknown): Promise<string> {
    await this.redis.ready;
    return this.redis.client.xAdd(this.prefix + stream, '*', { payload: JSON.stringify(payload) });
  }

  subscribe(stream: string, group: string, handle: (event: BusEvent) => Promise<void>): void {
    const key = this.prefix + stream;
    const consumer = `${group}-${process.pid}`;
    const loop = async () => {
      await this.reader.ready;
      try {
        await this.reader.client.xGroupCreate(key, group, '0', { MKSTREAM: true });
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) this.log.warn({ err: error }, 'cannot create consumer group');
      }
      while (!this.closed) {
        try {
          // Pending first (delivered before a crash, never acknowledged), then new ones.
          for (const id of ['0', '>']) {
            const replies = await this.reader.client.xReadGroup(group, consumer, { key, id }, { COUNT: 100, BLOCK: id === '>' ? 1000 : undefined });
            for (const reply of (replies as Array<{ messages: Array<{ id: string; message: Record<string, string> }> }> | null) ?? []) {
              for (const message of reply.messages) {
                await handle({ id: `${stream}:${message.id}`, stream, payload: JSON.parse(message.message.payload ?? 'null') });
                await this.reader.client.xAck(key, group, message.id);
              }
            }
          }
        } catch (error) {
          if (this.closed) return;
          this.log.warn({ err: error, stream, group }, 'event stream read failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    };
    void loop();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.redis.close(), this.reader.close()]);
  }
}
