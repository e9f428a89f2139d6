import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/auth-constants.js';
import { createTokenVerifier, InvalidTokenError, KeySetUnavailableError, type TokenVerifierOptions } from '../src/auth/verify-token.js';
import { newSigningKey, signToken, startJwksServer, type SigningKey } from './helpers/jwks.js';

describe('createTokenVerifier', () => {
  let keyA: SigningKey;
  let keys: SigningKey[];
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  const verifier = (cooldownMs = 0, options: Partial<TokenVerifierOptions> = {}) =>
    createTokenVerifier({ jwksUrl: jwks.jwksUrl, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, jwksCooldownMs: cooldownMs, ...options });
  const reasonOf = (verify: ReturnType<typeof verifier>, token: string) =>
    verify(token).then(
      () => 'accepted',
      (error: unknown) => (error instanceof InvalidTokenError ? error.reason : error),
    );
  const now = () => Math.floor(Date.now() / 1000);
  /** A token with exactly these timestamps (each left out when undefined). */
  const timed = (times: { iat?: number; nbf?: number; exp: number }) => {
    let jwt = new SignJWT({ roles: ['citizen'], applicant: 'P-1' })
      .setProtectedHeader({ alg: 'EdDSA', kid: keyA.kid })
      .setSubject('acct-1')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setExpirationTime(times.exp);
    if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
    if (times.nbf !== undefined) jwt = jwt.setNotBefore(times.nbf);
    return jwt.sign(keyA.privateKey);
  };
  /** The same token with the signature's last character changed only in its spare (unused) bits. */
  const respelled = (token: string) => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = token.at(-1)!;
    return token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
  };

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
  it('refuses a token that claims to live longer than the maximum (an hour by default), counted from iat or nbf', async () => {
    const verify = verifier();
    const t = now();
    const tenYears = 10 * 365 * 24 * 3600;
    expect(await reasonOf(verify, await timed({ iat: t, nbf: t, exp: t + tenYears }))).toBe('lifetime');
    expect(await reasonOf(verify, await timed({ iat: t, exp: t + 3601 }))).toBe('lifetime');
    expect(await reasonOf(verify, await timed({ iat: t, nbf: t - 100, exp: t + 3600 }))).toBe('lifetime');
    expect(await reasonOf(verify, await timed({ iat: t, nbf: t, exp: t + 3600 }))).toBe('accepted');
    // iat is required, may not lie in the future (that would stretch exp - iat), nor an hour back.
    expect(await reasonOf(verify, await timed({ exp: t + 600 }))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(await reasonOf(verify, await timed({ iat: t + 3000, exp: t + 3600 }))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(await reasonOf(verify, await timed({ iat: t - 4000, exp: t + 60 }))).toBe('ERR_JWT_EXPIRED');
    // The maximum is the gateway's setting.
    expect(await reasonOf(verifier(0, { maxLifetimeSeconds: 600 }), await timed({ iat: t, exp: t + 900 }))).toBe('lifetime');
    expect(await reasonOf(verifier(0, { maxLifetimeSeconds: tenYears }), await timed({ iat: t, exp: t + tenYears }))).toBe('accepted');
  });

  it('refuses a signature respelled in its spare bits, which jose alone accepts, and any segment not canonical base64url', async () => {
    const token = await signToken(keyA);
    const altered = respelled(token);
    expect(altered).not.toBe(token);
    // The same bytes: jose verifies it.
    await expect(jwtVerify(altered, createLocalJWKSet({ keys: [keyA.jwk] }))).resolves.toBeDefined();

    const verify = verifier();
    expect(await reasonOf(verify, token)).toBe('accepted');
    expect(await reasonOf(verify, altered)).toBe('encoding');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const spellings = {
      padded: `${header}.${payload}.${signature}=`,
      'standard base64': `${header}.${payload}.${Buffer.from(signature, 'base64url').toString('base64')}`,
      'padded header': `${header}=.${payload}.${signature}`,
      'header respelled': `${respelled(header)}.${payload}.${signature}`,
      'one character more': `${header}.${payload}.${signature}A`,
      'a space inside': `${header}.${payload} .${signature}`,
      'four segments': `${header}.${payload}.${signature}.`,
    };
    for (const [name, bad] of Object.entries(spellings)) {
      const reason = await reasonOf(verify, bad);
      expect(typeof reason === 'string' && reason !== 'accepted', `${name}: ${String(reason)}`).toBe(true);
    }
  });

  it('never remembers a refused token: each try is checked afresh', async () => {
    const verify = verifier();
    const t = now();
    const good = await timed({ iat: t, exp: t + 600 });
    const tooLong = await timed({ iat: t, exp: t + 7200 });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await reasonOf(verify, tooLong)).toBe('lifetime');
      expect(await reasonOf(verify, respelled(good))).toBe('encoding');
      expect(await reasonOf(verify, good)).toBe('accepted');
    }
  });
});
