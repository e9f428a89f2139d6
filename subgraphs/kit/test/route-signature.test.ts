import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { BodySignatureError, BodyTooLargeError, verifiedBody } from '../src/http/index.js';
import {
  BodyDigest,
  BodyTrailer,
  MAX_SIGNATURE_AGE_MS,
  RouteTrustHeader,
  signBodyTrailer,
  signRequest,
  signRouteRequest,
  verifyBodyTrailer,
  verifyRequest,
  verifyRouteRequest,
} from '../src/trust/index.js';

const secret = 'z'.repeat(40);
const claims = { accountId: 'A-1', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
const upload = { method: 'POST', target: '/documents?filename=photo.png' };

function getter(headers: Record<string, string>) {
  return (name: string) => headers[name];
}

function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

describe('signed routes: headers', () => {
  it('verifies method, target, claims and body mode as the gateway signed them', () => {
    const headers = signRouteRequest(secret, { requestId: 'r1', claims, clientAddress: '203.0.113.7', ...upload, body: 'trailer' });
    const verified = verifyRouteRequest(secret, getter(headers), upload);
    expect(verified).toMatchObject({ ok: true, requestId: 'r1', claims, clientAddress: '203.0.113.7', body: 'trailer' });
    expect(verified.ok && verified.signature).toBe(headers[RouteTrustHeader.signature]);
  });

  it('refuses another target, method, body mode, claims, secret, an old signature and none at all', () => {
    const headers = signRouteRequest(secret, { requestId: 'r1', claims, ...upload, body: 'trailer' });
    expect(verifyRouteRequest(secret, getter({}), upload)).toEqual({ ok: false, reason: 'missing gateway signature' });
    expect(verifyRouteRequest(secret, getter(headers), { ...upload, target: '/documents?filename=other.png' })).toMatchObject({ ok: false });
    expect(verifyRouteRequest(secret, getter(headers), { ...upload, method: 'PUT' })).toMatchObject({ ok: false });
    expect(verifyRouteRequest(secret, getter({ ...headers, [RouteTrustHeader.body]: 'none' }), upload)).toMatchObject({ ok: false });
    const forged = Buffer.from(JSON.stringify({ ...claims, applicantId: 'P-000002' })).toString('base64url');
    expect(verifyRouteRequest(secret, getter({ ...headers, [RouteTrustHeader.claims]: forged }), upload)).toMatchObject({ ok: false });
    expect(verifyRouteRequest('w'.repeat(40), getter(headers), upload)).toMatchObject({ ok: false });
    const old = signRouteRequest(secret, { requestId: 'r1', claims, ...upload, body: 'trailer', now: Date.now() - MAX_SIGNATURE_AGE_MS - 1 });
    expect(verifyRouteRequest(secret, getter(old), upload)).toEqual({ ok: false, reason: 'gateway signature expired' });
  });

  it('is not interchangeable with a GraphQL request signature', () => {
    const graphql = signRequest(secret, { requestId: 'r1', claims, body: '' });
    expect(verifyRouteRequest(secret, getter({ ...graphql, [RouteTrustHeader.body]: 'none' }), { method: 'GET', target: '/documents/D-1' })).toMatchObject({ ok: false });
    const route = signRouteRequest(secret, { requestId: 'r1', claims, method: 'POST', target: '/graphql', body: 'none' });
    expect(verifyRequest(secret, getter(route), '')).toMatchObject({ ok: false });
  });
});

describe('signed routes: the body trailer', () => {
  const body = Buffer.from('%PDF-1.7 some bytes');
  const seal = { requestId: 'r1', signature: 'header-signature', size: body.length, sha256: sha256(body) };

  it('vouches for exactly this body under this header signature', () => {
    const trailers = signBodyTrailer(secret, seal);
    expect(trailers[BodyTrailer.sha256]).toBe(seal.sha256);
    expect(verifyBodyTrailer(secret, getter(trailers), seal)).toEqual({ ok: true });
    expect(verifyBodyTrailer(secret, getter(trailers), { ...seal, sha256: sha256('other') })).toMatchObject({ ok: false });
    expect(verifyBodyTrailer(secret, getter(trailers), { ...seal, size: seal.size - 1 })).toMatchObject({ ok: false });
    // Lifted onto another request (another header signature or request id): refused.
    expect(verifyBodyTrailer(secret, getter(trailers), { ...seal, signature: 'another' })).toMatchObject({ ok: false });
    expect(verifyBodyTrailer(secret, getter(trailers), { ...seal, requestId: 'r2' })).toMatchObject({ ok: false });
    // A trailer rewritten to match a substituted body, without the secret: refused.
    const rewritten = { ...trailers, [BodyTrailer.sha256]: sha256('evil'), [BodyTrailer.size]: '4' };
    expect(verifyBodyTrailer(secret, getter(rewritten), { ...seal, size: 4, sha256: sha256('evil') })).toEqual({ ok: false, reason: 'bad body signature' });
    expect(verifyBodyTrailer(secret, getter({}), seal)).toEqual({ ok: false, reason: 'missing body trailer' });
  });

  it('hashes incrementally what streams past', () => {
    const digest = new BodyDigest();
    digest.update(body.subarray(0, 5));
    digest.update(body.subarray(5));
    expect(digest.size).toBe(body.length);
    expect(digest.sha256()).toBe(seal.sha256);
    expect(digest.sha256()).toBe(seal.sha256);
  });
});

describe('verifiedBody', () => {
  const seal = { requestId: 'r1', signature: 'header-signature' };
  const chunks = ['hello ', 'streamed ', 'world'];
  const whole = chunks.join('');

  function source(parts: string[]): Readable {
    return Readable.from(parts.map((p) => Buffer.from(p)));
  }

  it('passes the body through and ends when the trailer matches', async () => {
    const trailers = signBodyTrailer(secret, { ...seal, size: whole.length, sha256: sha256(whole) });
    const body = verifiedBody(source(chunks), { secret, seal, trailers: () => trailers, maxBytes: 1024 });
    expect(await text(body)).toBe(whole);
  });

  it('fails instead of ending when the body was altered or the trailer is missing', async () => {
    const trailers = signBodyTrailer(secret, { ...seal, size: whole.length, sha256: sha256(whole) });
    const altered = verifiedBody(source(['hello ', 'STREAMED ', 'world']), { secret, seal, trailers: () => trailers, maxBytes: 1024 });
    await expect(text(altered)).rejects.toBeInstanceOf(BodySignatureError);
    const bare = verifiedBody(source(chunks), { secret, seal, trailers: () => ({}), maxBytes: 1024 });
    await expect(text(bare)).rejects.toThrow(/missing body trailer/);
  });

  it('fails as soon as the body passes the limit', async () => {
    const body = verifiedBody(source(chunks), { secret, seal, trailers: () => ({}), maxBytes: 10 });
    await expect(text(body)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('fails when the sender goes away before the end', async () => {
    const half = new Readable({ read() {} });
    const body = verifiedBody(half, { secret, seal, trailers: () => ({}), maxBytes: 1024 });
    half.push(Buffer.from('part'));
    const reading = text(body);
    half.destroy();
    await expect(reading).rejects.toThrow(/closed before/);
  });
});
