import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import { ApplicationRepository } from '../src/application/application.repository.js';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { seedApplications } from '../src/seed/seed-applications.js';

/**
 * Keyset paging resumes with a row-value comparison, `(deadline, id) > (x, y)`, which both
 * databases seek in the index; walking every page must give each case once, in order, ties on
 * the sort key included.
 */
function pagingContract(open: () => Promise<{ database: Database<ApplicationTables>; cleanup(): Promise<void> }>) {
  let database: Database<ApplicationTables>;
  let cleanup: () => Promise<void>;
  let repository: ApplicationRepository;

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }, { years: 1 }));
    // Twelve cases of one applicant submitted at the same instant: the id breaks the tie.
    const template = await database.db.selectFrom('application').selectAll().where('submitted_year', '=', 2025).orderBy('id').executeTakeFirstOrThrow();
    await database.db
      .insertInto('application')
      .values(Array.from({ length: 12 }, (_, i) => ({ ...template, id: `AP-TIE-${String(i).padStart(2, '0')}`, number: `TIE-${i}`, applicant_id: 'P-TIES' })))
      .execute();
    repository = new ApplicationRepository(database.db);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('walks a department’s completed queue page by page: every case once, earliest deadline first', async () => {
    const department = DEPARTMENTS.trafficPolice.code;
    const expected = (
      await database.db
        .selectFrom('application')
        .select('id')
        .where('department_code', '=', department)
        .where('status', '=', 'COMPLETED')
        .orderBy('deadline')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const seen: string[] = [];
    let after: { deadline: string; id: string } | null = null;
    for (;;) {
      const page = await repository.queue(department, ['COMPLETED'], 97, after);
      seen.push(...page.rows.map((r) => r.id));
      expect(page.totalCount).toBe(expected.length);
      if (!page.hasNextPage) break;
      const last = page.rows.at(-1)!;
      after = { deadline: last.deadline, id: last.id };
    }
    expect(expected.length).toBeGreaterThan(500);
    expect(seen).toEqual(expected);
  });

  it('walks an applicant’s cases newest first through ties on the submission instant', async () => {
    const seen: string[] = [];
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page = await repository.ofApplicant('P-TIES', 5, after);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.hasNextPage) break;
      const last = page.rows.at(-1)!;
      after = { at: last.submittedAt, id: last.id };
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `AP-TIE-${String(11 - i).padStart(2, '0')}`));
  });
}

describe('case paging on SQLite', () => {
  pagingContract(async () => ({ database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.runIf(await postgresAvailable())('case paging on PostgreSQL', () => {
  pagingContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});
