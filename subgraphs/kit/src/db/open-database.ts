import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { recordDatabaseSpan } from '../tracing/database-spans.js';
import { ensurePrivateSqliteFile } from './private-file.js';
import { withStatementCache } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database<Schema> {
  db: Kysely<Schema>;
  dialect: Dialect;
  /** A one-line description for logs, without credentials. */
  location: string;
  /** Statements executed so far: lets tests prove a request costs a fixed number of queries. */
  queryCount(): number;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Subgraph name: names the SQLite file. */
  name: string;
  dataDir: string;
  /** PostgreSQL connection string; SQLite in dataDir when absent. */
  url?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export function openDatabase<Schema>(options: DatabaseOptions): Database<Schema> {
  return options.url ? openPostgres<Schema>(options.url, options.maxConnections ?? 10) : openSqlite<Schema>(options);
}

/** Counts statements, and traces each one when the service traces (tracing/database-spans.ts). */
function queryCounter(system: 'sqlite' | 'postgresql') {
  let count = 0;
  return {
    log: (event: LogEvent) => {
      if (event.level === 'query') count += 1;
      recordDatabaseSpan(system, event);
    },
    queryCount: () => count,
  };
}

function openSqlite<Schema>({ name, dataDir }: DatabaseOptions): Database<Schema> {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, `${name}.sqlite`);
  if (file !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    ensurePrivateSqliteFile(file);
  }
  const connection = new SqliteDatabase(file);
  // WAL lets readers go on while the seed or a submission writes; busy_timeout rides out locks.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const counter = queryCounter('sqlite');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }), log: counter.log });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    queryCount: counter.queryCount,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
}

function openPostgres<Schema>(url: string, max: number): Database<Schema> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on('error', () => undefined);
  // Nor one the pool has lent out (held between the statements of a transaction): node-postgres
  // emits 'error' on it too, with nobody listening. The statement waiting on it still fails, and
  // the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const counter = queryCounter('postgresql');
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log: counter.log });
  const parsed = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `postgres://${parsed.host}${parsed.pathname}`,
    queryCount: counter.queryCount,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
}
