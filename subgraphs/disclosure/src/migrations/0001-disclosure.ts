import type { Kysely, Migration } from 'kysely';

/** Written with Kysely's schema builder, so the same migration runs on SQLite and PostgreSQL. */
export const disclosureTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('disclosure_release')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('category', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
      .execute();
    // disclosureReleases (newest first, by keyset) and the report's counts by year.
    await db.schema.createIndex('disclosure_release_department').on('disclosure_release').columns(['department_code', 'published_on', 'id']).execute();

    await db.schema
      .createTable('disclosure_release_channel')
      .addColumn('release_id', 'varchar(16)', (c) => c.notNull().references('disclosure_release.id'))
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addPrimaryKeyConstraint('disclosure_release_channel_pk', ['release_id', 'channel'])
      .execute();

    await db.schema
      .createTable('disclosure_channel_year')
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addColumn('posts', 'integer', (c) => c.notNull())
      .addColumn('followers', 'integer')
      .addPrimaryKeyConstraint('disclosure_channel_year_pk', ['department_code', 'year', 'channel'])
      .execute();

    await db.schema
      .createTable('disclosure_request')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('requester_id', 'varchar(16)', (c) => c.notNull())
      .addColumn('submitted_by', 'varchar(16)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('description', 'varchar(2000)', (c) => c.notNull())
      .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('original_due_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('extended_days', 'integer')
      .addColumn('extension_reason', 'varchar(500)')
      .addColumn('extended_on', 'varchar(10)')
      .addColumn('outcome', 'varchar(24)')
      .addColumn('refusal_ground', 'varchar(24)')
      .addColumn('replied_on', 'varchar(10)')
      .addColumn('fee_yuan', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'varchar(500)')
      .execute();
    // Applicant.disclosureRequests (newest first), the officers' queue (due first), the report.
    await db.schema.createIndex('disclosure_request_requester').on('disclosure_request').columns(['requester_id', 'received_on']).execute();
    await db.schema.createIndex('disclosure_request_queue').on('disclosure_request').columns(['department_code', 'status', 'due_on', 'id']).execute();
    await db.schema.createIndex('disclosure_request_received').on('disclosure_request').columns(['department_code', 'received_on']).execute();

    await db.schema
      .createTable('disclosure_review')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('request_id', 'varchar(16)', (c) => c.notNull().references('disclosure_request.id'))
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('result', 'varchar(16)', (c) => c.notNull())
      .addColumn('closed_on', 'varchar(10)')
      .execute();
    await db.schema.createIndex('disclosure_review_request').on('disclosure_review').columns(['request_id', 'filed_on']).execute();
    await db.schema.createIndex('disclosure_review_department').on('disclosure_review').columns(['department_code', 'filed_on']).execute();
  },
};
