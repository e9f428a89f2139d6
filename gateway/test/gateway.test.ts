import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/server.js';
import { startFakeSubgraph, type SeenRequest } from './helpers/fake-subgraph.js';
import { newSigningKey, signToken, startJwksServer, type SigningKey } from './helpers/jwks.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

type Fake = Awaited<ReturnType<typeof startFakeSubgraph>>;
type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];

describe('gateway over fake subgraphs', () => {
  let catalog: Fake;
  let identity: Fake;
  let licences: Fake;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let key: SigningKey;
  let gateway: RunningGateway;
  const plans: QueryPlan[] = [];
  const all = () => [...catalog.seen, ...identity.seen, ...licences.seen];
  const clearSeen = () => [catalog, identity, licences].forEach((fake) => fake.seen.splice(0));

  beforeAll(async () => {
    catalog = await startFakeSubgraph('catalog', () => ({
      body: { data: { matters: [{ __typename: 'Matter', code: 'M1', title: 'Food shop' }] } },
    }));
    identity = await startFakeSubgraph('identity', (request: SeenRequest) => ({
      body: { data: { whoami: request.claims?.accountId ?? null } },
    }));
    licences = await startFakeSubgraph('licences', (request) => {
      if (request.query.includes('licenceCount')) {
        return {
          body: {
            data: { licenceCount: null },
            errors: [{ message: 'Licence "L-9" not found', path: ['licenceCount'], extensions: { code: 'NOT_FOUND' } }],
          },
        };
      }
      const representations = request.variables.representations as unknown[];
      return { body: { data: { _entities: representations.map(() => ({ licenceTypes: ['food'] })) } } };
    });
    key = await newSigningKey('k1');
    jwks = await startJwksServer([key]);
    gateway = await startGateway(
      {
        CATALOG_URL: `${catalog.url}/graphql`,
        IDENTITY_URL: `${identity.url}/graphql`,
        LICENCES_URL: `${licences.url}/graphql`,
        JWKS_URL: jwks.jwksUrl,
      },
      { didResolveQueryPlan: ({ queryPlan }) => void plans.push(queryPlan) },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([catalog, identity, licences, jwks].map((server) => server?.close()));
  });

  it('joins across subgraphs, signing every fetch with one request id and no claims', async () => {
    clearSeen();
    plans.splice(0);
    const answer = await postGraphQL(gateway, { query: '{ matters { code title licenceTypes } whoami }' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { matters: [{ code: 'M1', title: 'Food shop', licenceTypes: ['food'] }], whoami: null } });

    const requestId = answer.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(all()).toHaveLength(3);
    for (const seen of all()) {
      expect(seen.requestId).toBe(requestId);
      expect(seen.claims).toBeNull();
      expect(seen.headers.authorization).toBeUndefined();
    }
    expect(licences.seen[0]!.query).toContain('_entities');

    // Tests read plans through didResolveQueryPlan.
    expect(plans).toHaveLength(1);
    expect(JSON.stringify(plans[0])).toContain('"serviceName":"licences"');
  });

  it('forwards verified claims from a bearer token', async () => {
    clearSeen();
    const token = await signToken(key, { sub: 'acct-9', claims: { applicant: 'E-1', roles: ['citizen', 'agent'] } });
    const answer = await postGraphQL(gateway, { query: '{ whoami }' }, { authorization: `Bearer ${token}` });
    expect(answer.body).toEqual({ data: { whoami: 'acct-9' } });
    expect(identity.seen[0]!.claims).toEqual({ accountId: 'acct-9', personId: null, applicantId: 'E-1', roles: ['citizen', 'agent'], department: null });
  });

  it.each([
    ['garbage', async () => 'Bearer abc.def.ghi'],
    ['expired', async () => `Bearer ${await signToken(key, { expiresIn: Math.floor(Date.now() / 1000) - 120 })}`],
    ['wrong issuer', async () => `Bearer ${await signToken(key, { issuer: 'evil' })}`],
    ['not bearer', async () => 'Basic dXNlcjpwYXNz'],
  ])('answers 401 for a bad token (%s) without calling subgraphs', async (_name, header) => {
    clearSeen();
    const answer = await postGraphQL(gateway, { query: '{ whoami }' }, { authorization: await header() });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: [{ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(answer.headers.get('x-request-id')).toBeTruthy();
    expect(all()).toHaveLength(0);
  });

  it('keeps a safe incoming x-request-id and replaces an unsafe one', async () => {
    clearSeen();
    const kept = await postGraphQL(gateway, { query: '{ whoami }' }, { 'x-request-id': 'portal.abc-123_X' });
    expect(kept.headers.get('x-request-id')).toBe('portal.abc-123_X');
    expect(identity.seen[0]!.requestId).toBe('portal.abc-123_X');

    const replaced = await postGraphQL(gateway, { query: '{ whoami }' }, { 'x-request-id': 'bad id; drop table' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a subgraph's error code and message, naming the subgraph", async () => {
    const answer = await postGraphQL(gateway, { query: '{ licenceCount }' });
    expect(answer.body.data).toEqual({ licenceCount: null });
    expect(answer.body.errors).toEqual([{ message: 'Licence "L-9" not found', path: ['licenceCount'], extensions: { code: 'NOT_FOUND', serviceName: 'licences' } }]);
  });

  it('answers GraphQL validation errors with 400 and their code', async () => {
    const answer = await postGraphQL(gateway, { query: '{ nope }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers invalid JSON with 400 BAD_REQUEST', async () => {
    const answer = await postGraphQL(gateway, '{"query": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ message: 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a body over 1 MiB with 413 LIMIT_EXCEEDED naming the limit', async () => {
    const answer = await postGraphQL(gateway, { query: '{ whoami }', variables: { pad: 'x'.repeat(1024 * 1024) } });
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'body', max: 1024 * 1024, actual: expect.any(Number) });
  });

  it('serves health, readiness and the offline playground as its landing page', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/nope`)).status).toBe(404);
    const page = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<title>govgraph playground</title>');
    expect(html).not.toMatch(/https?:\/\//); // playground.test.ts checks the page's assets too
  });

  it('serves GET queries with the CSRF preflight header', async () => {
    const url = `${gateway.graphqlUrl}?query=${encodeURIComponent('{ whoami }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { whoami: null } });
    expect((await fetch(url)).status).toBe(400); // CSRF prevention without the header
  });
});
