import type { Kysely, Migration } from 'kysely';

/**
 * Electronic supervision (src/supervision/): open cases by status and deadline, so the board and
 * the deadline scanner seek the running cases near or past their deadline across every department
 * without reading closed history; and the level each case was last announced at, so a level is
 * announced once however many replicas scan.
 */
export const supervisionTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('application_supervision').on('application').columns(['status', 'deadline', 'id']).execute();
    await db.schema
      .createTable('case_supervision')
      .addColumn('application_id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('level', 'varchar(16)', (c) => c.notNull())
      .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
      .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('case_supervision').execute();
    await db.schema.dropIndex('application_supervision').execute();
  },
};
