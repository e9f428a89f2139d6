import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { canonicalJson, responseCacheKey } from '../src/cache/cache-key.js';
import { publicMaxAgeSeconds, PUBLIC_QUERY_FIELDS } from '../src/cache/cache-policy.js';
import { createMemoryResponseCacheStore, isCurrent } from '../src/cache/response-cache-store.js';
import { loadResponseCacheSettings, loadTracingSettings } from '../src/observability/observability-config.js';
import { operationLabel } from '../src/observability/operation-names.js';

function maxAgeOf(source: string): number | null {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  return publicMaxAgeSeconds(operation, fragments);
}

describe('what the response cache keeps, and for how long', () => {
  it('caches a query only when every root field is public, for the shortest TTL among them', () => {
    expect(maxAgeOf('query SearchCatalog { matters { totalCount } departments { code } }')).toBe(PUBLIC_QUERY_FIELDS.matters);
    expect(maxAgeOf('{ matter(code: "JJ-0101") { code } verifyLicence(id: "x") { genuine } }')).toBe(60);
    expect(maxAgeOf('{ __typename hallStatistics(year: 2025) { year } }')).toBe(300);
    expect(maxAgeOf('query { ...Public } fragment Public on Query { catalogStatistics { matterCount } ... on Query { licenceTypes { code } } }')).toBe(600);
  });

  it('never caches personal or unknown root fields, mutations, or an operation of __typename alone', () => {
    expect(maxAgeOf('{ matters { totalCount } me { id } }')).toBeNull();
    expect(maxAgeOf('{ ...Mixed } fragment Mixed on Query { departments { code } prefill(matterCode: "x") { matterCode } }')).toBeNull();
    expect(maxAgeOf('mutation { login(username: "a", password: "b") { token } }')).toBeNull();
    expect(maxAgeOf('{ __typename }')).toBeNull();
    expect(maxAgeOf('{ __schema { types { name } } }')).toBeNull();
    expect(maxAgeOf('{ toString }')).toBeNull();
  });

  it('keys on schema, document, operation name and variables, whatever the order of the variables', () => {
    const base = { schemaId: 's1', document: 'query A { matters { totalCount } }', operationName: 'A', variables: { a: 1, b: { c: [1, 2], d: null } } };
    const key = responseCacheKey(base);
    expect(responseCacheKey({ ...base, variables: { b: { d: null, c: [1, 2] }, a: 1 } })).toBe(key);
    expect(responseCacheKey({ ...base, variables: { a: 2, b: { c: [1, 2], d: null } } })).not.toBe(key);
    expect(responseCacheKey({ ...base, operationName: 'B' })).not.toBe(key);
    expect(responseCacheKey({ ...base, document: `${base.document} ` })).not.toBe(key);
    expect(responseCacheKey({ ...base, schemaId: 's2' })).not.toBe(key);
    expect(canonicalJson({ b: 1, a: [{ y: 1, x: undefined }] })).toBe('{"a":[{"y":1}],"b":1}');
  });
});

describe('the in-memory store', () => {
  it('expires entries, evicts the least recently used over its budget, and makes invalidated departments stale', async () => {
    let now = 1_000;
    const store = createMemoryResponseCacheStore({ maxBytes: 2_000, now: () => now });
    const entry = (n: number, generations: Record<string, number> = {}) => ({ data: { n, pad: 'x'.repeat(100) }, generations, storedAt: now });
    await store.save('a', entry(1), 10_000);
    await store.save('b', entry(2), 10_000);
    expect((await store.lookup('a', [])).entry?.data.n).toBe(1);
    for (let i = 0; i < 20; i++) await store.save(`k${i}`, entry(i), 10_000);
    expect(store.size()).toBeLessThan(22);
    expect((await store.lookup('b', [])).entry).toBeNull();

    await store.save('c', entry(3, { catalog: 0, licences: 0 }), 10_000);
    let found = await store.lookup('c', ['catalog', 'licences']);
    expect(isCurrent(found.entry!, found.generations)).toBe(true);
    await store.invalidate(['catalog']);
    found = await store.lookup('c', ['catalog', 'licences']);
    expect(found.generations).toEqual({ catalog: 1, licences: 0 });
    expect(isCurrent(found.entry!, found.generations)).toBe(false);

    now += 10_001;
    expect((await store.lookup('c', [])).entry).toBeNull();
    expect(await store.since()).toBe(1_000);
  });
});

describe('observability settings and formats', () => {
  it('reads the response cache and OpenTelemetry variables, refusing bad values by name', () => {
    expect(loadResponseCacheSettings({})).toEqual({ enabled: true, memoryMaxBytes: 64 * 1024 * 1024 });
    expect(loadResponseCacheSettings({ GATEWAY_RESPONSE_CACHE: 'off', GATEWAY_RESPONSE_CACHE_MEMORY_MB: '8' })).toEqual({ enabled: false, memoryMaxBytes: 8 * 1024 * 1024 });
    expect(() => loadResponseCacheSettings({ GATEWAY_RESPONSE_CACHE: 'maybe' })).toThrow(/GATEWAY_RESPONSE_CACHE/);
    expect(() => loadResponseCacheSettings({ GATEWAY_RESPONSE_CACHE_MEMORY_MB: '0' })).toThrow(/GATEWAY_RESPONSE_CACHE_MEMORY_MB/);

    expect(loadTracingSettings({})).toBeNull();
    expect(loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      tracesUrl: 'http://collector:4318/v1/traces',
      serviceName: 'govgraph-gateway',
      headers: {},
    });
    expect(
      loadTracingSettings({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/otlp/traces',
        OTEL_SERVICE_NAME: 'edge',
        OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20abc, x-tenant=city',
      }),
    ).toEqual({ tracesUrl: 'https://collector.example/otlp/traces', serviceName: 'edge', headers: { authorization: 'Bearer abc', 'x-tenant': 'city' } });
    expect(loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
    expect(() => loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('bounds operation labels', () => {
    const known = new Set(['SearchCatalog']);
    expect([operationLabel('SearchCatalog', known), operationLabel('Whatever', known), operationLabel(undefined, known)]).toEqual(['SearchCatalog', 'other', 'anonymous']);
  });
});
