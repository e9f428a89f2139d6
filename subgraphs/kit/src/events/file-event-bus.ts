import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { ensurePrivateSqliteFile } from '../db/private-file.js';
import type { Logger } from '../logger.js';
import type { BusEvent, EventBus, EventBusTrust } from './event-bus.js';
import { sealEvent } from './event-envelope.js';
import { EventIntake } from './event-intake.js';
import { EVENT_MAX_AGE_MS } from './event-retention.js';
import { FileHandledEvents } from './file-handled-events.js';

const POLL_MS = 200;

/**
 * The embedded event bus: one SQLite file in DATA_DIR that every process on this machine opens,
 * so `npm start`'s five processes exchange events without Redis. Consumers keep their position
 * and the ids they handled per group in the same file. Anyone who can write the file can add
 * rows: that is why each row is a signed envelope, checked before a handler sees it.
 */
export class FileEventBus implements EventBus {
  private readonly db: SqliteDatabase.Database;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly now: () => number;
  private readonly intake: EventIntake;
  private closed = false;

  constructor(
    dataDir: string,
    private readonly log: Logger,
    private readonly trust: EventBusTrust,
  ) {
    const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'events.sqlite');
    if (file !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      // Every department's events, some naming persons: the owner's only (-wal and -shm follow).
      ensurePrivateSqliteFile(file);
    }
    this.db = new SqliteDatabase(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // `payload` holds the signed envelope's text (the column kept its name from before signing).
    this.db.exec(`create table if not exists event (seq integer primary key autoincrement, stream text not null, payload text not null, at text not null);
      create index if not exists event_stream on event (stream, seq);
      create table if not exists consumer (grp text not null, stream text not null, last_seq integer not null, primary key (grp, stream));`);
    this.now = trust.now ?? Date.now;
    this.intake = new EventIntake({ trust: trust.party.trust, handled: new FileHandledEvents(this.db, this.now), log, eventsRefused: trust.eventsRefused, now: this.now });
  }

  async publish(stream: string, payload: unknown): Promise<string> {
    const now = new Date(this.now());
    const { text } = sealEvent(this.trust.party.keys, stream, payload, now);
    const result = this.db.prepare('insert into event (stream, payload, at) values (?, ?, ?)').run(stream, text, now.toISOString());
    return String(result.lastInsertRowid);
  }

  subscribe(stream: string, group: string, handle: (event: BusEvent) => Promise<void>): void {
    // A new group starts after the events already too old to accept: reading them would only refuse them.
    const tooOld = new Date(this.now() - EVENT_MAX_AGE_MS).toISOString();
    this.db
      .prepare('insert or ignore into consumer (grp, stream, last_seq) values (?, ?, coalesce((select max(seq) from event where stream = ? and at < ?), 0))')
      .run(group, stream, stream, tooOld);
    let busy = false;
    const poll = async () => {
      if (busy || this.closed) return;
      busy = true;
      try {
        const { last_seq: last } = this.db.prepare('select last_seq from consumer where grp = ? and stream = ?').get(group, stream) as { last_seq: number };
        const rows = this.db.prepare('select seq, payload from event where stream = ? and seq > ? order by seq limit 100').all(stream, last) as Array<{
          seq: number;
          payload: string;
        }>;
        for (const row of rows) {
          // Handled, a duplicate, or refused: in every case the position moves on past it.
          await this.intake.receive({ stream, group, entryId: String(row.seq), text: row.payload }, handle);
          this.db.prepare('update consumer set last_seq = ? where grp = ? and stream = ? and last_seq < ?').run(row.seq, group, stream, row.seq);
        }
      } catch (error) {
        // Not acknowledged: the same events come again on the next poll.
        this.log.warn({ err: error, stream, group }, 'event handler failed; will retry');
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    timer.unref();
    this.timers.push(timer);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.db.close();
  }
}
