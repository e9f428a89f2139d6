import type { Kysely, Migration } from 'kysely';
import { backfillTallies } from '../statistics/tally-recount.js';

/**
 * Maintained counters (issue 24, src/statistics/case-tally.ts): history entries per day,
 * department, matter, channel and event, and per year; cases per department and status; cases per
 * applicant. A database that already has cases gets them counted once, here. The applicant's list
 * index gains the id its keyset pages order by, so a page seeks straight to its cursor.
 */
export const caseTallyTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('case_tally_day')
      .addColumn('day', 'varchar(10)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(32)', (c) => c.notNull())
      .addColumn('matter_code', 'varchar(64)', (c) => c.notNull())
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addColumn('event', 'varchar(32)', (c) => c.notNull())
      .addColumn('cases', 'integer', (c) => c.notNull())
      .addColumn('instant', 'integer', (c) => c.notNull())
      .addColumn('on_time', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_tally_day_pk', ['day', 'department_code', 'matter_code', 'channel', 'event'])
      .execute();
    await db.schema
      .createTable('case_tally_year')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('department_code', 'varchar(32)', (c) => c.notNull())
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addColumn('event', 'varchar(32)', (c) => c.notNull())
      .addColumn('cases', 'integer', (c) => c.notNull())
      .addColumn('instant', 'integer', (c) => c.notNull())
      .addColumn('on_time', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_tally_year_pk', ['year', 'department_code', 'channel', 'event'])
      .execute();
    await db.schema
      .createTable('case_status_count')
      .addColumn('department_code', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('cases', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_status_count_pk', ['department_code', 'status'])
      .execute();
    await db.schema
      .createTable('applicant_case_count')
      .addColumn('applicant_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('cases', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.dropIndex('application_applicant').execute();
    await db.schema.createIndex('application_applicant').on('application').columns(['applicant_id', 'submitted_at', 'id']).execute();
    await backfillTallies(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('application_applicant').execute();
    await db.schema.createIndex('application_applicant').on('application').columns(['applicant_id', 'submitted_at']).execute();
    for (const table of ['applicant_case_count', 'case_status_count', 'case_tally_year', 'case_tally_day']) await db.schema.dropTable(table).execute();
  },
};
