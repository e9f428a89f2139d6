import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '@govgraph/kit/trust';
import { postGraphQL, startGraph, type GraphHarness } from '../src/harness.js';

describe('trust between gateway and subgraphs', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('refuses a request that goes around the gateway, to every subgraph', async () => {
    for (const subgraph of Object.values(graph.subgraphs)) {
      const result = await postGraphQL(subgraph.graphqlUrl, { query: '{ _service { sdl } }' });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data).toBeUndefined();
    }
  });

  it('refuses claims forged onto a signature made for other claims', async () => {
    const identity = graph.subgraphs.identity!;
    const body = JSON.stringify({ query: '{ me { id } }' });
    const headers = signRequest(graph.secret, { requestId: 'r1', claims: { accountId: 'A-1', personId: 'P-000002', applicantId: 'P-000002', roles: [], department: null }, body });
    const forged = Buffer.from(JSON.stringify({ accountId: 'A-1', personId: 'P-000002', applicantId: 'P-000001', roles: [], department: null })).toString('base64url');
    const response = await fetch(identity.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, 'x-govgraph-claims': forged },
      body,
    });
    expect(response.status).toBe(401);
  });

  it('accepts the gateway’s signature: a signed _entities call reaches the subgraph', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = signRequest(graph.secret, { requestId: 'r2', claims: null, body });
    const response = await fetch(graph.subgraphs.catalog!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data._service.sdl).toContain('type Matter');
  });

  it('refuses the same signed request sent again: a captured request cannot be replayed within its minute', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = signRequest(graph.secret, { requestId: 'r3', claims: null, body });
    const send = () => fetch(graph.subgraphs.identity!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await send()).status).toBe(200);
    const replayed = await send();
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps health endpoints open', async () => {
    for (const subgraph of Object.values(graph.subgraphs)) {
      expect((await fetch(`${subgraph.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${subgraph.url}/readyz`)).status).toBe(200);
    }
    expect((await fetch(`${graph.gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${graph.gateway.url}/readyz`)).status).toBe(200);
  });

  it('answers malformed, forged and expired tokens with UNAUTHENTICATED and no stack trace', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const forged = await new SignJWT({ applicant: 'P-000001', roles: ['citizen'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'not-a-known-key' })
      .setIssuer('govgraph-identity')
      .setAudience('govgraph')
      .setSubject('A-000001')
      .setExpirationTime('1h')
      .sign(privateKey);
    const real = await graph.login('zhangsan');
    const [header, payload] = real.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const expiredPayload = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
    const tampered = `${header}.${expiredPayload}.${real.split('.')[2]}`;

    for (const token of ['garbage', forged, tampered]) {
      const result = await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, token);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|node_modules/);
    }
  });

  it('forwards a request id and echoes it', async () => {
    const response = await fetch(graph.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'portal-123' },
      body: JSON.stringify({ query: '{ departments { code } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('portal-123');
  });
});
