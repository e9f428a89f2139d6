import type SqliteDatabase from 'better-sqlite3';
import { HANDLED_ID_TTL_MS } from './event-retention.js';
import type { HandledEvents } from './handled-events.js';

/** Forgotten ids are swept at most this often (a delete over an index, cheap). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Handled event ids in the file bus's SQLite file, beside the groups' positions. */
export class FileHandledEvents implements HandledEvents {
  private sweptAt = 0;

  constructor(
    private readonly db: SqliteDatabase.Database,
    private readonly now: () => number,
  ) {
    db.exec(`create table if not exists handled_event (grp text not null, stream text not null, event_id text not null, entry text not null, handled_at integer not null, primary key (grp, stream, event_id));
      create index if not exists handled_event_age on handled_event (handled_at);`);
  }

  async handledFrom(group: string, stream: string, eventId: string): Promise<string | null> {
    const row = this.db.prepare('select entry, handled_at from handled_event where grp = ? and stream = ? and event_id = ?').get(group, stream, eventId) as
      | { entry: string; handled_at: number }
      | undefined;
    // Past its TTL an id is forgotten, as Redis forgets it (the event is then refused for its age).
    return row && this.now() - row.handled_at <= HANDLED_ID_TTL_MS ? row.entry : null;
  }

  async markHandled(group: string, stream: string, eventId: string, entryId: string): Promise<void> {
    const now = this.now();
    this.db.prepare('insert or replace into handled_event (grp, stream, event_id, entry, handled_at) values (?, ?, ?, ?, ?)').run(group, stream, eventId, entryId, now);
    if (now - this.sweptAt > SWEEP_EVERY_MS) {
      this.sweptAt = now;
      this.db.prepare('delete from handled_event where handled_at < ?').run(now - HANDLED_ID_TTL_MS);
    }
  }
}
