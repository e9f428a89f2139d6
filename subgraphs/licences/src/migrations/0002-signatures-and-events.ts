import type { Kysely, Migration } from 'kysely';

/** Issuer signing keys, a signature on every licence, the case that decided it, and its history. */
export const signaturesAndEvents: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('issuer_key')
      .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('department_code', 'varchar(18)', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('retired_at', 'varchar(32)')
      .execute();
    await db.schema.createIndex('issuer_key_department').on('issuer_key').columns(['department_code', 'created_at']).execute();
    // Demo licences of the first version carry no signature: they are replaced by the seed (version 2).
    await db.deleteFrom('licence').execute();
    await db.deleteFrom('licence_type').execute();
    await db.schema
      .alterTable('licence')
      .addColumn('signature', 'varchar(128)', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('licence')
      .addColumn('key_id', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('licence').addColumn('case_id', 'varchar(64)').execute();
    await db.schema
      .createTable('licence_event')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('licence_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('action', 'varchar(32)', (c) => c.notNull())
      .addColumn('actor_account_id', 'varchar(32)')
      .addColumn('department_code', 'varchar(18)')
      .addColumn('reason', 'varchar(500)')
      .execute();
    await db.schema.createIndex('licence_event_licence').on('licence_event').columns(['licence_id', 'at']).execute();
  },
};
