import type { Kysely, Migration } from 'kysely';

/** Cases (办件) with their fields, materials and history; form sessions; what other departments told us. */
export const caseTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('application')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('number', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('submitted_by', 'varchar(32)', (c) => c.notNull())
      .addColumn('matter_code', 'varchar(64)', (c) => c.notNull())
      .addColumn('matter_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(32)', (c) => c.notNull())
      .addColumn('case_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('licensing', 'integer', (c) => c.notNull())
      .addColumn('promised_days', 'integer', (c) => c.notNull())
      .addColumn('channel', 'varchar(16)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('submitted_year', 'integer', (c) => c.notNull())
      .addColumn('accepted_at', 'varchar(32)')
      .addColumn('decided_at', 'varchar(32)')
      .addColumn('completed_at', 'varchar(32)')
      .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
      .addColumn('paused_since', 'varchar(32)')
      .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('resume_status', 'varchar(32)')
      .addColumn('on_time', 'integer')
      .addColumn('idempotency_key', 'varchar(64)')
      .addColumn('payload_hash', 'varchar(64)')
      .addColumn('form_snapshot', 'text')
      .addColumn('licence_id', 'varchar(128)')
      .execute();
    await db.schema.createIndex('application_idempotency').on('application').columns(['applicant_id', 'idempotency_key']).unique().execute();
    await db.schema.createIndex('application_applicant').on('application').columns(['applicant_id', 'submitted_at']).execute();
    await db.schema.createIndex('application_queue').on('application').columns(['department_code', 'status', 'deadline', 'id']).execute();
    await db.schema.createIndex('application_year').on('application').columns(['submitted_year', 'department_code']).execute();

    await db.schema
      .createTable('application_field')
      .addColumn('application_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('key', 'varchar(64)', (c) => c.notNull())
      .addColumn('source', 'varchar(100)')
      .addColumn('value', 'text')
      .addColumn('provenance_system', 'varchar(32)', (c) => c.notNull())
      .addColumn('provenance_department', 'varchar(64)')
      .addColumn('trust_level', 'varchar(1)', (c) => c.notNull())
      .addColumn('retrieved_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_field_pk', ['application_id', 'key'])
      .execute();

    await db.schema
      .createTable('application_material')
      .addColumn('application_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('requirement_code', 'varchar(64)', (c) => c.notNull())
      .addColumn('evidence_kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('evidence_id', 'varchar(128)', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_material_pk', ['application_id', 'requirement_code', 'evidence_id'])
      .execute();
    await db.schema.createIndex('application_material_evidence').on('application_material').columns(['evidence_kind', 'evidence_id']).execute();

    await db.schema
      .createTable('application_event')
      .addColumn('application_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('actor', 'varchar(64)', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .addPrimaryKeyConstraint('application_event_pk', ['application_id', 'seq'])
      .execute();

    await db.schema
      .createTable('form_session')
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('matter_code', 'varchar(64)', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('taken_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('form_session_pk', ['applicant_id', 'matter_code'])
      .execute();

    await db.schema
      .createTable('licence_status')
      .addColumn('licence_id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('holder_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('case_counter')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
  },
};
