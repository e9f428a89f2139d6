import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustedDocumentManifest, printTrustedDocumentManifest } from '@govgraph/schema/governance';
import { loadGatewayConfig } from '../src/config.js';
import { counterValue, createGatewayMetrics, type GatewayMetrics } from '../src/metrics/gateway-metrics.js';
import type { RunningGateway } from '../src/server.js';
import { DEFAULT_TRUSTED_DOCUMENTS_MANIFEST } from '../src/trusted-documents/trusted-documents-config.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { FIXTURE_SUPERGRAPH, postGraphQL, startGateway, TEST_KEY_ENV } from './helpers/start-gateway.js';

type Fake = Awaited<ReturnType<typeof startFakeSubgraph>>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Trusted documents of the fixture supergraph, as a portal's build would commit them. */
const MATTERS = '# The catalog, public.\nquery Matters {\n  matters {\n    code\n    title\n  }\n}\n';
const WHOAMI = 'query WhoAmI {\n  whoami\n}\n';
const FREE_FORM = '{ matters { code } }';
const apq = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

/** A manifest and its documents in a fresh folder; returns the manifest's path. */
function writeManifest(dir: string): string {
  const operations = [
    { file: 'matters.graphql', source: MATTERS },
    { file: 'whoami.graphql', source: WHOAMI },
  ];
  for (const { file, source } of operations) writeFileSync(join(dir, file), source);
  const path = join(dir, 'manifest.json');
  writeFileSync(path, printTrustedDocumentManifest(buildTrustedDocumentManifest(operations)));
  return path;
}

async function getGraphQL(gateway: RunningGateway, params: Record<string, string>, headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) {
  const response = await fetch(`${gateway.graphqlUrl}?${new URLSearchParams(params)}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('trusted documents and APQ', () => {
  let dir: string;
  let manifest: string;
  let catalog: Fake;
  let identity: Fake;
  let subgraphEnv: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-trusted-'));
    manifest = writeManifest(dir);
    catalog = await startFakeSubgraph('catalog', () => ({ body: { data: { matters: [{ __typename: 'Matter', code: 'M1', title: 'Food shop' }] } } }));
    identity = await startFakeSubgraph('identity', () => ({ body: { data: { whoami: null } } }));
    subgraphEnv = {
      CATALOG_URL: `${catalog.url}/graphql`,
      IDENTITY_URL: `${identity.url}/graphql`,
      GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: manifest,
    };
  });
  afterAll(async () => {
    await Promise.all([catalog?.close(), identity?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with NODE_ENV=production (mode only)', () => {
    let gateway: RunningGateway;
    let metrics: GatewayMetrics;
    const counted = (result: string) => counterValue(metrics.persistedQueries, { result });

    beforeAll(async () => {
      metrics = createGatewayMetrics();
      gateway = await startGateway({ ...subgraphEnv, NODE_ENV: 'production' }, { metrics });
    });
    afterAll(() => gateway?.close());

    it('serves a trusted document by its id, in the APQ shape or as documentId, by POST and by GET', async () => {
      const expected = { data: { matters: [{ code: 'M1', title: 'Food shop' }] } };
      const byExtension = await postGraphQL(gateway, { extensions: apq(sha256(MATTERS)) });
      expect(byExtension.status).toBe(200);
      expect(byExtension.body).toEqual(expected);
      expect((await postGraphQL(gateway, { documentId: sha256(MATTERS) })).body).toEqual(expected);
      expect((await postGraphQL(gateway, { documentId: `sha256:${sha256(MATTERS).toUpperCase()}` })).body).toEqual(expected);
      expect((await getGraphQL(gateway, { documentId: sha256(MATTERS) })).body).toEqual(expected);
      expect((await getGraphQL(gateway, { extensions: JSON.stringify(apq(sha256(MATTERS))) })).body).toEqual(expected);
      // The subgraph got the trusted document's selection.
      expect(catalog.seen.at(-1)!.query).toContain('title');
    });

    it('also takes a trusted document sent in full, exactly as in the manifest', async () => {
      expect((await postGraphQL(gateway, { query: WHOAMI })).body).toEqual({ data: { whoami: null } });
      expect((await postGraphQL(gateway, { query: MATTERS, extensions: apq(sha256(MATTERS)) })).body.data.matters).toHaveLength(1);
    });

    it('refuses a free-form document with FORBIDDEN (403) before parsing it; no subgraph is called', async () => {
      const before = catalog.seen.length;
      const hits = await counted('refused');
      for (const query of [FREE_FORM, WHOAMI.replace('whoami', 'whoami '), '{ __schema { types { name } } }', 'query { nope(']) {
        const answer = await postGraphQL(gateway, { query });
        expect(answer.status, query).toBe(403);
        expect(answer.body).toEqual({
          errors: [
            {
              message: 'Only trusted documents are served here: send the id of a document in the manifest (extensions.persistedQuery.sha256Hash or documentId)',
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        });
      }
      const byGet = await getGraphQL(gateway, { query: FREE_FORM });
      expect(byGet.status).toBe(403);
      expect(byGet.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(catalog.seen.length).toBe(before);
      expect((await counted('refused')) - hits).toBe(5);
    });

    it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND, and registers nothing', async () => {
      const unknown = sha256(FREE_FORM);
      const answer = await postGraphQL(gateway, { extensions: apq(unknown) });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');
      expect(answer.body).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      expect((await postGraphQL(gateway, { documentId: unknown })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      // APQ's second step: the id with its (untrusted) document is not registered but refused.
      const register = await postGraphQL(gateway, { query: FREE_FORM, extensions: apq(unknown) });
      expect(register.status).toBe(403);
      expect(register.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await postGraphQL(gateway, { extensions: apq(unknown) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(await counted('registered')).toBe(0);
      expect(await counted('miss')).toBeGreaterThanOrEqual(3);
    });

    it('refuses ids that do not match the document or each other, and unknown APQ versions, with BAD_REQUEST', async () => {
      const cases: Array<[unknown, string]> = [
        [{ query: WHOAMI, extensions: apq(sha256(MATTERS)) }, 'provided sha does not match query'],
        [{ extensions: { persistedQuery: { version: 2, sha256Hash: sha256(MATTERS) } } }, 'Unsupported persisted query version'],
        [{ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }, 'extensions.persistedQuery.sha256Hash must be a SHA-256 in hex'],
        [{ documentId: 42 }, 'documentId must be a SHA-256 in hex, optionally prefixed with "sha256:"'],
        [{ documentId: sha256(WHOAMI), extensions: apq(sha256(MATTERS)) }, 'documentId and extensions.persistedQuery.sha256Hash name different documents'],
      ];
      for (const [body, message] of cases) {
        const answer = await postGraphQL(gateway, body);
        expect(answer.status, message).toBe(400);
        expect(answer.body).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      }
    });

    it('keeps Apollo’s CSRF rule: a GET needs a preflight header', async () => {
      const noPreflight = await getGraphQL(gateway, { documentId: sha256(MATTERS) }, {});
      expect(noPreflight.status).toBe(400);
      expect(noPreflight.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });

    it('counts hits on the shared persisted-query series', async () => {
      // Five ways to send MATTERS by id, WHOAMI in full, MATTERS in full with its id.
      expect(await counted('hit')).toBe(7);
      expect(await metrics.registry.metrics()).toMatch(/govgraph_persisted_queries_total\{result="hit"\} \d+/);
    });
  });

  describe('in development (mode allow, APQ in memory)', () => {
    let gateway: RunningGateway;
    let metrics: GatewayMetrics;

    beforeAll(async () => {
      metrics = createGatewayMetrics();
      gateway = await startGateway(subgraphEnv, { metrics });
    });
    afterAll(() => gateway?.close());

    it('serves free-form documents and trusted ids', async () => {
      expect((await postGraphQL(gateway, { query: FREE_FORM })).body).toEqual({ data: { matters: [{ code: 'M1' }] } });
      expect((await postGraphQL(gateway, { documentId: sha256(WHOAMI) })).body).toEqual({ data: { whoami: null } });
    });

    it('runs the APQ round trip: hash → not found; hash and document → registered; hash → served, also by GET', async () => {
      const document = 'query Codes { matters { code } }';
      const id = sha256(document);
      expect((await postGraphQL(gateway, { extensions: apq(id) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await postGraphQL(gateway, { query: document, extensions: apq(id) })).body).toEqual({ data: { matters: [{ code: 'M1' }] } });
      expect(await counterValue(metrics.persistedQueries, { result: 'registered' })).toBe(1);
      expect((await postGraphQL(gateway, { extensions: apq(id) })).body).toEqual({ data: { matters: [{ code: 'M1' }] } });
      expect((await postGraphQL(gateway, { documentId: id, operationName: 'Codes' })).body).toEqual({ data: { matters: [{ code: 'M1' }] } });
      expect((await getGraphQL(gateway, { extensions: JSON.stringify(apq(id)) })).body).toEqual({ data: { matters: [{ code: 'M1' }] } });
    });

    it('registers a document only once it validated, and never under another document’s hash', async () => {
      const invalid = 'query Bad { nope }';
      const answer = await postGraphQL(gateway, { query: invalid, extensions: apq(sha256(invalid)) });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await postGraphQL(gateway, { extensions: apq(sha256(invalid)) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const other = 'query Other { matters { title } }';
      const mismatch = await postGraphQL(gateway, { query: other, extensions: apq(sha256(FREE_FORM)) });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors?.[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
      expect((await postGraphQL(gateway, { extensions: apq(sha256(FREE_FORM)) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  describe('with NODE_ENV=production and GATEWAY_TRUSTED_DOCUMENTS=allow', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway({ ...subgraphEnv, NODE_ENV: 'production', GATEWAY_TRUSTED_DOCUMENTS: 'allow' });
    });
    afterAll(() => gateway?.close());

    it('serves free-form documents and trusted ids, but registers nothing', async () => {
      const document = 'query Codes { matters { code } }';
      expect((await postGraphQL(gateway, { query: FREE_FORM })).body.data.matters).toHaveLength(1);
      expect((await postGraphQL(gateway, { extensions: apq(sha256(MATTERS)) })).body.data.matters).toHaveLength(1);
      expect((await postGraphQL(gateway, { query: document, extensions: apq(sha256(document)) })).body.data.matters).toHaveLength(1);
      expect((await postGraphQL(gateway, { extensions: apq(sha256(document)) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  describe('with GATEWAY_TRUSTED_DOCUMENTS=off', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway({ ...subgraphEnv, NODE_ENV: 'production', GATEWAY_TRUSTED_DOCUMENTS: 'off' });
    });
    afterAll(() => gateway?.close());

    it('serves free-form documents and knows no ids', async () => {
      expect((await postGraphQL(gateway, { query: FREE_FORM })).body.data.matters).toHaveLength(1);
      const byId = await postGraphQL(gateway, { extensions: apq(sha256(MATTERS)) });
      expect(byId.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    });
  });

  describe('with Redis down', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      // Port 1 on loopback: nothing listens there.
      gateway = await startGateway({ ...subgraphEnv, REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'test:' });
    });
    afterAll(() => gateway?.close());

    it('keeps APQ working in memory and fails no request', async () => {
      const document = 'query Titles { matters { title } }';
      const id = sha256(document);
      expect((await postGraphQL(gateway, { extensions: apq(id) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await postGraphQL(gateway, { query: document, extensions: apq(id) })).body.data.matters).toHaveLength(1);
      const hit = await postGraphQL(gateway, { extensions: apq(id) });
      expect(hit.status).toBe(200);
      expect(hit.body).toEqual({ data: { matters: [{ title: 'Food shop' }] } });
    });
  });

  describe('configuration', () => {
    const base = { SUPERGRAPH_PATH: FIXTURE_SUPERGRAPH, ...TEST_KEY_ENV };

    it('defaults to only in production and allow elsewhere, with the committed manifest', () => {
      const production = loadGatewayConfig({ ...base, NODE_ENV: 'production' }).trustedDocuments;
      expect(production).toMatchObject({ mode: 'only', apqRegistration: false, manifestPath: DEFAULT_TRUSTED_DOCUMENTS_MANIFEST });
      expect(production.documents).toHaveLength(36);
      expect(DEFAULT_TRUSTED_DOCUMENTS_MANIFEST.endsWith('/schema/operations/manifest.json')).toBe(true);
      const development = loadGatewayConfig(base).trustedDocuments;
      expect(development).toMatchObject({ mode: 'allow', apqRegistration: true, apqTtlSeconds: 86_400, apqMemoryBytes: 8 * 1024 * 1024 });
      expect(loadGatewayConfig({ ...base, GATEWAY_TRUSTED_DOCUMENTS: 'off', GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: join(dir, 'none.json') }).trustedDocuments).toMatchObject({
        mode: 'off',
        documents: [],
        apqRegistration: false,
      });
      expect(loadGatewayConfig({ ...base, GATEWAY_APQ_TTL_SECONDS: '60', GATEWAY_APQ_MEMORY_BYTES: '1000' }).trustedDocuments).toMatchObject({
        apqTtlSeconds: 60,
        apqMemoryBytes: 1000,
      });
    });

    it.each([
      [{ GATEWAY_TRUSTED_DOCUMENTS: 'strict' }, /GATEWAY_TRUSTED_DOCUMENTS must be one of only, allow, off, got "strict"/],
      [{ GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: '/nonexistent/manifest.json' }, /GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: no manifest at \/nonexistent\/manifest\.json/],
      [{ GATEWAY_APQ_TTL_SECONDS: '0' }, /GATEWAY_APQ_TTL_SECONDS must be a positive integer/],
      [{ GATEWAY_APQ_MEMORY_BYTES: 'lots' }, /GATEWAY_APQ_MEMORY_BYTES must be a positive integer/],
    ])('refuses %o', (env, message) => {
      expect(() => loadGatewayConfig({ ...base, ...env })).toThrow(message);
    });

    it('refuses to start on a manifest whose documents changed since it was written', () => {
      const changed = mkdtempSync(join(tmpdir(), 'govgraph-trusted-changed-'));
      try {
        const path = writeManifest(changed);
        writeFileSync(join(changed, 'whoami.graphql'), WHOAMI.replace('whoami', 'whoami matters { code }'));
        expect(() => loadGatewayConfig({ ...base, GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: path })).toThrow(/whoami\.graphql no longer has the id/);
      } finally {
        rmSync(changed, { recursive: true, force: true });
      }
    });
  });
});
