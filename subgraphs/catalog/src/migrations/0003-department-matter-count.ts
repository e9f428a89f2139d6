import type { Kysely, Migration } from 'kysely';

/**
 * Departments carry their matter count, kept by whatever writes matters (the seed, later the
 * publishing tools): `departments { matterCount }` on every portal page reads 35 rows instead of
 * grouping every matter of the catalog.
 */
export const departmentMatterCount: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('department')
      .addColumn('matter_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
