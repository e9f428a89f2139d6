import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import { migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import type { CatalogTables } from '../src/database.js';
import { MatterRepository } from '../src/matter/matter.repository.js';
import { catalogMigrations } from '../src/migrations/index.js';
import { seedCatalog } from '../src/seed/seed-catalog.js';

/**
 * SearchCatalog's totalCount without a filter, or with only a department, comes from the
 * departments' matter_count instead of counting matters: it must be the count of the matters.
 */
function countContract(open: () => Promise<{ database: Database<CatalogTables>; cleanup(): Promise<void> }>) {
  let database: Database<CatalogTables>;
  let cleanup: () => Promise<void>;
  let matters: MatterRepository;

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await migrateToLatest(database.db, catalogMigrations(database.dialect), database.dialect);
    await database.db.transaction().execute((trx) => seedCatalog(trx, { scale: 2 }));
    matters = new MatterRepository(database.db, database.dialect);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('counts the whole catalog and each department as the matters are', async () => {
    const counted = await database.db
      .selectFrom('matter')
      .select(['department_code', sql<number>`count(*)`.as('n')])
      .groupBy('department_code')
      .execute();
    const total = counted.reduce((n, r) => n + Number(r.n), 0);
    expect(total).toBeGreaterThan(3_000);
    expect(await matters.count(undefined)).toBe(total);
    expect(await matters.count({})).toBe(total);
    expect(await matters.count({ text: '  ' })).toBe(total);
    for (const { department_code: code, n } of counted) expect(await matters.count({ departmentCode: code })).toBe(Number(n));
    expect(await matters.count({ departmentCode: 'NO-SUCH-DEPARTMENT' })).toBe(0);
  });

  it('still counts matters when any other filter is given', async () => {
    const [department] = await database.db.selectFrom('department').select('code').orderBy('sort_order').execute();
    const city = await database.db
      .selectFrom('matter')
      .select(sql<number>`count(*)`.as('n'))
      .where('department_code', '=', department!.code)
      .where('level', '=', 'CITY')
      .executeTakeFirstOrThrow();
    expect(await matters.count({ departmentCode: department!.code, level: 'CITY' as never })).toBe(Number(city.n));
  });
}

describe('matter counts on SQLite', () => {
  countContract(async () => ({ database: openDatabase<CatalogTables>({ name: 'catalog', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.runIf(await postgresAvailable())('matter counts on PostgreSQL', () => {
  countContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<CatalogTables>({ name: 'catalog', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});
