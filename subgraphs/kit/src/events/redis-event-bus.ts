import type { Logger } from '../logger.js';
import { connectRedis, type RedisConnection } from '../redis.js';
import type { BusEvent, EventBus } from './event-bus.js';

/** Most events kept while Redis is away (about a megabyte or two); beyond it publish fails, as before. */
const MAX_BACKLOG = 10_000;

/** Redis streams: XADD to publish, one consumer group per department, XACK once handled. */
export class RedisEventBus implements EventBus {
  private readonly redis: RedisConnection;
  /** Blocking reads get their own connection, so publishing never waits behind them. */
  private readonly reader: RedisConnection;
  private closed = false;
  /** Events published while Redis was away, oldest first (kept in memory: a crash meanwhile loses them). */
  private readonly backlog: Array<{ key: string; payload: string }> = [];
  private flushing: Promise<void> | null = null;

  constructor(url: string, private readonly prefix: string, private readonly log: Logger) {
    this.redis = connectRedis(url, log);
    this.reader = connectRedis(url, log);
  }

  async publish(stream: string, payload: unknown): Promise<string> {
    const event = { key: this.prefix + stream, payload: JSON.stringify(payload) };
    // Behind a backlog, an event waits its turn: events of a stream stay in order.
    if (this.backlog.length === 0) {
      try {
        await this.redis.ready;
        return await this.redis.client.xAdd(event.key, '*', { payload: event.payload });
      } catch (error) {
        if (this.closed) throw error;
        this.log.warn({ err: error, stream }, 'event not published: kept to publish when Redis answers again');
      }
    }
    if (this.backlog.length >= MAX_BACKLOG) throw new Error(`event backlog full (${MAX_BACKLOG}): Redis has been away too long`);
    this.backlog.push(event);
    this.flushSoon();
    return `pending:${stream}:${this.backlog.length}`;
  }

  /** Publishes the backlog in order, once a second while Redis stays away. */
  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.backlog.length > 0 && !this.closed) {
        const next = this.backlog[0]!;
        try {
          await this.redis.client.xAdd(next.key, '*', { payload: next.payload });
          this.backlog.shift();
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
        }
      }
      if (this.backlog.length === 0) this.log.info('event backlog published');
      this.flushing = null;
    })();
  }

  subscribe(stream: string, group: string, handle: (event: BusEvent) => Promise<void>): void {
    const key = this.prefix + stream;
    const consumer = `${group}-${process.pid}`;
    const createGroup = async () => {
      try {
        await this.reader.client.xGroupCreate(key, group, '0', { MKSTREAM: true });
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) this.log.warn({ err: error }, 'cannot create consumer group');
      }
    };
    const loop = async () => {
      await this.reader.ready;
      await createGroup();
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
          // A Redis that restarted empty (or was down when we started) has no group: make it again,
          // from the stream's start, or nothing published from now on would ever be read.
          if (String(error).includes('NOGROUP')) await createGroup();
        }
      }
    };
    void loop();
  }

  async close(): Promise<void> {
    if (this.backlog.length > 0) this.log.error({ events: this.backlog.length }, 'closing with events Redis never took: they are lost');
    this.closed = true;
    await Promise.all([this.redis.close(), this.reader.close()]);
  }
}
