import type { Kysely, Migration } from 'kysely';

/** Written with Kysely's schema builder, so the same migration runs on SQLite and PostgreSQL. */
export const consultationTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('consultation')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('applicant_id', 'varchar(32)')
      .addColumn('submitted_by', 'varchar(32)')
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('matter_code', 'varchar(64)')
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addColumn('question', 'varchar(500)', (c) => c.notNull())
      .addColumn('asked_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('due_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('answer', 'varchar(2000)')
      .addColumn('answered_at', 'varchar(30)')
      .addColumn('answered_by', 'varchar(32)')
      .addColumn('public_question', 'varchar(200)')
      .addColumn('public_answer', 'varchar(2000)')
      .execute();
    // The applicant's own list (newest first), the department's queue (due first), a matter's FAQ, the report.
    await db.schema.createIndex('consultation_applicant').on('consultation').columns(['applicant_id', 'asked_at']).execute();
    await db.schema.createIndex('consultation_queue').on('consultation').columns(['department_code', 'due_at', 'id']).execute();
    await db.schema.createIndex('consultation_matter_faq').on('consultation').columns(['matter_code', 'public_question']).execute();
    await db.schema.createIndex('consultation_year').on('consultation').columns(['department_code', 'asked_at']).execute();

    await db.schema
      .createTable('consultation_tally')
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('day', 'varchar(10)', (c) => c.notNull())
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull())
      .addColumn('answered', 'integer', (c) => c.notNull())
      .addColumn('answered_in_time', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_tally_pk', ['department_code', 'day', 'channel'])
      .execute();

    await db.schema
      .createTable('consultation_complaint')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('submitted_by', 'varchar(32)')
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('matter_code', 'varchar(64)')
      .addColumn('subject', 'varchar(1000)', (c) => c.notNull())
      .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('coordinated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('coordination_note', 'varchar(1000)')
      .addColumn('outcome', 'varchar(16)')
      .addColumn('closed_at', 'varchar(30)')
      .addColumn('rating', 'integer')
      .addColumn('rated_at', 'varchar(30)')
      .execute();
    await db.schema.createIndex('consultation_complaint_applicant').on('consultation_complaint').columns(['applicant_id', 'received_at']).execute();
    await db.schema.createIndex('consultation_complaint_received').on('consultation_complaint').columns(['department_code', 'received_at']).execute();
    await db.schema.createIndex('consultation_complaint_closed').on('consultation_complaint').columns(['department_code', 'closed_at']).execute();

    await db.schema
      .createTable('consultation_praise')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .execute();
    await db.schema.createIndex('consultation_praise_year').on('consultation_praise').columns(['department_code', 'received_on']).execute();
  },
};
