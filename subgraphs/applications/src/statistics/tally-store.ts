import { sql, type Kysely } from 'kysely';
import type { ApplicationTables } from '../database.js';
import type { TallyBook } from './case-tally.js';

/** Rows per upsert: well under SQLite's and PostgreSQL's parameter limits at eight columns. */
const CHUNK = 1_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) result.push(rows.slice(start, start + CHUNK));
  return result;
}

/**
 * Adds a book's increments to the counter tables, inside the caller's transaction. Each row is an
 * upsert that adds (`cases = cases + excluded.cases`), so concurrent transactions never lose a count:
 * the second waits for the first's row lock (PostgreSQL) or for the write lock (SQLite).
 * Rows are written in key order, so two transactions lock shared counters in the same order.
 */
export async function writeTallies(db: Kysely<ApplicationTables>, book: TallyBook): Promise<void> {
  const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  for (const rows of chunks(byKey(book.days))) {
    await db
      .insertInto('case_tally_day')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['day', 'department_code', 'matter_code', 'channel', 'event']).doUpdateSet({
          cases: sql`case_tally_day.cases + excluded.cases`,
          instant: sql`case_tally_day.instant + excluded.instant`,
          on_time: sql`case_tally_day.on_time + excluded.on_time`,
        }),
      )
      .execute();
  }
  for (const rows of chunks(byKey(book.years))) {
    await db
      .insertInto('case_tally_year')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['year', 'department_code', 'channel', 'event']).doUpdateSet({
          cases: sql`case_tally_year.cases + excluded.cases`,
          instant: sql`case_tally_year.instant + excluded.instant`,
          on_time: sql`case_tally_year.on_time + excluded.on_time`,
        }),
      )
      .execute();
  }
  for (const rows of chunks(byKey(book.statuses).filter((r) => r.cases !== 0))) {
    await db
      .insertInto('case_status_count')
      .values(rows)
      .onConflict((oc) => oc.columns(['department_code', 'status']).doUpdateSet({ cases: sql`case_status_count.cases + excluded.cases` }))
      .execute();
  }
  for (const rows of chunks(byKey(book.applicants))) {
    await db
      .insertInto('applicant_case_count')
      .values(rows)
      .onConflict((oc) => oc.column('applicant_id').doUpdateSet({ cases: sql`applicant_case_count.cases + excluded.cases` }))
      .execute();
  }
}
