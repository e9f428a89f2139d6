import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable, queryPlans } from '@govgraph/kit/testing';
import type { IdentityTables } from '../src/database.js';
import { dataAccessPage } from '../src/data-access/data-access-log.js';
import { DataAccessRepository } from '../src/data-access/data-access.repository.js';
import { identityMigrations } from '../src/migrations/index.js';

/**
 * The data-access log pages both ways by keyset on data_access_applicant_at (applicant_id, at, id):
 * forward (`first`/`after`) newest first, backward (`last`/`before`) the rows just before a cursor.
 */
function pagingContract(open: () => Promise<{ database: Database<IdentityTables>; cleanup(): Promise<void> }>) {
  let database: Database<IdentityTables>;
  let cleanup: () => Promise<void>;
  let repository: DataAccessRepository;
  /** P-LOG's 23 entries, newest first; three share each instant, so the id breaks ties. */
  let expected: string[];

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await migrateToLatest(database.db, identityMigrations, database.dialect);
    const entry = (applicant: string, i: number) => ({
      id: `DA-${applicant}-${String(i).padStart(3, '0')}`,
      applicant_id: applicant,
      at: `2025-03-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T09:00:00.000Z`,
      accessor_account_id: 'A-1',
      accessor_name: '王警官',
      department_code: null,
      purpose: 'case review',
      case_id: null,
      fields: '[]',
    });
    await database.db
      .insertInto('data_access')
      .values([...Array.from({ length: 23 }, (_, i) => entry('P-LOG', i)), ...Array.from({ length: 5 }, (_, i) => entry('P-OTHER', i))])
      .execute();
    expected = Array.from({ length: 23 }, (_, i) => `DA-P-LOG-${String(22 - i).padStart(3, '0')}`);
    repository = new DataAccessRepository(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  const idsOf = (page: Awaited<ReturnType<typeof dataAccessPage>>) => page.edges.map((e) => e.cursor);

  it('walks forward, then backward from the last page, meeting the same pages; the flags are true except at the ends', async () => {
    const forward: string[][] = [];
    let page = await dataAccessPage(repository, 'P-LOG', { first: 5 });
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    for (;;) {
      forward.push(idsOf(page));
      expect(page.totalCount).toBe(23);
      if (!page.pageInfo.hasNextPage) break;
      page = await dataAccessPage(repository, 'P-LOG', { first: 5, after: page.pageInfo.endCursor });
      expect(page.pageInfo.hasPreviousPage).toBe(true);
    }
    expect(forward.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const entries = await database.db.selectFrom('data_access').select('id').where('applicant_id', '=', 'P-LOG').orderBy('at', 'desc').orderBy('id', 'desc').execute();
    expect(entries.map((e) => e.id)).toEqual(expected);

    const backward: string[][] = [];
    let before = page.pageInfo.startCursor;
    for (;;) {
      const previous = await dataAccessPage(repository, 'P-LOG', { last: 5, before });
      expect(previous.pageInfo.hasNextPage).toBe(true);
      backward.unshift(idsOf(previous));
      if (!previous.pageInfo.hasPreviousPage) break;
      before = previous.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward.slice(0, -1));

    const end = await dataAccessPage(repository, 'P-LOG', { last: 4 });
    expect(idsOf(end)).toEqual(forward.flat().slice(-4));
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: forward.flat().at(-4), endCursor: forward.flat().at(-1) });
    const all = await dataAccessPage(repository, 'P-LOG', { last: 100 });
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(all.edges.map((e) => e.node.at)).toEqual(
      (await database.db.selectFrom('data_access').select('at').where('applicant_id', '=', 'P-LOG').orderBy('at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.at),
    );
  });

  it('refuses mixed directions, sizes out of range and cursors of another list, naming the argument', async () => {
    const cursor = encodeCursor('access', `2025-03-02T09:00:00.000Z|DA-P-LOG-004`);
    const refusals: Array<[Parameters<typeof dataAccessPage>[2], string, RegExp]> = [
      [{ first: 5, last: 5 }, 'last', /first and last/],
      [{ after: cursor, before: cursor }, 'before', /after and before/],
      [{ first: 5, before: cursor }, 'before', /with last/],
      [{ last: 5, after: cursor }, 'after', /with first/],
      [{ last: 101 }, 'last', /between 0 and 100/],
      [{ last: -1 }, 'last', /between 0 and 100/],
      [{ last: 5, before: encodeCursor('queue', 'x|y') }, 'before', /not a cursor of this list/],
      [{ last: 5, before: encodeCursor('access', 'no-bar') }, 'before', /not a cursor of this list/],
    ];
    for (const [args, field, message] of refusals) {
      await expect(dataAccessPage(repository, 'P-LOG', args), JSON.stringify(args)).rejects.toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });

  it('seeks data_access_applicant_at both ways, for the page and for the rows past the cursor', async () => {
    const cursor = { at: '2025-03-04T09:00:00.000Z', id: 'DA-P-LOG-010' };
    for (const backward of [false, true]) {
      const plans = await queryPlans(
        database,
        async (db) => {
          const log = new DataAccessRepository(db);
          await log.page('P-LOG', 6, cursor, backward);
          await log.reachesPast('P-LOG', cursor, backward);
        },
        { withoutSeqScan: true },
      );
      expect(plans[0]!.sql).toMatch(backward ? /order by "at" asc, "id" asc/ : /order by "at" desc, "id" desc/);
      for (const { plan } of plans) {
        if (database.dialect === 'sqlite') {
          expect(plan).toMatch(/SEARCH data_access USING (COVERING )?INDEX data_access_applicant_at \(applicant_id=\? AND \(at,id\)[<>]=?\(\?,\?\)\)/);
          expect(plan).not.toMatch(/TEMP B-TREE/);
        } else {
          expect(plan).toMatch(/Index (Only )?Scan( Backward)? using data_access_applicant_at/);
          expect(plan).toMatch(/Index Cond: .*ROW\(\(?at\)?(::text)?, \(?id\)?(::text)?\) [<>]=? ROW/);
          expect(plan).not.toMatch(/Sort/);
        }
      }
    }
  });
}

describe('data-access paging on SQLite', () => {
  pagingContract(async () => ({ database: openDatabase<IdentityTables>({ name: 'identity', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.runIf(await postgresAvailable())('data-access paging on PostgreSQL', () => {
  pagingContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<IdentityTables>({ name: 'identity', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});
