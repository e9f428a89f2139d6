import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, readOperation, startGraph, type GraphHarness } from '../src/harness.js';
import { metricValue, readMetrics } from '../src/metrics.js';

interface LogLine {
  service?: string;
  component?: string;
  requestId?: string;
  msg?: string;
  [key: string]: unknown;
}

describe('observability of the whole graph: metrics per operation and subgraph, request ids in every log line', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph({ captureLogs: true });
  });
  afterAll(async () => graph?.close());

  it('writes the request id in every log line the gateway writes while serving requests', async () => {
    const token = await graph.login('zhangsan');
    const from = graph.logs.length;
    const ids: string[] = [];
    const send = async (body: unknown, headers: Record<string, string> = {}) => {
      const result = await postGraphQL(graph.gateway.graphqlUrl, body, headers);
      ids.push(result.headers.get('x-request-id')!);
      return result;
    };
    await send({ query: readOperation('search-catalog.graphql'), variables: { first: 2 } }, { 'x-request-id': 'portal-trace-0001' });
    await send({ query: readOperation('search-catalog.graphql'), variables: { first: 2 } }, { 'x-request-id': 'not a safe id; ' + 'x'.repeat(100) });
    await send({ query: readOperation('search-catalog.graphql'), variables: { first: 2 } });
    await send({ query: readOperation('start-form.graphql'), variables: { matterCode: 'JJ-0101' } }, { authorization: `Bearer ${token}` });
    await send({ query: readOperation('matter-guide.graphql'), variables: { code: 'NO-SUCH' } });
    await send({ query: '{ nope }' });
    await send({ query: '{ departments { code } }' }, { authorization: 'Bearer forged.token.here' });
    await send({ query: readOperation('login.graphql'), variables: { username: 'lisi', password: 'wrong' } }, { 'x-request-id': 'portal-login-0002' });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const lines = graph.logs.slice(from).map((line) => JSON.parse(line) as LogLine);
    const gateway = lines.filter((line) => line.service === 'gateway');
    // Every request wrote at least its access line, under its own id.
    for (const id of ids)
      expect(
        gateway.some((line) => line.requestId === id && line.msg === 'request'),
        id,
      ).toBe(true);
    const without = gateway.filter((line) => typeof line.requestId !== 'string' || line.requestId === '');
    expect(without.map((line) => `${line.component ?? ''} ${line.msg}`)).toEqual([]);
    // A safe id from the client is kept, an unsafe or overlong one replaced; a subgraph logs with the same id.
    expect(ids.slice(0, 2)).toEqual(['portal-trace-0001', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(lines.some((line) => line.service === 'identity' && line.msg === 'login refused' && line.requestId === 'portal-login-0002')).toBe(true);
  });

  it('counts requests and latency per operation name, bounded, and subgraph fetches per subgraph', async () => {
    const before = await readMetrics(graph.gateway.url);
    await graph.operation('matter-guide.graphql', { code: 'JJ-0101' });
    await graph.operation('matter-guide.graphql', { code: 'NO-SUCH' });
    await graph.query('query InventedName123 { departments { code } }');
    await graph.query('{ departments { name } }');
    const after = await readMetrics(graph.gateway.url);
    const delta = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);

    expect(delta('govgraph_gateway_requests_total', { operation: 'MatterGuide', status: 'ok' })).toBe(1);
    expect(delta('govgraph_gateway_requests_total', { operation: 'MatterGuide', status: 'error' })).toBe(1);
    expect(delta('govgraph_gateway_requests_total', { operation: 'other', status: 'ok' })).toBe(1);
    expect(delta('govgraph_gateway_requests_total', { operation: 'anonymous', status: 'ok' })).toBe(1);
    expect(delta('govgraph_gateway_request_duration_seconds_count', { operation: 'MatterGuide' })).toBe(2);
    expect(after).not.toContain('InventedName123');
    expect(after).toMatch(/govgraph_gateway_request_duration_seconds_bucket\{operation="MatterGuide",le="0.05"\} \d+/);

    // MatterGuide reads the catalog, then licence type names from the licence library.
    expect(delta('govgraph_subgraph_fetches_total', { outcome: 'ok', subgraph: 'catalog' })).toBeGreaterThanOrEqual(2);
    expect(delta('govgraph_subgraph_fetches_total', { outcome: 'ok', subgraph: 'licences' })).toBeGreaterThanOrEqual(1);
    expect(delta('govgraph_subgraph_fetch_duration_seconds_count', { subgraph: 'catalog' })).toBeGreaterThanOrEqual(2);
  });
});
