import type { Kysely } from 'kysely';

/**
 * Inserts many rows in multi-row statements. SQLite allows 32,766 bound parameters and
 * PostgreSQL 65,535, so the batch size follows the row width.
 */
export async function insertInBatches(db: Kysely<any>, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const batchSize = Math.max(1, Math.floor(30_000 / columns));
  for (let start = 0; start < rows.length; start += batchSize) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + batchSize) as any)
      .execute();
  }
}
