import { sql, type Kysely } from 'kysely';
import type { ApplicationTables } from '../../database.js';
import type { TallyBook } from '../../statistics/case-tally.js';

/*
 * A full year's counters are millions of day rows (day × department × matter × channel × event).
 * writeTallies upserts them a thousand at a time through the query builder, which is right for a
 * transaction's few rows and the demo's 20,000 cases, and takes minutes for a full year. Here the
 * same additive upsert (`cases = cases + excluded.cases`) is done set-wise on PostgreSQL: the
 * book's rows are copied into a temporary table and merged with one statement per counter table.
 */

export interface CounterTable {
  table: 'case_tally_day' | 'case_tally_year' | 'case_status_count' | 'applicant_case_count';
  key: readonly string[];
  sums: readonly string[];
  rows: readonly object[];
}

/** The book's rows per counter table, as writeTallies would write them (statuses that net to zero left out). */
export function counterTables(book: TallyBook): CounterTable[] {
  return [
    { table: 'case_tally_day', key: ['day', 'department_code', 'matter_code', 'channel', 'event'], sums: ['cases', 'instant', 'on_time'], rows: [...book.days.values()] },
    { table: 'case_tally_year', key: ['year', 'department_code', 'channel', 'event'], sums: ['cases', 'instant', 'on_time'], rows: [...book.years.values()] },
    { table: 'case_status_count', key: ['department_code', 'status'], sums: ['cases'], rows: [...book.statuses.values()].filter((r) => r.cases !== 0) },
    { table: 'applicant_case_count', key: ['applicant_id'], sums: ['cases'], rows: [...book.applicants.values()] },
  ];
}

/** Adds the book to the counter tables on PostgreSQL; `copy` writes rows into a table on the transaction's connection. */
export async function mergeTallies(
  trx: Kysely<ApplicationTables>,
  book: TallyBook,
  copy: (table: string, columns: readonly string[], rows: readonly object[]) => Promise<void>,
): Promise<void> {
  for (const { table, key, sums, rows } of counterTables(book)) {
    if (rows.length === 0) continue;
    const staged = `${table}_staged`;
    const columns = [...key, ...sums];
    await sql`create temporary table ${sql.id(staged)} (like ${sql.id(table)}) on commit drop`.execute(trx);
    await copy(staged, columns, rows);
    const list = sql.join(columns.map((c) => sql.id(c)));
    const additions = sql.join(sums.map((c) => sql`${sql.id(c)} = ${sql.id(table)}.${sql.id(c)} + excluded.${sql.id(c)}`));
    // Key order, as writeTallies writes: two writers lock shared counter rows in the same order.
    await sql`insert into ${sql.id(table)} (${list}) select ${list} from ${sql.id(staged)} order by ${sql.join(key.map((c) => sql.id(c)))}
      on conflict (${sql.join(key.map((c) => sql.id(c)))}) do update set ${additions}`.execute(trx);
    await sql`drop table ${sql.id(staged)}`.execute(trx);
  }
}
