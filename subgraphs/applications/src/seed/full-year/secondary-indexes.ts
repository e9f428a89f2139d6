import { sql, type Kysely } from 'kysely';
import type { Dialect } from '@govgraph/kit';

/*
 * A bulk load writes faster into a table without its secondary indexes: each row then costs one
 * heap insert, and every index is built once, sorted, at the end instead of being updated row by
 * row in random order. The definitions are read from the catalog, not written here, so an index a
 * later migration adds is dropped and rebuilt like the rest. Unique indexes stay: they guard the
 * load itself (a duplicate case number fails it).
 */

export interface SecondaryIndex {
  name: string;
  table: string;
  /** The statement that creates it, as the catalog gives it. */
  definition: string;
}

/** The non-unique indexes of `tables` that no constraint owns (PostgreSQL) or that were created by a statement (SQLite). */
export async function secondaryIndexes(db: Kysely<any>, dialect: Dialect, tables: readonly string[]): Promise<SecondaryIndex[]> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ name: string; table: string; definition: string }>`
      select i.indexname as name, i.tablename as table, i.indexdef as definition
      from pg_indexes i
      join pg_class c on c.relname = i.indexname and c.relnamespace = (select oid from pg_namespace where nspname = i.schemaname)
      join pg_index x on x.indexrelid = c.oid
      where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
        and not x.indisunique and not exists (select 1 from pg_constraint k where k.conindid = c.oid)
      order by i.indexname`.execute(db);
    return rows;
  }
  const { rows } = await sql<{ name: string; table: string; definition: string }>`
    select name, tbl_name as "table", sql as definition from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)}) and upper(sql) not like 'CREATE UNIQUE%'
    order by name`.execute(db);
  return rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function dropIndexes(db: Kysely<any>, indexes: readonly SecondaryIndex[]): Promise<void> {
  for (const index of indexes) await sql.raw(`drop index ${quote(index.name)}`).execute(db);
}

export async function createIndexes(db: Kysely<any>, indexes: readonly SecondaryIndex[], onIndex: (index: SecondaryIndex) => void = () => undefined): Promise<void> {
  for (const index of indexes) {
    onIndex(index);
    await sql.raw(index.definition).execute(db);
  }
}
