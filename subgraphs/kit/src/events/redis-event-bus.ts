import type { Logger } from '../logger.js';
import { connectRedis, type RedisConnection } from '../redis.js';
import type { BusEvent, EventBus, EventBusTrust } from './event-bus.js';
import { sealEvent } from './event-envelope.js';
import { EventIntake } from './event-intake.js';
import { EVENT_MAX_AGE_MS } from './event-retention.js';
import { RedisHandledEvents } from './redis-handled-events.js';

/** Most events kept while Redis is away (about a megabyte or two); beyond it publish fails, as before. */
const MAX_BACKLOG = 10_000;

/** The stream entry's field holding the signed envelope; an entry without it was not written by a bus. */
export const ENVELOPE_FIELD = 'event';

/**
 * Redis streams: XADD to publish, one consumer group per department, XACK once handled. Anyone
 * who reaches Redis can XADD: every entry is a signed envelope, checked before a handler sees it.
 */
export class RedisEventBus implements EventBus {
  private readonly redis: RedisConnection;
  /** Blocking reads get their own connection, so publishing never waits behind them. */
  private readonly reader: RedisConnection;
  private closed = false;
  /** Events published while Redis was away, oldest first (kept in memory: a crash meanwhile loses them). */
  private readonly backlog: Array<{ key: string; text: string }> = [];
  private flushing: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly intake: EventIntake;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: Logger,
    private readonly trust: EventBusTrust,
  ) {
    this.redis = connectRedis(url, log);
    this.reader = connectRedis(url, log);
    this.now = trust.now ?? Date.now;
    this.intake = new EventIntake({ trust: trust.party.trust, handled: new RedisHandledEvents(this.redis, prefix), log, eventsRefused: trust.eventsRefused, now: this.now });
  }

  async publish(stream: string, payload: unknown): Promise<string> {
    // Signed now: an event kept in the backlog keeps its time and id.
    const event = { key: this.prefix + stream, text: sealEvent(this.trust.party.keys, stream, payload, new Date(this.now())).text };
    // Behind a backlog, an event waits its turn: events of a stream stay in order.
    if (this.backlog.length === 0) {
      try {
        await this.redis.ready;
        return await this.redis.client.xAdd(event.key, '*', { [ENVELOPE_FIELD]: event.text });
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
          await this.redis.client.xAdd(next.key, '*', { [ENVELOPE_FIELD]: next.text });
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
        // From the oldest entry still young enough to accept: older ones would only be refused.
        await this.reader.client.xGroupCreate(key, group, `${Math.max(0, this.now() - EVENT_MAX_AGE_MS)}-0`, { MKSTREAM: true });
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
                // Handled, a duplicate, or refused: acknowledged in every case; a failed handler throws.
                await this.intake.receive({ stream, group, entryId: message.id, text: message.message[ENVELOPE_FIELD] }, handle);
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
