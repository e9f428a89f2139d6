import { readFileSync } from 'node:fs';
import { prettyFormatQueryPlan } from '@apollo/query-planner';
import { describe, expect, it, vi } from 'vitest';
import { checkGatewayVersion, EXECUTOR_WRITTEN_FOR, installedGatewayVersion, loadApolloInternals } from '../src/engine/execute/apollo-internals.js';
import { createExecutorDispatcher, loadPlanExecutors } from '../src/engine/execute/install-executor.js';
import { createPlanExecutor, type ExecuteQueryPlan } from '../src/engine/execute/plan-executor.js';
import { asAnswer, fakeSubgraphs, planOperation, type SentFetch } from './executor/plan-fixture.js';

/**
 * govgraph's executor on fixed query plans, with fake subgraphs run in-process (no ports): each
 * plan is run by it and by @apollo/gateway's own executeQueryPlan, and the answers must be the same.
 */
const { stock, govgraph } = loadPlanExecutors();

async function bothExecutors(query: string, options: { variables?: Record<string, unknown>; tamper?: Parameters<typeof fakeSubgraphs>[0] } = {}) {
  const planned = planOperation(query);
  const theirs = fakeSubgraphs(options.tamper);
  const ours = fakeSubgraphs(options.tamper);
  const expected = asAnswer(await planned.run(stock, theirs.serviceMap, options));
  const actual = asAnswer(await planned.run(govgraph, ours.serviceMap, options));
  expect(actual, query).toEqual(expected);
  expect(ours.sent, 'the same fetches, in the same order').toEqual(theirs.sent);
  return { planned, answer: actual as { data?: any; errors?: Array<{ message: string; path?: unknown[]; code?: string }> }, sent: ours.sent };
}

const entityFetch = (fetch: SentFetch) => Array.isArray(fetch.variables.representations);

describe("govgraph's plan executor on fixed plans", () => {
  it('runs a plan of a root fetch, parallel entity fetches and a @requires fetch', async () => {
    const { planned, answer } = await bothExecutors('{ products { id name inStock shippingCost reviews { body } } }');
    const plan = prettyFormatQueryPlan(planned.plan);
    expect(plan).toMatch(/Sequence \{[\s\S]*Fetch\(service: "shop"\)[\s\S]*Parallel \{[\s\S]*Flatten\(path: "products\.@"\)[\s\S]*Fetch\(service: "stock"\)/);
    expect(answer.data.products[0]).toEqual({ id: 'p1', name: 'Lamp', inStock: true, shippingCost: 5, reviews: [{ body: 'good p1' }] });
    // p3 has no stock record (null entity); p2's reviews fail with the error at its place; p4's price fails upstream.
    expect(answer.data.products[2]).toMatchObject({ id: 'p3', inStock: null, shippingCost: null });
    expect(answer.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining([
        ['products', 1, 'reviews'],
        ['products', 3, 'price'],
      ]),
    );
  });

  it('maps errors inside `_entities` to the entity they belong to', async () => {
    const { answer } = await bothExecutors('{ a: product(id: "p2") { reviews { id } } b: products { id reviews { id } } }');
    expect(answer.errors?.filter((error) => error.message === 'reviews store down').map((error) => error.path)).toEqual(
      expect.arrayContaining([
        ['a', 'reviews'],
        ['b', 1, 'reviews'],
      ]),
    );
  });

  it('refuses malformed `_entities` answers the same way: not a list, or the wrong length', async () => {
    for (const malformed of [{ _entities: { not: 'a list' } }, { _entities: [] }]) {
      const { answer } = await bothExecutors('{ products { id inStock } }', {
        tamper: (fetch, real) => (entityFetch(fetch) ? { data: malformed } : real),
      });
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(answer.data.products.map((product: { inStock: unknown }) => product.inStock)).toEqual([null, null, null, null]);
    }
  });

  it('keeps a subgraph error’s own code, and answers the rest when a fetch fails outright', async () => {
    const { answer } = await bothExecutors('{ products { id name reviews { id } } }', {
      tamper: (fetch, real) => {
        if (fetch.subgraph === 'reviews') throw new Error('connection refused');
        return real;
      },
    });
    expect(answer.data.products.map((product: { name: string }) => product.name)).toEqual(['Lamp', 'Desk', 'Chair', 'Shelf']);
    expect(answer.errors?.[0]?.message).toBe('connection refused');
    const coded = await bothExecutors('{ product(id: "p1") { name } }', {
      tamper: () => ({ data: { product: null }, errors: [{ message: 'not yours', path: ['product'], extensions: { code: 'FORBIDDEN' } }] }),
    });
    expect(coded.answer.errors).toEqual([{ message: 'not yours', path: ['product'], code: 'FORBIDDEN' }]);
  });

  it('takes @include and @skip from variables, and answers introspection itself', async () => {
    const query =
      'query ($withReviews: Boolean!) { __typename products { id reviews @include(if: $withReviews) { id } inStock @skip(if: $withReviews) } __type(name: "Review") { fields { name } } }';
    for (const withReviews of [true, false]) {
      const { answer, sent } = await bothExecutors(query, { variables: { withReviews } });
      expect(answer.data.__typename).toBe('Query');
      expect(answer.data.__type.fields.map((field: { name: string }) => field.name)).toEqual(['id', 'body']);
      expect(sent.some((fetch) => fetch.subgraph === 'reviews')).toBe(withReviews);
      expect(sent.some((fetch) => fetch.subgraph === 'stock')).toBe(!withReviews);
    }
  });

  it('runs mutations one after the other, each seeing the previous one', async () => {
    const { answer, sent } = await bothExecutors(
      'mutation { first: rename(id: "p1", name: "Lantern") { name } second: rename(id: "p1", name: "Torch") { name reviews { body } } missing: rename(id: "p9", name: "x") { name } }',
    );
    expect(answer.data).toEqual({ first: { name: 'Lantern' }, second: { name: 'Torch', reviews: [{ body: 'good p1' }] }, missing: null });
    // One shop fetch carries the three root fields (a subgraph runs a mutation's fields in order), then reviews.
    expect(sent.map((fetch) => fetch.subgraph)).toEqual(['shop', 'reviews']);
    expect(sent[0]!.query.indexOf('first:')).toBeLessThan(sent[0]!.query.indexOf('second:'));
  });

  it('answers two aliases of one entity with different selections each with its own', async () => {
    const { answer } = await bothExecutors('{ a: product(id: "p1") { x: name reviews { id } } b: product(id: "p1") { x: price reviews { body } } }');
    expect(answer.data).toEqual({ a: { x: 'Lamp', reviews: [{ id: 'p1-r1' }] }, b: { x: 10, reviews: [{ body: 'good p1' }] } });
  });

  it('hands plans it does not run itself (requests capturing traces) to the stock executor', async () => {
    const stockSpy = vi.fn<ExecuteQueryPlan>(async () => ({ data: { from: 'stock' } }));
    const executor = createPlanExecutor(stockSpy, loadApolloInternals().helpers);
    const planned = planOperation('{ products { id } }');
    await expect(planned.run(executor, fakeSubgraphs().serviceMap, { captureTraces: true })).resolves.toEqual({ data: { from: 'stock' } });
    expect(stockSpy).toHaveBeenCalledTimes(1);
    const ran = await planned.run(executor, fakeSubgraphs().serviceMap);
    expect(ran.data).toEqual({ products: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }] });
    expect(stockSpy).toHaveBeenCalledTimes(1);
  });
});

describe('the executor is contained', () => {
  it('is pinned to the exact @apollo/gateway release it was written against', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['@apollo/gateway']).toBe(EXECUTOR_WRITTEN_FOR);
    expect(installedGatewayVersion()).toBe(EXECUTOR_WRITTEN_FOR);
  });

  it('refuses another release at start, naming both versions and the way out', () => {
    expect(() => checkGatewayVersion(EXECUTOR_WRITTEN_FOR)).not.toThrow();
    for (const other of ['2.14.5', '2.15.0', '3.0.0']) {
      expect(() => checkGatewayVersion(other)).toThrow(
        new RegExp(`${EXECUTOR_WRITTEN_FOR.replaceAll('.', '\\.')}.*${other.replaceAll('.', '\\.')} is installed.*GATEWAY_EXECUTOR=apollo`),
      );
    }
  });

  it('runs govgraph’s executor only for requests whose gateway chose it', async () => {
    const chosen: string[] = [];
    const dispatcher = createExecutorDispatcher({
      stock: async () => (chosen.push('stock'), { data: {} }),
      govgraph: async () => (chosen.push('govgraph'), { data: {} }),
    });
    const run = (context: unknown) => dispatcher({} as never, {}, { context } as never, {} as never, {} as never, {});
    await run({ planExecutor: 'govgraph' });
    await run({ planExecutor: 'apollo' });
    await run(undefined);
    expect(chosen).toEqual(['govgraph', 'stock', 'stock']);
  });
});
