import type { Kysely, Migration } from 'kysely';
import { insertInBatches } from '@govgraph/kit';
import { bigramRows } from '../matter/search-bigrams.js';

/**
 * Two-character search through an index (matter/search-bigrams.ts): one row per distinct bigram
 * of each matter's search text, keyed (bigram, matter_code) so a search reads only its matches.
 * Written wherever matters are written (the catalog seed); existing matters are indexed here.
 */
export const searchBigramIndex: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('matter_bigram')
      .addColumn('bigram', 'varchar(16)', (c) => c.notNull())
      .addColumn('matter_code', 'varchar(64)', (c) => c.notNull().references('matter.code').onDelete('cascade'))
      .addPrimaryKeyConstraint('matter_bigram_pk', ['bigram', 'matter_code'])
      .execute();
    await db.schema.createIndex('matter_bigram_matter').on('matter_bigram').column('matter_code').execute();
    const matters = (await db.selectFrom('matter').select(['code', 'search_text']).execute()) as Array<{ code: string; search_text: string }>;
    await insertInBatches(db, 'matter_bigram', bigramRows(matters));
  },
};
