import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/auth-constants.js';
import { createTokenVerifier, InvalidTokenError, KeySetUnavailableError } from '../src/auth/verify-token.js';
import { newSigningKey, signToken, startJwksServer, type SigningKey } from './helpers/jwks.js';

describe('createTokenVerifier', () => {
  let keyA: SigningKey;
  let keys: SigningKey[];
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  const verifier = (cooldownMs = 0) =>
    createTokenVerifier({ jwksUrl: jwks.jwksUrl, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, jwksCooldownMs: cooldownMs });

  beforeAll(async () => {
    keyA = await newSigningKey('key-a');
    keys = [keyA];
    jwks = await startJwksServer(keys);
  });
  afterAll(() => jwks.close());

  it('maps a valid token to claims', async () => {
    const token = await signToken(keyA, { sub: 'acct-7', claims: { applicant: 'E-3', person: 'P-7', roles: ['officer'], dept: 'MKT' } });
    await expect(verifier()(token)).resolves.toEqual({
      accountId: 'acct-7',
      personId: 'P-7',
      applicantId: 'E-3',
      roles: ['officer'],
      department: 'MKT',
    });
  });

  it('treats absent applicant, roles and dept as null / empty', async () => {
    const token = await signToken(keyA, { claims: { applicant: undefined, roles: undefined } });
    await expect(verifier()(token)).resolves.toEqual({ accountId: 'acct-1', personId: null, applicantId: null, roles: [], department: null });
  });

  it.each([
    ['expired', () => signToken(keyA, { expiresIn: Math.floor(Date.now() / 1000) - 60 }), 'ERR_JWT_EXPIRED'],
    ['wrong issuer', () => signToken(keyA, { issuer: 'someone-else' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['wrong audience', () => signToken(keyA, { audience: 'other' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['garbage', async () => 'not.a.jwt', 'ERR_JWS_INVALID'],
    ['empty', async () => '', 'ERR_JWS_INVALID'],
    ['roles not a list', () => signToken(keyA, { claims: { roles: 'admin' } }), 'roles'],
  ])('refuses a token: %s', async (_name, makeToken, reason) => {
    const error = await verifier()(await makeToken()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as InvalidTokenError).reason).toBe(reason);
  });

  it('refuses a token signed by a key that is not in the JWKS', async () => {
    const stranger = await newSigningKey('key-a'); // same kid, other key: a forgery
    const error = await verifier()(await signToken(stranger)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as InvalidTokenError).reason).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refetches the JWKS when a token names an unknown key id (rotation)', async () => {
    const verify = verifier(0);
    await verify(await signToken(keyA));
    const before = jwks.fetches();
    await verify(await signToken(keyA));
    expect(jwks.fetches()).toBe(before); // cached

    const keyB = await newSigningKey('key-b');
    keys.push(keyB);
    await expect(verify(await signToken(keyB, { sub: 'acct-b' }))).resolves.toMatchObject({ accountId: 'acct-b' });
    expect(jwks.fetches()).toBe(before + 1);
  });

  it('tells an unreachable key set apart from a bad token', async () => {
    const verify = createTokenVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks.json', issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
    const error = await verify(await signToken(keyA)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeySetUnavailableError);
  });
});
