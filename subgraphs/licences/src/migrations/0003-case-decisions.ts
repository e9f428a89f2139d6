import type { Kysely, Migration } from 'kysely';

/** Decisions the case system reported: a licence is issued for a case only once it is approved. */
export const caseDecisions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('case_decision')
      .addColumn('case_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(32)', (c) => c.notNull())
      .addColumn('licensing', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('licence_case').on('licence').column('case_id').execute();
  },
};
