import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './open-database.js';

/** Migrations keyed by name; applied in name order, so prefix them with a sequence number. */
export type Migrations = Record<string, Migration>;

/** Brings the database up to date at start; refuses to run on a failed or unknown history. */
export async function migrateToLatest(db: Kysely<any>, migrations: Migrations, dialect: Dialect = 'sqlite'): Promise<string[]> {
  const migrator = await migratorFor(db, migrations, dialect);
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's migrator looks at every schema's tables; on PostgreSQL that read fails when another
  // schema of the same database is dropped meanwhile (subgraphs or tests sharing one database).
  for (let attempt = 0; error && dialect === 'postgres' && droppedMeanwhile(error) && attempt < 5; attempt++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations not yet applied to the database, in order (all of them on an empty database). */
export async function pendingMigrations(db: Kysely<any>, migrations: Migrations, dialect: Dialect = 'sqlite'): Promise<string[]> {
  const migrator = await migratorFor(db, migrations, dialect);
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

async function migratorFor(db: Kysely<any>, migrations: Migrations, dialect: Dialect): Promise<Migrator> {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its own tables in every visible schema; on PostgreSQL, where several
    // subgraphs may share a database in separate schemas, pin it to ours.
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
}

async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  return schema;
}

/** PostgreSQL's "schema … does not exist" (3F000) raised while reading the catalog, not by a migration of ours. */
function droppedMeanwhile(error: unknown): boolean {
  return (error as { code?: string }).code === '3F000';
}
