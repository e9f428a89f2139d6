import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { insertInBatches, migrateToLatest, openDatabase, type Database, type Migrations } from '../src/db/index.js';
import { createScratchSchema, postgresAvailable } from '../src/testing/index.js';

interface Schema {
  note: { id: string; body: string; created_at: string };
}

const migrations: Migrations = {
  '0001_notes': {
    up: async (db: Kysely<any>) => {
      await db.schema
        .createTable('note')
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
  },
};

/** The same behaviour on both dialects: migrate, bulk insert, transaction rollback. */
function databaseContract(open: () => Promise<{ database: Database<Schema>; cleanup(): Promise<void> }>) {
  let database: Database<Schema>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database, cleanup } = await open());
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('migrates once, then finds nothing to do', async () => {
    expect(await migrateToLatest(database.db, migrations, database.dialect)).toEqual(['0001_notes']);
    expect(await migrateToLatest(database.db, migrations, database.dialect)).toEqual([]);
    await database.ping();
  });

  it('inserts thousands of rows in batches', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ id: `n${i}`, body: `第${i}条`, created_at: '2026-01-01T00:00:00.000Z' }));
    await insertInBatches(database.db, 'note', rows);
    const { count } = await database.db.selectFrom('note').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(12_000);
    const row = await database.db.selectFrom('note').selectAll().where('id', '=', 'n42').executeTakeFirstOrThrow();
    expect(row.body).toBe('第42条');
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('note').values({ id: 'tx-1', body: 'kept?', created_at: 'x' }).execute();
        await trx.insertInto('note').values({ id: 'n1', body: 'duplicate key', created_at: 'x' }).execute();
      }),
    ).rejects.toThrow();
    const found = await database.db.selectFrom('note').select('id').where('id', '=', 'tx-1').execute();
    expect(found).toEqual([]);
  });
}

describe('database on SQLite', () => {
  databaseContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-kit-'));
    return {
      database: openDatabase<Schema>({ name: 'kit-test', dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describe.runIf(await postgresAvailable())('database on PostgreSQL', () => {
  databaseContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<Schema>({ name: 'kit-test', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});

describe.runIf(await postgresAvailable())('PostgreSQL ending a session the service is using (a restart, a failover)', () => {
  it('fails that work, keeps the process alive, and the next query runs on a new connection', async () => {
    const scratch = await createScratchSchema();
    const database = openDatabase<Schema>({ name: 'kit-test', dataDir: '', url: scratch.url });
    const admin = openDatabase<Schema>({ name: 'kit-admin', dataDir: '', url: scratch.url });
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      // A connection held between two statements, as in a transaction, when the server ends it:
      // node-postgres then emits 'error' on a client the pool has lent out.
      const work = database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin.db);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(trx);
      });
      await expect(work).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(crashes).toEqual([]);
      const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(database.db);
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      process.off('uncaughtException', onCrash);
      await database.close();
      await admin.close();
      await scratch.drop();
    }
  });
});
