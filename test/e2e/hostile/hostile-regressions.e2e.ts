import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, readOperation, startGraph, type GraphHarness } from '../../src/harness.js';

/** The defects the hostile run found, each pinned by the smallest request that showed it. */
describe('hostile-input regressions', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('answers an operationName that names no operation with 400 BAD_REQUEST (was a 500 from the response cache)', async () => {
    const answer = await postGraphQL(graph.gateway.graphqlUrl, { query: readOperation('search-catalog.graphql'), operationName: 'NoSuchOperation' });
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([{ message: 'The document has no operation named "NoSuchOperation"', extensions: { code: 'BAD_REQUEST' } }]);
    const token = await graph.login('zhangsan');
    const signedIn = await postGraphQL(graph.gateway.graphqlUrl, { query: 'query A { __typename } query B { __typename }' }, { authorization: `Bearer ${token}` });
    expect(signedIn.status).toBe(400);
    expect(signedIn.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers a subscription with 400 BAD_REQUEST (was a 500 from the query planner)', async () => {
    const answer = await graph.query('subscription { me { id } }');
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([{ message: 'This graph has no subscription operations', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('answers a subscription or mutation a subgraph does not have with 400 BAD_REQUEST (was INTERNAL_SERVER_ERROR)', async () => {
    for (const document of ['subscription { departments { code } }', 'mutation { departments { code } }']) {
      const answer = await graph.subgraphQuery('catalog', document, {}, null);
      expect(answer.status, document).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code, document).toBe('BAD_REQUEST');
    }
  });

  it('answers headers over 16 KiB with 431 and a GraphQL error (was an empty answer), at the gateway and a subgraph', async () => {
    for (const url of [graph.gateway.graphqlUrl, graph.subgraphs.identity!.graphqlUrl]) {
      const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(20_000)}` } }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode, body }));
        });
        req.on('error', reject);
        req.end('{"query":"{ __typename }"}');
      });
      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: 'The request headers are too large', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('answers a path that serves nothing with 404 NOT_FOUND as a GraphQL error (was {"error":"not found"})', async () => {
    for (const base of [graph.gateway.url, graph.subgraphs.catalog!.url]) {
      const response = await fetch(`${base}/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ errors: [{ message: 'Nothing is served at this path', extensions: { code: 'NOT_FOUND' } }] });
    }
  });
});
