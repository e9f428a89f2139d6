import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable, queryPlans } from '@govgraph/kit/testing';
import type { PageRequest } from '@govgraph/kit';
import { ApplicationRepository, type Page } from '../src/application/application.repository.js';
import type { ApplicationRecord } from '../src/application/application.record.js';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { seedApplications } from '../src/seed/seed-applications.js';

/**
 * Keyset paging resumes with a row-value comparison, `(deadline, id) > (x, y)`, which both
 * databases seek in the index; walking every page must give each case once, in order, ties on
 * the sort key included. Backward (`last`/`before`) reverses the comparison and the order.
 */

interface Walked {
  pages: string[][];
  flags: Array<{ hasPreviousPage: boolean; hasNextPage: boolean }>;
}

/**
 * Walks a list forward page by page, then backward from the last page's first row: the backward
 * walk must meet the same pages, and the flags must be true except at the list's two ends.
 */
async function walkBothWays<K>(read: (page: PageRequest<K>) => Promise<Page<ApplicationRecord>>, keyOf: (r: ApplicationRecord) => K, size: number): Promise<Walked> {
  const forward: Walked = { pages: [], flags: [] };
  let page = await read({ size, backward: false, cursor: null });
  for (;;) {
    forward.pages.push(page.rows.map((r) => r.id));
    forward.flags.push({ hasPreviousPage: page.hasPreviousPage, hasNextPage: page.hasNextPage });
    if (!page.hasNextPage) break;
    page = await read({ size, backward: false, cursor: keyOf(page.rows.at(-1)!) });
  }
  const last = forward.pages.length - 1;
  expect(forward.flags.map((f) => f.hasPreviousPage)).toEqual(forward.pages.map((_, i) => i > 0));
  expect(forward.flags.map((f) => f.hasNextPage)).toEqual(forward.pages.map((_, i) => i < last));

  // The list's end, backward without a cursor: the last `size` rows, nothing after them.
  const end = await read({ size, backward: true, cursor: null });
  const all = forward.pages.flat();
  expect(end.rows.map((r) => r.id)).toEqual(all.slice(-size));
  expect([end.hasPreviousPage, end.hasNextPage]).toEqual([all.length > size, false]);

  const backward: Walked = { pages: [], flags: [] };
  let startOf = page.rows[0]!;
  for (;;) {
    const previous = await read({ size, backward: true, cursor: keyOf(startOf) });
    backward.pages.unshift(previous.rows.map((r) => r.id));
    backward.flags.unshift({ hasPreviousPage: previous.hasPreviousPage, hasNextPage: previous.hasNextPage });
    if (!previous.hasPreviousPage) break;
    startOf = previous.rows[0]!;
  }
  expect(backward.pages).toEqual(forward.pages.slice(0, last));
  expect(backward.flags.map((f) => f.hasNextPage).every(Boolean)).toBe(true);
  expect(backward.flags.map((f) => f.hasPreviousPage)).toEqual(backward.pages.map((_, i) => i > 0));
  return forward;
}

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
    const walked = await walkBothWays<{ deadline: string; id: string }>(
      async (page) => {
        const result = await repository.queue(department, ['COMPLETED'], page);
        expect(result.totalCount).toBe(expected.length);
        return result;
      },
      (r) => ({ deadline: r.deadline, id: r.id }),
      97,
    );
    expect(expected.length).toBeGreaterThan(500);
    expect(walked.pages.flat()).toEqual(expected);
  });

  it('walks the open queue (several states at once) both ways', async () => {
    const department = DEPARTMENTS.trafficPolice.code;
    const walked = await walkBothWays<{ deadline: string; id: string }>(
      (page) => repository.queue(department, ['SUBMITTED', 'ACCEPTED', 'IN_REVIEW'], page),
      (r) => ({ deadline: r.deadline, id: r.id }),
      3,
    );
    expect(walked.pages.length).toBeGreaterThan(1);
  });

  it('seeks the queue index both ways, for the page and for the rows beyond the cursor', async () => {
    const department = DEPARTMENTS.trafficPolice.code;
    const cursor = { deadline: '2025-06-01', id: 'AP-M' };
    for (const backward of [false, true]) {
      const plans = await queryPlans(database, (db) => new ApplicationRepository(db).queue(department, ['COMPLETED'], { size: 20, backward, cursor }));
      const page = plans.find((p) => /select \*/i.test(p.sql))!;
      const beyond = plans.find((p) => /limit/i.test(p.sql) && !/select \*/i.test(p.sql))!;
      expect(page.sql).toMatch(backward ? /order by "deadline" desc, "id" desc/ : /order by "deadline" asc, "id" asc/);
      for (const { plan } of [page, beyond]) {
        if (database.dialect === 'sqlite') {
          expect(plan).toMatch(/USING (COVERING )?INDEX application_queue \(department_code=\? AND status=\? AND \(deadline,id\)[<>]=?\(\?,\?\)\)/);
          expect(plan).not.toMatch(/TEMP B-TREE/);
        } else {
          expect(plan).toMatch(/Index (Only )?Scan( Backward)? using application_queue/);
          expect(plan).toMatch(/Index Cond: .*ROW\(\(?deadline\)?(::text)?, \(?id\)?(::text)?\) [<>]=? ROW/);
          expect(plan).not.toMatch(/Sort/);
        }
      }
      if (database.dialect === 'postgres') expect(page.plan.includes('Scan Backward')).toBe(backward);
    }
  });

  it('walks an applicant’s cases newest first through ties on the submission instant', async () => {
    const walked = await walkBothWays<{ at: string; id: string }>(
      (page) => repository.ofApplicant('P-TIES', page),
      (r) => ({ at: r.submittedAt, id: r.id }),
      5,
    );
    expect(walked.pages.flat()).toEqual(Array.from({ length: 12 }, (_, i) => `AP-TIE-${String(11 - i).padStart(2, '0')}`));
  });

  it('seeks the applicant index both ways', async () => {
    const cursor = { at: '2025-06-01T00:00:00.000Z', id: 'AP-M' };
    const applicant = (await database.db.selectFrom('application').select('applicant_id').where('applicant_id', '!=', 'P-TIES').executeTakeFirstOrThrow()).applicant_id;
    for (const backward of [false, true]) {
      const plans = await queryPlans(database, (db) => new ApplicationRepository(db).ofApplicant(applicant, { size: 20, backward, cursor }));
      const page = plans.find((p) => /select \*/i.test(p.sql))!;
      const beyond = plans.find((p) => /limit/i.test(p.sql) && !/select \*/i.test(p.sql))!;
      for (const { plan } of [page, beyond]) {
        // The index ends with the id (migration 0004): both databases seek straight to the cursor, as the queue does.
        if (database.dialect === 'sqlite') expect(plan).toMatch(/USING (COVERING )?INDEX application_applicant \(applicant_id=\? AND \(submitted_at,id\)[<>]=?\(\?,\?\)\)/);
        else {
          // For an applicant's few cases PostgreSQL may prefer a bitmap scan and a sort of them; either way the index bounds the rows by the cursor.
          expect(plan).toMatch(/Index (Only )?Scan( Backward)? using application_applicant|Bitmap Index Scan on application_applicant/);
          expect(plan).toMatch(/Index Cond: .*applicant_id.* AND \(ROW\(\(?submitted_at\)?(::text)?, \(?id\)?(::text)?\) [<>]=? ROW/);
        }
      }
    }
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
