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
    // A service's series live as long as the process, and test files share their worker:
    // what this test adds is measured against what was there before it.
    const before = await (await fetch(`${running.url}/metrics`)).text();
    const added = (text: string, series: string) => seriesValue(text, series) - seriesValue(before, series);
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
    expect(added(text, 'govgraph_signed_requests_refused_total{reason="missing",service="catalog"}')).toBe(1);
    expect(added(text, 'govgraph_signed_requests_refused_total{reason="replayed",service="catalog"}')).toBe(1);
    expect(added(text, 'govgraph_signed_requests_refused_total{reason="bad-signature",service="catalog"}')).toBe(1);
    expect(text).toContain('# TYPE govgraph_events_refused_total counter');
    expect(text).toMatch(/^process_resident_memory_bytes\{service="catalog"\} \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total\{service="catalog"\} \S+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{service="catalog"\} \S+/m);
    // Every request counted and timed by route, method and status.
    expect(added(text, 'govgraph_service_requests_total{route="/graphql",method="POST",status="401",service="catalog"}')).toBe(3);
    expect(added(text, 'govgraph_service_requests_total{route="/graphql",method="POST",status="200",service="catalog"}')).toBe(1);
    expect(added(text, 'govgraph_service_request_duration_seconds_count{service="catalog",route="/graphql"}')).toBe(4);
    await fetch(`${running.url}/no/such/path`);
    expect(added(await (await fetch(`${running.url}/metrics`)).text(), 'govgraph_service_requests_total{route="other",method="GET",status="404",service="catalog"}')).toBe(1);
  });
});

/** A series' value in a Prometheus text answer; 0 when the series is not there yet. */
function seriesValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
