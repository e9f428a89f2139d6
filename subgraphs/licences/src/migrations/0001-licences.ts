import type { Kysely, Migration } from 'kysely';

export const licenceTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('licence_type')
      .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('issuer_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('holder_kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('default_validity_years', 'integer')
      .addColumn('fields', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('licence')
      .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('type_code', 'varchar(32)', (c) => c.notNull().references('licence_type.code'))
      .addColumn('number', 'varchar(64)', (c) => c.notNull())
      .addColumn('holder_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('holder_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('issuer_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('valid_to', 'varchar(10)')
      .addColumn('status_code', 'varchar(2)', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('previous_id', 'varchar(128)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('licence_holder').on('licence').columns(['holder_id', 'type_code']).execute();
  },
};
