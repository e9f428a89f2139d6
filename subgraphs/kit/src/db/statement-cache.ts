import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every statement text a department sends, with room for `in (…)` lists of many lengths. */
const DEFAULT_CAPACITY = 500;

/**
 * better-sqlite3 compiles SQL on every `prepare()`, and Kysely's SQLite driver prepares each query
 * anew: under the portal mix that compiling was 8–9 % of a department's CPU. A statement is
 * reusable with any parameters, so the compiled ones are kept by their SQL text, least recently
 * used dropped first. One that is still being iterated (a stream) is busy and cannot run a second
 * query: a fresh one is prepared instead. SQLite re-compiles a kept statement itself when the
 * schema changes under it (a migration, an index dropped and rebuilt).
 */
export function withStatementCache(database: BetterSqlite3.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}
