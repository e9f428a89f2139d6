import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Logger } from '../logger.js';
import type { BusEvent, EventBus } from './event-bus.js';

const POLL_MS = 200;

/**
 * The embedded event bus: one SQLite file in DATA_DIR that every process on this machine opens,
 * so `npm start`'s five processes exchange events without Redis. Consumers keep their position
 * per group in the same file.
 */
export class FileEventBus implements EventBus {
  private readonly db: SqliteDatabase.Database;
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(dataDir: string, private readonly log: Logger) {
    const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'events.sqlite');
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    this.db = new SqliteDatabase(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`create table if not exists event (seq integer primary key autoincrement, stream text not null, payload text not null, at text not null);
      create index if not exists event_stream on event (stream, seq);
      create table if not exists consumer (grp text not null, stream text not null, last_seq integer not null, primary key (grp, stream));`);
  }

  async publish(stream: string, payload: unknown): Promise<string> {
    const result = this.db.prepare('insert into event (stream, payload, at) values (?, ?, ?)').run(stream, JSON.stringify(payload), new Date().toISOString());
    return String(result.lastInsertRowid);
  }

  subscribe(stream: string, group: string, handle: (event: BusEvent) => Promise<void>): void {
    this.db.prepare('insert or ignore into consumer (grp, stream, last_seq) values (?, ?, 0)').run(group, stream);
    let busy = false;
    const poll = async () => {
      if (busy || this.closed) return;
      busy = true;
      try {
        const { last_seq: last } = this.db.prepare('select last_seq from consumer where grp = ? and stream = ?').get(group, stream) as { last_seq: number };
        const rows = this.db.prepare('select seq, payload from event where stream = ? and seq > ? order by seq limit 100').all(stream, last) as Array<{ seq: number; payload: string }>;
        for (const row of rows) {
          await handle({ id: `${stream}:${row.seq}`, stream, payload: JSON.parse(row.payload) });
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
