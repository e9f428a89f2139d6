import type { Kysely, Migration } from 'kysely';

/** The citizen's data tracker: every read of their data by someone else, with purpose. */
export const dataAccessLog: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('data_access')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('accessor_account_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('accessor_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(18)')
      .addColumn('purpose', 'varchar(200)', (c) => c.notNull())
      .addColumn('case_id', 'varchar(64)')
      .addColumn('fields', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('data_access_applicant_at').on('data_access').columns(['applicant_id', 'at', 'id']).execute();
  },
};
