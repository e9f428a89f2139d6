import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
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
    expect(after).toMatch(/govgraph_gateway_request_duration_seconds_bucket\{le="0.05",operation="MatterGuide"\} \d+/);

    // MatterGuide reads the catalog, then licence type names from the licence library.
    expect(delta('govgraph_subgraph_fetches_total', { outcome: 'ok', subgraph: 'catalog' })).toBeGreaterThanOrEqual(2);
    expect(delta('govgraph_subgraph_fetches_total', { outcome: 'ok', subgraph: 'licences' })).toBeGreaterThanOrEqual(1);
    expect(delta('govgraph_subgraph_fetch_duration_seconds_count', { subgraph: 'catalog' })).toBeGreaterThanOrEqual(2);
  });

  it("serves Node's runtime metrics beside the gateway's series, and each subgraph's own requests", async () => {
    await graph.operation('matter-guide.graphql', { code: 'JJ-0101' });
    const gateway = await readMetrics(graph.gateway.url);
    const catalog = await readMetrics(graph.subgraphs.catalog!.url);
    // A subgraph labels every series with its name (one process may serve several in tests).
    for (const [text, labels] of [
      [gateway, {}],
      [catalog, { service: 'catalog' }],
    ] as const) {
      expect(metricValue(text, 'process_cpu_seconds_total', labels)).toBeGreaterThan(0);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds(\{[^}]*\})? \S+$/m);
      expect(metricValue(text, 'nodejs_heap_size_used_bytes', labels)).toBeGreaterThan(0);
    }
    expect(metricValue(gateway, 'govgraph_gateway_requests_total', { operation: 'MatterGuide', status: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(catalog, 'govgraph_service_requests_total', { service: 'catalog', route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(catalog, 'govgraph_service_request_duration_seconds_count', { service: 'catalog', route: '/graphql' })).toBeGreaterThanOrEqual(1);
    // The gateway does not pass a subgraph's /metrics on.
    expect((await fetch(`${graph.gateway.url}/catalog/metrics`)).status).toBe(404);
  });
});

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

const attributeOf = (span: ExportedSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

// With Redis (when one answers) the trace also holds the gateway's cache lookup and the catalog's nonce check.
const withRedis = await redisAvailable();

describe('one trace from the gateway through a subgraph to its database (OpenTelemetry SDK, OTLP/HTTP)', () => {
  let graph: GraphHarness;
  let collector: Server;
  const spans: ExportedSpan[] = [];
  const contentTypes = new Set<string>();

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        contentTypes.add(req.headers['content-type'] ?? '');
        for (const resource of JSON.parse(body).resourceSpans ?? []) {
          const service = resource.resource.attributes.find((a: { key: string }) => a.key === 'service.name')?.value.stringValue;
          for (const scope of resource.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    graph = await startGraph({ otlpEndpoint: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, ...(withRedis ? { redisUrl: REDIS_URL } : {}) });
  });
  afterAll(async () => {
    await graph?.close();
    await new Promise((resolve) => collector?.close(resolve));
  });

  it("links the gateway's spans, the catalog's request and resolver spans and its SQLite statements under the caller's trace, with the request id", async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const answer = await postGraphQL(
      graph.gateway.graphqlUrl,
      { query: readOperation('matter-guide.graphql'), variables: { code: 'JJ-0101' } },
      { traceparent: `00-${traceId}-b7ad6b7169203331-01`, 'x-request-id': 'one-trace-0001' },
    );
    expect(answer.errors).toBeUndefined();
    const until = Date.now() + 10_000;
    const ofTrace = () => spans.filter((span) => span.traceId === traceId);
    while (
      !ofTrace().some((s) => s.service === 'govgraph-catalog' && attributeOf(s, 'db.system.name') === 'sqlite') ||
      !ofTrace().some((s) => s.service === 'govgraph-gateway' && s.kind === 2)
    ) {
      if (Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const trace = ofTrace();
    expect([...contentTypes]).toEqual(['application/json']);

    const gatewayServer = trace.find((s) => s.service === 'govgraph-gateway' && s.kind === 2)!;
    expect(gatewayServer).toMatchObject({ parentSpanId: 'b7ad6b7169203331', name: 'query MatterGuide' });
    expect(attributeOf(gatewayServer, 'govgraph.request_id')).toBe('one-trace-0001');
    const fetch = trace.find((s) => s.service === 'govgraph-gateway' && s.kind === 3 && attributeOf(s, 'govgraph.subgraph') === 'catalog')!;
    expect(fetch.parentSpanId).toBe(gatewayServer.spanId);

    // The catalog continues the gateway's fetch span: its server span, the resolver under it, the statements under that.
    const catalogServer = trace.find((s) => s.service === 'govgraph-catalog' && s.kind === 2 && s.parentSpanId === fetch.spanId)!;
    expect(catalogServer).toMatchObject({ name: 'POST /graphql' });
    expect(attributeOf(catalogServer, 'govgraph.request_id')).toBe('one-trace-0001');
    const catalogSpans = new Map(trace.filter((s) => s.service === 'govgraph-catalog').map((s) => [s.spanId, s]));
    const resolver = [...catalogSpans.values()].find((s) => s.name.startsWith('resolve Query.') && s.parentSpanId === catalogServer.spanId);
    expect(resolver).toBeDefined();
    const statements = [...catalogSpans.values()].filter((s) => attributeOf(s, 'db.system.name') === 'sqlite');
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.kind).toBe(3);
      expect(String(attributeOf(statement, 'db.query.text'))).toMatch(/^(select|with|insert|update|delete)\b/i);
      // Up the parents, every statement reaches the catalog's server span, hence the gateway's.
      let up: ExportedSpan | undefined = statement;
      while (up && up.spanId !== catalogServer.spanId) up = catalogSpans.get(up.parentSpanId ?? '');
      expect(up).toBe(catalogServer);
    }
    expect(statements.some((s) => s.parentSpanId === resolver!.spanId)).toBe(true);
    if (withRedis) {
      // The response cache's lookup under the gateway's request, the nonce check under the catalog's.
      const redis = trace.filter((s) => attributeOf(s, 'db.system.name') === 'redis');
      expect(redis.some((s) => s.service === 'govgraph-gateway' && s.parentSpanId === gatewayServer.spanId)).toBe(true);
      expect(redis.some((s) => s.service === 'govgraph-catalog' && s.parentSpanId === catalogServer.spanId)).toBe(true);
      expect(redis.every((s) => s.kind === 3 && /^[A-Z.]+ redis$/.test(s.name))).toBe(true);
    }
    // No parameter value (what a caller asked for) is put on a span.
    expect(JSON.stringify(trace)).not.toContain('JJ-0101');
  });
});
