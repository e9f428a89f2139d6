import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from '@govgraph/kit';

/*
 * The seed's bulk writes, without the query builder: compiling a 30,000-parameter insert through
 * Kysely costs more than SQLite takes to run it, and ten simulated years are a million rows.
 * SQLite: multi-row inserts of a fixed width, the same statement text for every full chunk.
 * PostgreSQL: one parameter per chunk, a JSON array expanded by json_populate_recordset (one round
 * trip for thousands of rows, no parameter limit).
 */

const SQLITE_PARAMETERS = 30_000;
const POSTGRES_ROWS = 20_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function bulkInsert(db: Kysely<any>, dialect: Dialect, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const columnList = columns.map(quote).join(', ');
  if (dialect === 'postgres') {
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
      const chunk = rows.slice(start, start + POSTGRES_ROWS);
      const text = `insert into ${quote(table)} (${columnList}) select ${columnList} from json_populate_recordset(null::${quote(table)}, $1::json)`;
      await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(chunk)]));
    }
    return;
  }
  const perStatement = Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statements = new Map<number, string>();
  const statementFor = (count: number): string => {
    let text = statements.get(count);
    if (!text) statements.set(count, (text = `insert into ${quote(table)} (${columnList}) values ${Array.from({ length: count }, () => tuple).join(', ')}`));
    return text;
  };
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement) as Array<Record<string, unknown>>;
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(statementFor(chunk.length), parameters));
  }
}
