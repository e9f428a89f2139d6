import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migrateToLatest, openDatabase, type Dialect } from '@govgraph/kit';
import type { ApplicationTables } from '../../database.js';
import { applicationMigrations } from '../../migrations/index.js';
import type { TallyBook } from '../../statistics/case-tally.js';
import { writeTallies } from '../../statistics/tally-store.js';
import { bulkInsert } from '../bulk-insert.js';
import { mergeTallies } from './bulk-tallies.js';
import { copyData, copyText } from './copy-rows.js';

/** Where the full-year seed writes: applications' database, as the service finds it. */
export interface LoadTargetOptions {
  /** PostgreSQL (APPLICATIONS_DATABASE_URL); SQLite `<dataDir>/applications.sqlite` when absent. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** The database opened for one load: its rows go in through the fastest path each dialect has. */
export interface LoadTarget {
  db: Kysely<ApplicationTables>;
  dialect: Dialect;
  location: string;
  /** A batch of rows (a day's) for the load's transaction. */
  batch(trx: Kysely<ApplicationTables>): RowBatch;
  /** Adds the load's counters (one book for the whole year) to the counter tables. */
  addCounters(trx: Kysely<ApplicationTables>, book: TallyBook): Promise<void>;
  /** Bytes the applications tables and their indexes take. */
  size(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Rows gathered for one send. PostgreSQL: `add` only formats them as COPY text and `send` queues
 * the COPY statements, so the next batch is generated while the server still reads this one.
 * SQLite: `add` inserts at once (the same process does both) and `send` has nothing left to do.
 */
export interface RowBatch {
  add(table: keyof ApplicationTables, rows: readonly object[]): Promise<void>;
  /** Resolves when the database has every row added. */
  send(): Promise<void>;
}

/**
 * Opens the target and brings it up to date with applications' migrations. PostgreSQL: one
 * client, wrapped as a one-connection pool for Kysely, so the COPY streams (copy-rows.ts) run on
 * the connection that holds the transaction. SQLite: the kit's file, written by bulkInsert.
 */
export async function openLoadTarget(options: LoadTargetOptions): Promise<LoadTarget> {
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    const connection = { query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args), release: () => undefined };
    const db = new Kysely<ApplicationTables>({
      dialect: new PostgresDialect({ pool: { connect: async () => connection, end: async () => undefined } as never }),
    });
    const parsed = new URL(options.databaseUrl);
    const target: LoadTarget = {
      db,
      dialect: 'postgres',
      location: `postgres://${parsed.host}${parsed.pathname}`,
      // The transaction runs on this one client: COPY joins it.
      batch: () => {
        const tables = new Map<string, { columns: string[]; parts: Buffer[] }>();
        return {
          add: async (table, rows) => {
            if (rows.length === 0) return;
            let entry = tables.get(table);
            if (!entry) tables.set(table, (entry = { columns: Object.keys(rows[0]!), parts: [] }));
            entry.parts.push(Buffer.from(copyText(rows, entry.columns), 'utf8'));
          },
          send: async () => void (await Promise.all([...tables].map(([table, { columns, parts }]) => copyData(client, table, columns, parts)))),
        };
      },
      addCounters: (trx, book) => mergeTallies(trx, book, (table, columns, rows) => copyData(client, table, columns, [Buffer.from(copyText(rows, columns), 'utf8')])),
      size: async () => {
        const { rows } = await client.query<{ bytes: string }>(
          `select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c
           where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind = 'r'`,
        );
        return Number(rows[0]!.bytes);
      },
      close: async () => {
        await db.destroy();
        await client.end();
      },
    };
    await migrateToLatest(db, applicationMigrations, 'postgres');
    return target;
  }
  const database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: options.dataDir });
  await migrateToLatest(database.db, applicationMigrations, 'sqlite');
  return {
    db: database.db,
    dialect: 'sqlite',
    location: database.location,
    addCounters: (trx, book) => writeTallies(trx, book),
    batch: (trx) => ({ add: (table, rows) => bulkInsert(trx, 'sqlite', table, rows), send: async () => undefined }),
    size: async () => {
      const { rows } = await sql<{ bytes: number }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(database.db);
      return Number(rows[0]!.bytes);
    },
    close: () => database.close(),
  };
}
