import type { Kysely, Migration } from 'kysely';

/**
 * The application forms the system generated from submitted fields (免填单): which document holds
 * a case's form, and applications' signature over it (SHA-256, case id and number).
 */
export const generatedFormTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('generated_form')
      .addColumn('application_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('requirement_code', 'varchar(64)', (c) => c.notNull())
      .addColumn('document_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('generated_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('generated_form_pk', ['application_id', 'requirement_code'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('generated_form').execute();
  },
};
