import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@govgraph/kit';
import type { RunningGateway } from '../src/server.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { startHttpServer, type TestServer } from './helpers/http-server.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

type Fake = Awaited<ReturnType<typeof startFakeSubgraph>>;

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
  status: { code: number; message?: string };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

/** The trace and parent span a W3C `traceparent` names. */
function parseTraceparent(header: string | undefined): { traceId: string; spanId: string } | null {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(header ?? '');
  return match ? { traceId: match[1]!, spanId: match[2]! } : null;
}

const QUERY = '{ matters { code title licenceTypes } }';

describe('OpenTelemetry traces over OTLP/HTTP, only when an endpoint is configured', () => {
  let catalog: Fake;
  let licences: Fake;
  let collector: TestServer;
  const received: Array<{ path: string; contentType: string | undefined; body: any }> = [];
  let traced: RunningGateway;
  let untraced: RunningGateway;

  const spans = (): Array<OtlpSpan & { service: unknown }> =>
    received.flatMap((request) =>
      request.body.resourceSpans.flatMap((resource: any) => {
        const service = resource.resource.attributes.find((a: any) => a.key === 'service.name')?.value.stringValue;
        return resource.scopeSpans.flatMap((scope: any) => scope.spans.map((span: OtlpSpan) => ({ ...span, service })));
      }),
    );
  const spansOf = async (traceId: string, count: number) => {
    const until = Date.now() + 5_000;
    while (spans().filter((s) => s.traceId === traceId).length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return spans().filter((s) => s.traceId === traceId);
  };

  beforeAll(async () => {
    catalog = await startFakeSubgraph('catalog', () => ({ body: { data: { matters: [{ __typename: 'Matter', code: 'M1', title: 'Food shop' }] } } }));
    licences = await startFakeSubgraph('licences', (request) => ({
      body: { data: { _entities: ((request.variables.representations as unknown[]) ?? []).map(() => ({ licenceTypes: ['food'] })) } },
    }));
    collector = await startHttpServer((req, res, body) => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const subgraphs = { CATALOG_URL: `${catalog.url}/graphql`, LICENCES_URL: `${licences.url}/graphql`, GATEWAY_RESPONSE_CACHE: 'off' };
    traced = await startGateway({ ...subgraphs, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'gateway-under-test' });
    untraced = await startGateway(subgraphs);
  });
  afterAll(async () => {
    await Promise.all([traced?.close(), untraced?.close()]);
    await Promise.all([catalog, licences, collector].map((server) => server?.close()));
  });

  it("continues the caller's trace: a server span with the request id, a client span per subgraph fetch, traceparent to each subgraph", async () => {
    catalog.seen.splice(0);
    licences.seen.splice(0);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    const answer = await postGraphQL(traced, { query: QUERY }, { traceparent: `00-${traceId}-${parent}-01`, 'x-request-id': 'trace-me-1' });
    expect(answer.body.data.matters[0].licenceTypes).toEqual(['food']);

    const trace = await spansOf(traceId, 3);
    expect(received[0]).toMatchObject({ path: '/v1/traces', contentType: 'application/json' });
    const server = trace.find((s) => s.kind === 2)!;
    expect(server).toMatchObject({ parentSpanId: parent, name: 'query anonymous', service: 'gateway-under-test', status: { code: 0 } });
    expect(attribute(server, 'govgraph.request_id')).toBe('trace-me-1');
    expect(BigInt(server.endTimeUnixNano)).toBeGreaterThan(BigInt(server.startTimeUnixNano));

    const clients = trace.filter((s) => s.kind === 3);
    expect(clients.map((s) => attribute(s, 'govgraph.subgraph')).sort()).toEqual(['catalog', 'licences']);
    for (const client of clients) {
      expect(client.parentSpanId).toBe(server.spanId);
      expect(attribute(client, 'govgraph.request_id')).toBe('trace-me-1');
      expect(attribute(client, 'govgraph.outcome')).toBe('ok');
      const fake = attribute(client, 'govgraph.subgraph') === 'catalog' ? catalog : licences;
      // The subgraph was handed this very span as its parent.
      expect(parseTraceparent(fake.seen[0]!.headers.traceparent as string)).toEqual({ traceId, spanId: client.spanId });
    }
  });

  it('starts a trace of its own without (or with a malformed) traceparent', async () => {
    catalog.seen.splice(0);
    const answer = await postGraphQL(traced, { query: QUERY }, { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' });
    const header = catalog.seen[0]!.headers.traceparent as string;
    const context = parseTraceparent(header)!;
    expect(context.traceId).not.toBe('00000000000000000000000000000000');
    const trace = await spansOf(context.traceId, 3);
    const server = trace.find((s) => s.kind === 2)!;
    expect(server.parentSpanId).toBeUndefined();
    expect(attribute(server, 'govgraph.request_id')).toBe(answer.headers.get('x-request-id'));
  });

  it('sends nothing and adds no traceparent when no endpoint is configured', async () => {
    catalog.seen.splice(0);
    const before = received.length;
    await postGraphQL(untraced, { query: QUERY }, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(catalog.seen[0]!.headers.traceparent).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(received.slice(before).flatMap((r) => r.body.resourceSpans)).toHaveLength(0);
  });
});

describe('request ids in log lines written far from the request', () => {
  it("writes the request id in the error formatter's line about an unexpected error", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const catalog = await startFakeSubgraph('catalog', () => ({ body: { data: { matters: [] } } }));
    const gateway = await startGateway(
      { CATALOG_URL: `${catalog.url}/graphql` },
      {
        log: createLogger('gateway-test', 'debug', sink),
        plugins: [
          {
            name: 'broken',
            apollo: {
              async requestDidStart() {
                return {
                  async executionDidStart() {
                    throw new Error('a bug');
                  },
                };
              },
            },
          },
        ],
      },
    );
    try {
      const answer = await postGraphQL(gateway, { query: '{ matters { code } }' }, { 'x-request-id': 'bug-report-7' });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'unexpected error');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ requestId: 'bug-report-7' });
    } finally {
      await gateway.close();
      await catalog.close();
    }
  });
});
