import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest, type SignedHeaders } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';
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
    const headers = signRequest(graph.party('gateway').keys, {
      audience: 'identity',
      requestId: 'r1',
      claims: { accountId: 'A-1', personId: 'P-000002', applicantId: 'P-000002', roles: [], department: null },
      body,
    });
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
    const headers = signRequest(graph.party('gateway').keys, { audience: 'catalog', requestId: 'r2', claims: null, body });
    const response = await fetch(graph.subgraphs.catalog!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data._service.sdl).toContain('type Matter');
  });

  it('refuses a request signed with a key that is not the gateway’s: a department’s own, or another graph’s gateway', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const send = (headers: SignedHeaders) => fetch(graph.subgraphs.catalog!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const strangers = testParties(['gateway'], join(graph.dataDir, 'another-graph'));
    const wrongKeys = [
      // A department's key, in the graph's own trust list, is worthless for speaking as the gateway.
      graph.party('identity').keys,
      graph.party('applications').keys,
      // A gateway key the graph does not trust (another folder): the same party name gets it nothing.
      strangers.gateway.keys,
    ];
    for (const keys of wrongKeys) {
      const response = await send(signRequest(keys, { audience: 'catalog', requestId: `wrong-key-${keys.party}`, claims: null, body }));
      expect(response.status, `signed by ${keys.party} in ${keys === strangers.gateway.keys ? 'another folder' : 'the graph'}`).toBe(401);
      expect(((await response.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
    // The same request signed with the gateway's key goes through: only the key made the difference.
    expect((await send(signRequest(graph.party('gateway').keys, { audience: 'catalog', requestId: 'right-key', claims: null, body }))).status).toBe(200);
  });

  it('refuses a request signed for one subgraph at any other: the audience is part of the signature', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const names = Object.keys(graph.subgraphs);
    expect(names.length).toBeGreaterThan(1);
    for (const audience of names) {
      for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
        if (name === audience) continue;
        // A fresh signature each time (own nonce), so only the audience can be why it is refused.
        const headers = signRequest(graph.party('gateway').keys, { audience, requestId: `for-${audience}-at-${name}`, claims: null, body });
        const response = await fetch(subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        expect(response.status, `signed for ${audience}, sent to ${name}`).toBe(401);
        expect(((await response.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      }
      // …and the subgraph it was signed for takes it.
      const headers = signRequest(graph.party('gateway').keys, { audience, requestId: `for-${audience}`, claims: null, body });
      const response = await fetch(graph.subgraphs[audience]!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(response.status, `signed for ${audience}, sent to ${audience}`).toBe(200);
    }
  });

  it('refuses the same signed request sent again: a captured request cannot be replayed within its minute', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = signRequest(graph.party('gateway').keys, { audience: 'identity', requestId: 'r3', claims: null, body });
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
