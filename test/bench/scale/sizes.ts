import { sql, type Kysely } from 'kysely';

/** One relation of the applications schema as PostgreSQL stores it. */
export interface RelationSize {
  name: string;
  kind: 'table' | 'index';
  /** The table an index belongs to (itself for a table). */
  table: string;
  bytes: number;
  /** Rows (tables) or entries (indexes, = the table's rows): from the statistics ANALYZE keeps. */
  rows: number;
}

export interface SchemaSizes {
  relations: RelationSize[];
  /** Every table with its indexes and TOAST: pg_total_relation_size summed. */
  totalBytes: number;
  /** Rows of the counter tables. */
  counterRows: Record<string, number>;
  cases: number;
  events: number;
}

export const COUNTER_TABLES = ['case_tally_day', 'case_tally_year', 'case_status_count', 'applicant_case_count'] as const;

/** Sizes of every table and index in the connection's current schema (after ANALYZE, so row estimates are current). */
export async function schemaSizes(db: Kysely<any>): Promise<SchemaSizes> {
  await sql`analyze`.execute(db);
  const { rows } = await sql<{ name: string; kind: string; table: string; bytes: string; rows: string }>`
    select c.relname as name, case when c.relkind = 'i' then 'index' else 'table' end as kind,
           coalesce(t.relname, c.relname) as table, pg_relation_size(c.oid) as bytes,
           greatest(coalesce(t.reltuples, c.reltuples), 0)::bigint as rows
    from pg_class c
    left join pg_index x on x.indexrelid = c.oid
    left join pg_class t on t.oid = x.indrelid
    where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind in ('r', 'i')
    order by c.relname`.execute(db);
  const total = await sql<{ bytes: string }>`
    select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c
    where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind = 'r'`.execute(db);
  const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  const counterRows: Record<string, number> = {};
  for (const table of COUNTER_TABLES) counterRows[table] = await count(table);
  return {
    relations: rows.map((r) => ({ name: r.name, kind: r.kind as 'table' | 'index', table: r.table, bytes: Number(r.bytes), rows: Number(r.rows) })),
    totalBytes: Number(total.rows[0]!.bytes),
    counterRows,
    cases: await count('application'),
    events: await count('application_event'),
  };
}

const PAGE = 8192;

/**
 * A B-tree's depth (levels above the leaves, as bt_metap's `level` counts them) estimated from
 * its size and entries: leaf pages hold entries/leafPages each, an inner page about as many
 * downlinks, so depth = ceil(log_fanout(leaf pages)). Good to a level; PostgreSQL's own
 * (pageinspect) needs an extension the bench does not install.
 */
export function btreeDepth(bytes: number, entries: number): { pages: number; fanout: number; depth: number } {
  const pages = Math.max(1, Math.round(bytes / PAGE) - 1);
  const fanout = Math.max(2, entries / pages);
  return { pages, fanout, depth: pages <= 1 ? 0 : Math.ceil(Math.log(pages) / Math.log(fanout)) };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${(bytes / 2 ** 10).toFixed(0)} KiB`;
}
