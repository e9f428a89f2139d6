import type { Kysely, Migration } from 'kysely';

export const identityTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('person')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('id_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('id_number', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('gender', 'varchar(8)', (c) => c.notNull())
      .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('mobile', 'varchar(20)', (c) => c.notNull())
      .addColumn('email', 'varchar(200)')
      .addColumn('division_code', 'varchar(12)', (c) => c.notNull())
      .addColumn('address_detail', 'varchar(300)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('enterprise')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('credit_code', 'varchar(18)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('entity_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('legal_representative_id', 'varchar(32)', (c) => c.notNull().references('person.id'))
      .addColumn('division_code', 'varchar(12)', (c) => c.notNull())
      .addColumn('address_detail', 'varchar(300)', (c) => c.notNull())
      .addColumn('established_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('enterprise_agent')
      .addColumn('enterprise_id', 'varchar(32)', (c) => c.notNull().references('enterprise.id'))
      .addColumn('person_id', 'varchar(32)', (c) => c.notNull().references('person.id'))
      .addColumn('role', 'varchar(32)', (c) => c.notNull())
      .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('valid_to', 'varchar(10)')
      .addPrimaryKeyConstraint('enterprise_agent_pk', ['enterprise_id', 'person_id', 'role'])
      .execute();
    await db.schema.createIndex('enterprise_agent_person').on('enterprise_agent').column('person_id').execute();
    await db.schema
      .createTable('account')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
      .addColumn('person_id', 'varchar(32)', (c) => c.notNull().references('person.id'))
      .addColumn('roles', 'varchar(200)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(18)')
      .execute();
    await db.schema
      .createTable('signing_key')
      .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('algorithm', 'varchar(16)', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('retired_at', 'varchar(32)')
      .execute();
  },
};
