import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Database queries per request must not grow with the length of a list: one query per entity
 * type per request (DataLoader), whatever the page size. Counted in every subgraph's database.
 */
describe('queries per request do not grow with the list', () => {
  let graph: GraphHarness;
  let police: string;
  let zhangsan: string;

  beforeAll(async () => {
    graph = await startGraph();
    [police, zhangsan] = await Promise.all([graph.login('officer.police'), graph.login('zhangsan')]);
  });
  afterAll(async () => graph?.close());

  const queriesFor = async (run: () => Promise<{ errors?: unknown }>) => {
    const before = Object.fromEntries(Object.entries(graph.databases).map(([name, db]) => [name, db.queryCount()]));
    const result = await run();
    expect(result.errors).toBeUndefined();
    return Object.fromEntries(Object.entries(graph.databases).map(([name, db]) => [name, db.queryCount() - before[name]!]));
  };

  it('OfficerQueue costs the same for 1, 10 and 100 cases (grants read and logged in batches)', async () => {
    const page = (first: number) => queriesFor(() => graph.operation('officer-queue.graphql', { status: 'COMPLETED', first }, police));
    const [one, ten, hundred] = [await page(1), await page(10), await page(100)];
    console.log('OfficerQueue queries per subgraph (1, 10, 100):', JSON.stringify({ one, ten, hundred }));
    expect(ten).toEqual(one);
    expect(hundred).toEqual(one);
  });

  it('MyDataAccess and MyHome cost the same for short and long pages', async () => {
    const log = (first: number) => queriesFor(() => graph.operation('my-data-access.graphql', { first }, zhangsan));
    expect(await log(100)).toEqual(await log(1));
    const home = await queriesFor(() => graph.operation('my-home.graphql', {}, zhangsan));
    console.log('MyHome queries per subgraph:', JSON.stringify(home));
    expect(Object.values(home).every((n) => n <= 6)).toBe(true);
  });
});
