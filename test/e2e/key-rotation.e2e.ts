import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@govgraph/kit';
import { SigningKeys } from '@govgraph/identity';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { signWithIdentityKey } from '../src/tokens.js';

describe('token signing key rotation', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('logs nobody out: old tokens keep working, and the gateway accepts the new key at once', async () => {
    const before = await graph.login('zhangsan');
    expect((await graph.query('{ me { id } }', {}, before)).data.me.id).toBe('P-000001');

    const keys = new SigningKeys(graph.databases.identity!.db, {
      sealingSecret: graph.party('identity').keys.sealingSecret,
      clock: () => new Date(),
      log: createLogger('test', 'silent'),
      maxAgeDays: 0,
    });
    const { kid } = await keys.rotate();
    // The gateway last fetched the JWKS moments ago; an unknown kid refetches after a 1 s cooldown.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const signedWithNewKey = await signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, {
      sub: 'A-000002',
      person: 'P-000002',
      applicant: 'P-000002',
      roles: ['citizen'],
    });
    expect(decodeProtectedHeader(signedWithNewKey).kid).toBe(kid);
    expect((await graph.query('{ me { id } }', {}, signedWithNewKey)).data.me.id).toBe('P-000002');

    expect((await graph.query('{ me { id } }', {}, before)).data.me.id).toBe('P-000001');
    const jwks = (await (await fetch(`${graph.subgraphs.identity!.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(before).kid);
    expect(jwks.keys).toHaveLength(2);
  });
});
