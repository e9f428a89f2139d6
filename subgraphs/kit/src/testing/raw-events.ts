import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { createLogger } from '../logger.js';
import { connectRedis } from '../redis.js';
import { ENVELOPE_FIELD } from '../events/redis-event-bus.js';

/** The bus a graph uses: its DATA_DIR's file, or Redis under the graph's prefix (as createEventBus names it). */
export type RawEventTarget = { dataDir: string } | { redisUrl: string; redisPrefix: string };

/**
 * Writes an entry onto an event stream around the bus — one INSERT into DATA_DIR/events.sqlite
 * or one XADD — as anyone who can write the data folder or reach Redis could. For tests of what
 * consumers refuse. `entry` is the envelope text; with Redis, an object gives the entry's fields.
 */
export async function writeRawEvent(target: RawEventTarget, stream: string, entry: string | Record<string, string>): Promise<void> {
  if ('dataDir' in target) {
    const db = new SqliteDatabase(join(target.dataDir, 'events.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const text = typeof entry === 'string' ? entry : JSON.stringify(entry);
      db.prepare('insert into event (stream, payload, at) values (?, ?, ?)').run(stream, text, new Date().toISOString());
    } finally {
      db.close();
    }
    return;
  }
  const redis = connectRedis(target.redisUrl, createLogger('raw-event', 'silent'));
  try {
    await redis.ready;
    await redis.client.xAdd(`${target.redisPrefix}events:${stream}`, '*', typeof entry === 'string' ? { [ENVELOPE_FIELD]: entry } : entry);
  } finally {
    await redis.close();
  }
}
