import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';
import type { RunningGateway } from '../src/server.js';
import { startHttpServer } from './helpers/http-server.js';
import { startScriptedSubgraph, type ScriptedSubgraph } from './helpers/scripted-subgraph.js';
import { FIXTURE_SUPERGRAPH, postGraphQL, startGateway, TEST_KEY_ENV } from './helpers/start-gateway.js';

const QUERY = { query: '{ matters { code title licenceTypes } }' };
const FULL = { matters: [{ code: 'M1', title: 'Food shop', licenceTypes: ['food'] }] };
const PORTAL = 'https://portal.example.gov';

/** A URL where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = await startHttpServer(() => undefined);
  await server.close();
  return `${server.url}/graphql`;
}

describe('gateway operations', () => {
  let catalog: ScriptedSubgraph;
  let identity: ScriptedSubgraph;
  let licences: ScriptedSubgraph;
  let licencesDelayMs = 0;
  const gateways: RunningGateway[] = [];

  async function gateway(env: Record<string, string> = {}): Promise<RunningGateway> {
    const started = await startGateway({
      CATALOG_URL: catalog.graphqlUrl,
      IDENTITY_URL: identity.graphqlUrl,
      LICENCES_URL: licences.graphqlUrl,
      GATEWAY_RESPONSE_CACHE: 'off',
      ...env,
    });
    gateways.push(started);
    return started;
  }

  beforeAll(async () => {
    catalog = await startScriptedSubgraph('catalog', () => ({ body: { data: { matters: [{ __typename: 'Matter', code: 'M1', title: 'Food shop' }] } } }));
    identity = await startScriptedSubgraph('identity', () => ({ body: { data: { whoami: null } } }));
    licences = await startScriptedSubgraph('licences', (request) => ({
      body: { data: { _entities: (request.variables.representations as unknown[]).map(() => ({ licenceTypes: ['food'] })) } },
      delayMs: licencesDelayMs,
    }));
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.close()));
    licencesDelayMs = 0;
    licences.readyStatus = 200;
  });
  afterAll(async () => Promise.all([catalog, identity, licences].map((s) => s?.close())));

  describe('health and readiness', () => {
    it('is ready when the supergraph is loaded and every subgraph answers its /readyz', async () => {
      const g = await gateway();
      expect((await fetch(`${g.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${g.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', service: 'gateway', subgraphs: { catalog: 'ready', identity: 'ready', licences: 'ready' } });
    });

    it('answers 503 naming the subgraphs that are down: no answer, or a 5xx /readyz', async () => {
      licences.readyStatus = 503;
      const g = await gateway({ IDENTITY_URL: await deadUrl() });
      const ready = await fetch(`${g.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not ready',
        service: 'gateway',
        down: ['identity', 'licences'],
        subgraphs: { catalog: 'ready', identity: 'down', licences: 'down' },
      });
      // The gateway alone (for a load balancer): loaded and not draining.
      const alone = await fetch(`${g.url}/readyz?scope=gateway`);
      expect(alone.status).toBe(200);
      expect(await alone.json()).toEqual({ status: 'ready', service: 'gateway' });
      expect((await fetch(`${g.url}/healthz`)).status).toBe(200);
    });

    it('probes the subgraphs at most once a second however often it is asked', async () => {
      const g = await gateway();
      const before = licences.probes();
      await Promise.all(Array.from({ length: 20 }, () => fetch(`${g.url}/readyz`).then((r) => r.arrayBuffer())));
      expect(licences.probes() - before).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      await fetch(`${g.url}/readyz`).then((r) => r.arrayBuffer());
      expect(licences.probes() - before).toBe(2);
    });
  });

  describe('graceful shutdown', () => {
    it('finishes a request in flight, refuses new connections meanwhile, and says so on the last answer', async () => {
      const g = await gateway();
      licencesDelayMs = 700;
      const slow = postGraphQL(g, QUERY);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the request is at licences now
      const closing = g.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(fetch(`${g.url}/healthz`)).rejects.toThrow(); // a new connection is refused
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: FULL });
      expect(answer.headers.get('connection')).toBe('close');
      await closing;
      gateways.splice(gateways.indexOf(g), 1);
    });
  });

  describe('CORS', () => {
    const preflight = (g: RunningGateway, origin: string) =>
      fetch(g.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });

    it('answers an allowed origin’s preflight and names it on the answers, without credentials', async () => {
      const g = await gateway({ GATEWAY_CORS_ORIGINS: `${PORTAL}, http://localhost:5173` });
      const answer = await preflight(g, PORTAL);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await postGraphQL(g, QUERY, { origin: PORTAL });
      expect(post.body).toEqual({ data: FULL });
      expect(post.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(post.headers.get('access-control-expose-headers')).toContain('x-request-id');
      expect(post.headers.get('vary')).toContain('origin');
    });

    it('gives any other origin no CORS header, and refuses its preflight', async () => {
      const g = await gateway({ GATEWAY_CORS_ORIGINS: PORTAL });
      const answer = await preflight(g, 'https://evil.example.com');
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const post = await postGraphQL(g, QUERY, { origin: 'https://evil.example.com' });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows no origin by default', async () => {
      const g = await gateway();
      expect((await preflight(g, PORTAL)).status).toBe(403);
      expect((await postGraphQL(g, QUERY, { origin: PORTAL })).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a malformed origin list, naming the variable', () => {
      const env = { SUPERGRAPH_PATH: FIXTURE_SUPERGRAPH, ...TEST_KEY_ENV };
      for (const bad of ['*', 'portal.example.gov', 'https://portal.example.gov/app', 'ftp://x.example']) {
        expect(() => loadGatewayConfig({ ...env, GATEWAY_CORS_ORIGINS: bad })).toThrow(/GATEWAY_CORS_ORIGINS/);
      }
    });
  });

  describe('security headers', () => {
    it('are on every answer: GraphQL, errors, health, metrics, not found', async () => {
      const g = await gateway();
      const answers = [
        await fetch(g.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUERY) }),
        await fetch(g.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }),
        await fetch(`${g.url}/healthz`),
        await fetch(`${g.url}/readyz`),
        await fetch(`${g.url}/metrics`),
        await fetch(`${g.url}/nope`),
      ];
      for (const answer of answers) {
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
        expect(answer.headers.get('x-frame-options')).toBe('DENY');
        expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      }
    });

    it('leave the playground its own Content-Security-Policy', async () => {
      const g = await gateway();
      const page = await fetch(`${g.url}/playground`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('content-security-policy')).toContain('style-src');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    });
  });

  describe('CSRF prevention (Apollo’s)', () => {
    it('refuses a simple GET or POST without the preflight header, and serves the same with it', async () => {
      const g = await gateway();
      const get = `${g.graphqlUrl}?query=${encodeURIComponent('{ whoami }')}`;
      expect((await fetch(get)).status).toBe(400);
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const refused = await fetch(g.graphqlUrl, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ query: '{ whoami }' }) });
        expect(refused.status, contentType).toBe(400);
        expect(await refused.text()).toMatch(/Cross-Site Request Forgery|CSRF/);
      }
      expect((await fetch(get, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(200);
      expect((await postGraphQL(g, { query: '{ whoami }' })).status).toBe(200);
    });
  });

  describe('in production', () => {
    const INTROSPECTION = ['{ __schema { types { name } } }', '{ __type(name: "Matter") { fields { name } } }'];

    it('refuses introspection (__schema and __type) even where free-form documents are served, and serves no playground', async () => {
      // GATEWAY_TRUSTED_DOCUMENTS=allow: Apollo's own switch (introspection: false) is what refuses.
      const g = await gateway({ NODE_ENV: 'production', GATEWAY_TRUSTED_DOCUMENTS: 'allow' });
      for (const query of INTROSPECTION) {
        const answer = await postGraphQL(g, { query });
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
      }
      expect((await fetch(`${g.url}/playground`)).status).toBe(404);
      expect((await postGraphQL(g, QUERY)).body).toEqual({ data: FULL });
    });

    it('refuses introspection with the production defaults too (only trusted documents)', async () => {
      const g = await gateway({ NODE_ENV: 'production' });
      for (const query of INTROSPECTION) {
        const answer = await postGraphQL(g, { query });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.body.data ?? null).toBeNull();
      }
    });
  });
});
