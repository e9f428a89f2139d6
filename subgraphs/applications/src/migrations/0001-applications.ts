import type { Kysely, Migration } from 'kysely';

export const applicationTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('document')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('owner_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('filename', 'varchar(255)', (c) => c.notNull())
      .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('document_owner').on('document').columns(['owner_id', 'sha256']).unique().execute();
  },
};
