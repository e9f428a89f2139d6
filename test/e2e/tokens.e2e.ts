import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWithIdentityKey } from '../src/tokens.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the gateway refuses every bad token with UNAUTHENTICATED', () => {
  let graph: GraphHarness;
  let claims: Record<string, unknown>;
  let kid: string;

  beforeAll(async () => {
    graph = await startGraph();
    const real = await graph.login('zhangsan');
    claims = JSON.parse(Buffer.from(real.split('.')[1]!, 'base64url').toString());
    kid = JSON.parse(Buffer.from(real.split('.')[0]!, 'base64url').toString()).kid;
  });
  afterAll(async () => graph?.close());

  const me = '{ me { id } }';
  const now = () => Math.floor(Date.now() / 1000);
  const TEN_YEARS = 10 * 365 * 24 * 3600;
  /** The same token, its signature's last base64url character changed only in its spare bits: the same bytes. */
  const respelled = (token: string) => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    return token.slice(0, -1) + alphabet[alphabet.indexOf(token.at(-1)!) ^ 1];
  };

  it('accepts identity’s one-hour tokens, and its key’s tokens up to exactly the maximum lifetime', async () => {
    const issued = await graph.login('zhangsan');
    const { iat, exp } = JSON.parse(Buffer.from(issued.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(exp - iat).toBe(3600);
    expect((await graph.query(me, {}, issued)).data.me.id).toBe('P-000001');
    const hour = await signWithIdentityKey(
      graph.databases.identity!,
      graph.party('identity').keys.sealingSecret,
      { sub: 'A-000001', person: 'P-000001', applicant: 'P-000001', roles: ['citizen'] },
      { expiresAt: now() + 3600 },
    );
    expect((await graph.query(me, {}, hour)).data.me.id).toBe('P-000001');
  });

  it('refuses a respelled token every time, before and after the real one was accepted (a refusal is never remembered)', async () => {
    const real = await graph.login('zhangsan');
    for (const token of [respelled(real), real, respelled(real), real]) {
      const result = await graph.query(me, {}, token);
      if (token === real) expect(result.data.me.id).toBe('P-000001');
      else expect(result.status).toBe(401);
    }
  });

  it('accepts identity’s own token and answers public operations without one', async () => {
    const token = await signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, {
      sub: 'A-000001',
      person: 'P-000001',
      applicant: 'P-000001',
      roles: ['citizen'],
    });
    expect((await graph.query(me, {}, token)).data.me.id).toBe('P-000001');
    const open = await graph.query('{ departments { code } }');
    expect(open.status).toBe(200);
    expect(open.data.departments.length).toBeGreaterThan(0);
  });

  it.each([
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
    [
      'HS256 keyed with the public key',
      async () => {
        const jwks = (await (await fetch(`${graph.subgraphs.identity!.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ x: string }> };
        return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(Buffer.from(jwks.keys[0]!.x, 'base64url'));
      },
    ],
    [
      'a key identity never published, under its kid',
      async () => {
        const { privateKey } = await generateKeyPair('EdDSA');
        return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);
      },
    ],
    [
      'wrong issuer',
      () => signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, { sub: 'A-000001', applicant: 'P-000001' }, { issuer: 'someone-else' }),
    ],
    [
      'wrong audience',
      () => signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, { sub: 'A-000001', applicant: 'P-000001' }, { audience: 'another-app' }),
    ],
    [
      'expired',
      () => signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, { sub: 'A-000001', applicant: 'P-000001' }, { expiresAt: now() - 60 }),
    ],
    [
      'not yet valid',
      () => signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, { sub: 'A-000001', applicant: 'P-000001' }, { notBefore: now() + 3600 }),
    ],
    [
      'tampered payload',
      async () => {
        const real = await graph.login('zhangsan');
        const [header, , signature] = real.split('.');
        return `${header}.${b64({ ...claims, applicant: 'P-000002' })}.${signature}`;
      },
    ],
    ['garbage', async () => 'not.a.token'],
    [
      'a ten-year lifetime, signed with identity’s real key',
      () =>
        signWithIdentityKey(
          graph.databases.identity!,
          graph.party('identity').keys.sealingSecret,
          { sub: 'A-000001', person: 'P-000001', applicant: 'P-000001', roles: ['citizen'] },
          { expiresAt: now() + TEN_YEARS },
        ),
    ],
    // 3602: over the hour even if the second turns between our reading of the clock and the signer's.
    [
      'a lifetime over the hour',
      () => signWithIdentityKey(graph.databases.identity!, graph.party('identity').keys.sealingSecret, { sub: 'A-000001', applicant: 'P-000001' }, { expiresAt: now() + 3602 }),
    ],
    ['identity’s own token with the signature’s last character respelled', async () => respelled(await graph.login('zhangsan'))],
  ])('refuses %s', async (_name, makeToken) => {
    const result = await graph.query(me, {}, await makeToken());
    expect(result.status).toBe(401);
    expect(result.errors).toEqual([{ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(result.data).toBeUndefined();
  });
});
