import type { GraphHarness } from './harness.js';

/** Statements each subgraph's database ran while `run` was answered: a request's query cost. */
export async function queriesPerSubgraph(graph: GraphHarness, run: () => Promise<{ errors?: unknown }>): Promise<Record<string, number>> {
  const before = Object.fromEntries(Object.entries(graph.databases).map(([name, db]) => [name, db.queryCount()]));
  const result = await run();
  if (result.errors) throw new Error(`request failed: ${JSON.stringify(result.errors)}`);
  return Object.fromEntries(Object.entries(graph.databases).map(([name, db]) => [name, db.queryCount() - before[name]!]));
}
