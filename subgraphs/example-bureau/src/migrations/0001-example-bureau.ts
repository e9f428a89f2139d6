import type { Kysely, Migration } from 'kysely';

/** Written with Kysely's schema builder, so the same migration runs on SQLite and PostgreSQL. */
export const exampleBureauTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('example_bureau_record')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('recorded_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('department', 'varchar(200)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('example_bureau_record_applicant').on('example_bureau_record').columns(['applicant_id', 'recorded_on']).execute();
  },
};
