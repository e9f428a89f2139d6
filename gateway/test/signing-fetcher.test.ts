import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeClaims, TrustHeader, verifyRequest, type Claims, type VerifiedRequest } from '@govgraph/kit/trust';
import { createSigningFetcher } from '../src/engine/signing-fetcher.js';
import { testParties } from '@govgraph/kit/testing';
import { startHttpServer, type TestServer } from './helpers/http-server.js';

// The gateway's key and, in another folder, a key that is not the gateway's (a department's, say).
const parties = testParties(['gateway', 'identity']);
const impostor = testParties(['gateway']).gateway.keys;
const claims: Claims = { accountId: 'acct-1', personId: 'P-1', applicantId: 'P-1', roles: ['citizen'], department: null };

describe('createSigningFetcher', () => {
  let server: TestServer;
  let verdicts: VerifiedRequest[];

  beforeAll(async () => {
    // Verifies exactly as a kit subgraph does: over the raw body bytes it received.
    server = await startHttpServer((req, res, body) => {
      const header = (name: string) => req.headers[name] as string | undefined;
      const verdict = verifyRequest(parties.identity.trust, 'identity', header, body);
      verdicts.push(verdict);
      res.writeHead(verdict.ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { echo: body } }));
    });
  });
  afterAll(() => server.close());

  const send = (headers: Record<string, string>, body: string, keys = parties.gateway.keys, audience = 'identity') =>
    createSigningFetcher({ keys, audience, timeoutMs: 5_000 })(server.url, { method: 'POST', headers, body });

  it('signs the exact body so kit verifyRequest accepts it, forwarding claims and request id', async () => {
    verdicts = [];
    // Non-ASCII and odd spacing: the signature must cover these bytes, not a re-serialisation.
    const body = '{"query":"{ a }",  "variables":{"name":"Zoë ✓"}}';
    const response = await send({ 'Content-Type': 'application/json', [TrustHeader.requestId]: 'req-42', [TrustHeader.claims]: encodeClaims(claims) }, body);
    expect(response.status).toBe(200);
    expect(verdicts).toEqual([{ ok: true, requestId: 'req-42', claims, clientAddress: null, nonce: expect.any(String) }]);
    expect(await response.json()).toEqual({ data: { echo: body } });
  });

  it('signs anonymous requests with null claims and makes up a request id if none was set', async () => {
    verdicts = [];
    await send({ 'content-type': 'application/json' }, '{"query":"{ __typename }"}');
    expect(verdicts[0]).toMatchObject({ ok: true, claims: null });
    expect((verdicts[0] as { requestId: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('signs as nobody’s and sends no claims or client header when the caller is not to be forwarded', async () => {
    verdicts = [];
    let sent: Record<string, string> = {};
    const fetcher = createSigningFetcher({
      keys: parties.gateway.keys,
      audience: 'identity',
      timeoutMs: 5_000,
      caller: false,
      fetch: (url, init) => {
        sent = init?.headers as Record<string, string>;
        return fetch(url, init);
      },
    });
    const headers = { 'content-type': 'application/json', [TrustHeader.requestId]: 'req-7', [TrustHeader.claims]: encodeClaims(claims), [TrustHeader.client]: '203.0.113.9' };
    const response = await fetcher(server.url, { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(200);
    expect(verdicts).toEqual([{ ok: true, requestId: 'req-7', claims: null, clientAddress: null, nonce: expect.any(String) }]);
    expect(
      Object.keys(sent)
        .filter((name) => name.startsWith('x-govgraph-'))
        .sort(),
    ).toEqual([TrustHeader.nonce, TrustHeader.requestId, TrustHeader.signature, TrustHeader.timestamp].sort());
  });

  it("is refused when signed with a key the trust list does not hold as the gateway's", async () => {
    verdicts = [];
    const response = await send({ 'content-type': 'application/json' }, '{}', impostor);
    expect(response.status).toBe(401);
    expect(verdicts[0]).toEqual({ ok: false, reason: 'bad gateway signature (unknown-key)' });
  });

  it('is refused by a subgraph it was not signed for', async () => {
    verdicts = [];
    const response = await send({ 'content-type': 'application/json' }, '{}', parties.gateway.keys, 'catalog');
    expect(response.status).toBe(401);
    expect(verdicts[0]).toEqual({ ok: false, reason: 'bad gateway signature (bad-signature)' });
  });
});
