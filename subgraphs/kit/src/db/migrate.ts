import { Migrator, type Kysely, type Migration } from 'kysely';

/** Migrations keyed by name; applied in name order, so prefix them with a sequence number. */
export type Migrations = Record<string, Migration>;

/** Brings the database up to date at start; refuses to run on a failed or unknown history. */
export async function migrateToLatest(db: Kysely<any>, migrations: Migrations): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
