import type { Kysely, Migration } from 'kysely';

export const catalogTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('department')
      .addColumn('code', 'varchar(18)', (c) => c.primaryKey())
      .addColumn('key', 'varchar(16)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('matter')
      .addColumn('code', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('basic_code', 'varchar(64)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('type', 'varchar(32)', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) => c.notNull())
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull().references('department.code'))
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('legal_time_limit_days', 'integer', (c) => c.notNull())
      .addColumn('promised_time_limit_days', 'integer', (c) => c.notNull())
      .addColumn('case_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('online_depth', 'integer', (c) => c.notNull())
      .addColumn('visits_required', 'integer', (c) => c.notNull())
      .addColumn('fee', 'varchar(100)', (c) => c.notNull())
      .addColumn('served_objects', 'varchar(64)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('matter_department').on('matter').column('department_code').execute();
    await db.schema
      .createTable('matter_material')
      .addColumn('matter_code', 'varchar(64)', (c) => c.notNull().references('matter.code'))
      .addColumn('code', 'varchar(64)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('accepts_licence_type', 'varchar(32)')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('matter_material_pk', ['matter_code', 'code'])
      .execute();
    await db.schema
      .createTable('matter_form_field')
      .addColumn('matter_code', 'varchar(64)', (c) => c.notNull().references('matter.code'))
      .addColumn('key', 'varchar(64)', (c) => c.notNull())
      .addColumn('label', 'varchar(100)', (c) => c.notNull())
      .addColumn('type', 'varchar(32)', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('source', 'varchar(128)')
      .addColumn('options', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('matter_form_field_pk', ['matter_code', 'key'])
      .execute();
  },
};
