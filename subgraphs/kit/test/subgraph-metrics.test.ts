import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../src/create-subgraph.js';
import { signRequest } from '../src/trust/index.js';
import { startBareSubgraph, testParties } from '../src/testing/index.js';

const parties = testParties(['gateway', 'catalog']);
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'hi' } } }) });

describe("a subgraph's /metrics", () => {
  let running: RunningSubgraph;
  afterAll(async () => running?.close());

  it('serves process metrics and counts refused signed requests by reason', async () => {
    running = await startBareSubgraph(schema, parties.catalog.trust);
    const body = JSON.stringify({ query: '{ hello }' });
    const post = (headers: Record<string, string>) => fetch(running.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    expect((await post({})).status).toBe(401);
    const signed = { ...signRequest(parties.gateway.keys, { audience: 'catalog', requestId: 'r1', claims: null, body }) };
    expect((await post(signed)).status).toBe(200);
    expect((await post(signed)).status).toBe(401); // the same signature again
    const forged = { ...signRequest(parties.catalog.keys, { audience: 'catalog', requestId: 'r2', claims: null, body }) };
    expect((await post(forged)).status).toBe(401);

    const metrics = await fetch(`${running.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('govgraph_signed_requests_refused_total{reason="missing",service="catalog"} 1');
    expect(text).toContain('govgraph_signed_requests_refused_total{reason="replayed",service="catalog"} 1');
    expect(text).toContain('govgraph_signed_requests_refused_total{reason="bad-signature",service="catalog"} 1');
    expect(text).toContain('# TYPE govgraph_events_refused_total counter');
    expect(text).toMatch(/^process_resident_memory_bytes\{service="catalog"\} \d+/m);
  });
});
