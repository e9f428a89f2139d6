import { CompiledQuery, sql, type Kysely, type KyselyPlugin } from 'kysely';
import type { Database } from '../db/open-database.js';

export interface QueryPlan {
  sql: string;
  /** SQLite: EXPLAIN QUERY PLAN's details, one a line; PostgreSQL: EXPLAIN (COSTS OFF)'s lines. */
  plan: string;
}

/**
 * The plans of the statements `run` executes against `database` (it is handed a Kysely that
 * records them), each explained afterwards with its parameters bound, in the order they were
 * compiled. Lets tests prove a query's shape seeks an index rather than scanning or sorting.
 * `withoutSeqScan` explains on PostgreSQL with `enable_seqscan = off`: on a test's small tables a
 * scan is cheapest, so this asks whether the index can serve the shape at all, as it must at scale.
 */
export async function queryPlans<Schema>(
  database: Database<Schema>,
  run: (db: Kysely<Schema>) => Promise<unknown>,
  options: { withoutSeqScan?: boolean } = {},
): Promise<QueryPlan[]> {
  const captured: CompiledQuery[] = [];
  const recorder: KyselyPlugin = {
    transformQuery(args) {
      captured.push(database.db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  await run(database.db.withPlugin(recorder));
  if (database.dialect === 'sqlite') {
    const plans: QueryPlan[] = [];
    for (const query of captured) {
      const result = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      plans.push({ sql: query.sql, plan: result.rows.map((r) => r.detail).join('\n') });
    }
    return plans;
  }
  return database.db.transaction().execute(async (trx) => {
    if (options.withoutSeqScan) await sql`set local enable_seqscan = off`.execute(trx);
    const plans: QueryPlan[] = [];
    for (const query of captured) {
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (costs off) ${query.sql}`, [...query.parameters]));
      plans.push({ sql: query.sql, plan: result.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
    return plans;
  });
}
