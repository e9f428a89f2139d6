import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startGraph, type GraphHarness, type GraphQLResponse } from '../src/harness.js';

/**
 * The operation limits of a gateway on its defaults (depth 10, aliases 15, root fields 10, tokens
 * 1,000, cost 5,000, batches of 1, bodies of 1 MiB), through real HTTP in front of the whole
 * graph: each refusal is LIMIT_EXCEEDED naming its limit, before any subgraph is asked, and
 * counted on /metrics.
 */
describe('operation limits', () => {
  let graph: GraphHarness;

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  const nest = (times: number, field: string, leaf: string) => `${`${field} { `.repeat(times)}${leaf}${' }'.repeat(times)}`;

  function expectRefused(answer: GraphQLResponse, status: number, extensions: Record<string, unknown>) {
    expect(answer.status).toBe(status);
    expect(answer.data ?? undefined).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toEqual({ code: 'LIMIT_EXCEEDED', ...extensions });
  }

  it('refuses an operation deeper than 10 fields, naming depth', async () => {
    const answer = await graph.query(`{ division { ${nest(10, 'parent', 'code')} } }`);
    expectRefused(answer, 400, { limit: 'depth', max: 10, actual: 12 });
    expect(answer.errors![0]!.message).toBe('The operation is 12 fields deep; the limit is 10');
  });

  it('refuses more than 15 aliases, naming aliases', async () => {
    const aliased = Array.from({ length: 16 }, (_, i) => `a${i}: name`).join(' ');
    expectRefused(await graph.query(`{ division { ${aliased} } }`), 400, { limit: 'aliases', max: 15, actual: 16 });
  });

  it('refuses more than 10 root fields, naming rootFields', async () => {
    const roots = Array.from({ length: 11 }, (_, i) => `d${i}: division { code }`).join(' ');
    expectRefused(await graph.query(`{ ${roots} }`), 400, { limit: 'rootFields', max: 10, actual: 11 });
  });

  it('refuses an operation whose lists multiply past a cost of 5,000, naming cost, with lists sized by first', async () => {
    // Four levels of children under the city, each list counted as 10: 1 + 10 × (1 + 10 × (1 + 10 × (1 + 10 × 3))).
    const answer = await graph.query(`{ division { ${nest(4, 'children', 'code name')} } }`);
    expectRefused(answer, 400, { limit: 'cost', max: 5000, actual: 31111 });

    // A connection's `first` sizes its edges: 1 + n × (1 + 1 + 1 + 10 × 3).
    const page = 'query($n: Int) { matters(first: $n) { edges { node { code materials { code name } } } } }';
    const hundred = await graph.query(page, { n: 100 });
    expect(hundred.errors, JSON.stringify(hundred.errors)).toBeUndefined();
    expect(hundred.data.matters.edges).toHaveLength(100);
    expectRefused(await graph.query(page, { n: 200 }), 400, { limit: 'cost', max: 5000, actual: 6601 });
  });

  it('refuses a document of more than 1,000 tokens before parsing it, naming tokens', async () => {
    const answer = await graph.query(`{ ${'__typename '.repeat(1000)}}`);
    expectRefused(answer, 400, { limit: 'tokens', max: 1000 });
  });

  it('refuses a body over 1 MiB without reading it, naming body', async () => {
    const answer = await graph.query('query($pad: String) { __typename }', { pad: 'x'.repeat(1024 * 1024) });
    expectRefused(answer, 413, { limit: 'body', max: 1024 * 1024, actual: expect.any(Number) });
  });

  it('refuses a batch of operations (batching is off by default), naming batch', async () => {
    const answer = await postGraphQL(graph.gateway.graphqlUrl, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expectRefused(answer, 400, { limit: 'batch', max: 1, actual: 2 });
  });

  it('still serves the portal operations and the playground’s introspection', async () => {
    expect((await graph.operation('search-catalog.graphql', {})).errors).toBeUndefined();
    const token = await graph.login('zhangsan');
    expect((await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, token)).errors).toBeUndefined();
    expect((await graph.operation('my-home.graphql', {}, token)).errors).toBeUndefined();
    const introspection = await graph.query(getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.types.length).toBeGreaterThan(50);
  });

  it('counts each refusal by limit on /metrics', async () => {
    const text = await (await fetch(`${graph.gateway.url}/metrics`)).text();
    for (const limit of ['depth', 'aliases', 'rootFields', 'cost', 'tokens', 'body', 'batch']) {
      expect(text).toMatch(new RegExp(`^govgraph_limit_rejections_total\\{limit="${limit}"\\} [1-9]`, 'm'));
    }
  });
});
