import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Each material declares what satisfies it (issue 22): its kind (LICENCE, DOCUMENT,
 * GENERATED_FORM), every licence type it accepts (JSON text, as lists are on both dialects), and
 * for documents the category an earlier document is offered again for and how many days it stays
 * fresh. Rows already there keep their meaning: a material that accepted a licence type is a
 * LICENCE of that one type, any other a DOCUMENT of its own code's category with no limit. The
 * demo catalog is reseeded afterwards (seed version 3) with its full declarations.
 */
export const materialDeclarations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('matter_material')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('DOCUMENT'))
      .execute();
    await db.schema
      .alterTable('matter_material')
      .addColumn('accepts_licence_types', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.alterTable('matter_material').addColumn('document_category', 'varchar(64)').execute();
    await db.schema.alterTable('matter_material').addColumn('valid_for_days', 'integer').execute();
    await db
      .updateTable('matter_material')
      .set({ kind: 'LICENCE', accepts_licence_types: sql`'["' || accepts_licence_type || '"]'` })
      .where('accepts_licence_type', 'is not', null)
      .execute();
    await db.updateTable('matter_material').set({ document_category: sql`code` }).where('accepts_licence_type', 'is', null).execute();
  },
};
