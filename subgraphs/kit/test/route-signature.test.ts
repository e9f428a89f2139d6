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
import { testParties } from '../src/testing/index.js';

const parties = testParties(['gateway', 'licences']);
const gatewayKeys = parties.gateway.keys;
const trust = parties.licences.trust;
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
    const headers = signRouteRequest(gatewayKeys, { audience: 'applications', requestId: 'r1', claims, clientAddress: '203.0.113.7', ...upload, body: 'trailer' });
    const verified = verifyRouteRequest(trust, 'applications', getter(headers), upload);
    expect(verified).toMatchObject({ ok: true, requestId: 'r1', claims, clientAddress: '203.0.113.7', body: 'trailer' });
    expect(verified.ok && verified.signature).toBe(headers[RouteTrustHeader.signature]);
    expect(verified.ok && verified.nonce).toBe(headers[RouteTrustHeader.nonce]);
  });

  it('signs a nonce, so the same signed request can be refused the second time', () => {
    const headers = signRouteRequest(gatewayKeys, { audience: 'applications', requestId: 'r1', claims, method: 'GET', target: '/documents/D-1', body: 'none' });
    expect(headers[RouteTrustHeader.nonce]).toMatch(/^[0-9a-f-]{36}$/);
    const renonced = { ...headers, [RouteTrustHeader.nonce]: 'fresh-nonce' };
    expect(verifyRouteRequest(trust, 'applications', getter(renonced), { method: 'GET', target: '/documents/D-1' })).toMatchObject({ ok: false });
  });

  it('refuses another target, method, body mode, claims, audience, an old signature and none at all', () => {
    const headers = signRouteRequest(gatewayKeys, { audience: 'applications', requestId: 'r1', claims, ...upload, body: 'trailer' });
    expect(verifyRouteRequest(trust, 'applications', getter({}), upload)).toEqual({ ok: false, reason: 'missing gateway signature' });
    expect(verifyRouteRequest(trust, 'applications', getter(headers), { ...upload, target: '/documents?filename=other.png' })).toMatchObject({ ok: false });
    expect(verifyRouteRequest(trust, 'applications', getter(headers), { ...upload, method: 'PUT' })).toMatchObject({ ok: false });
    expect(verifyRouteRequest(trust, 'applications', getter({ ...headers, [RouteTrustHeader.body]: 'none' }), upload)).toMatchObject({ ok: false });
    const forged = Buffer.from(JSON.stringify({ ...claims, applicantId: 'P-000002' })).toString('base64url');
    expect(verifyRouteRequest(trust, 'applications', getter({ ...headers, [RouteTrustHeader.claims]: forged }), upload)).toMatchObject({ ok: false });
    expect(verifyRouteRequest(trust, 'identity', getter(headers), upload)).toMatchObject({ ok: false });
    const old = signRouteRequest(gatewayKeys, { audience: 'applications', requestId: 'r1', claims, ...upload, body: 'trailer', now: Date.now() - MAX_SIGNATURE_AGE_MS - 1 });
    expect(verifyRouteRequest(trust, 'applications', getter(old), upload)).toEqual({ ok: false, reason: 'gateway signature expired' });
  });

  it('is not interchangeable with a GraphQL request signature', () => {
    const graphql = signRequest(gatewayKeys, { audience: 'applications', requestId: 'r1', claims, body: '' });
    expect(verifyRouteRequest(trust, 'applications', getter({ ...graphql, [RouteTrustHeader.body]: 'none' }), { method: 'GET', target: '/documents/D-1' })).toMatchObject({
      ok: false,
    });
    const route = signRouteRequest(gatewayKeys, { audience: 'applications', requestId: 'r1', claims, method: 'POST', target: '/graphql', body: 'none' });
    expect(verifyRequest(trust, 'applications', getter(route), '')).toMatchObject({ ok: false });
  });
});

describe('signed routes: the body trailer', () => {
  const body = Buffer.from('%PDF-1.7 some bytes');
  const seal = { requestId: 'r1', signature: 'header-signature', size: body.length, sha256: sha256(body) };

  it('vouches for exactly this body under this header signature', () => {
    const trailers = signBodyTrailer(gatewayKeys, seal);
    expect(trailers[BodyTrailer.sha256]).toBe(seal.sha256);
    expect(verifyBodyTrailer(trust, getter(trailers), seal)).toEqual({ ok: true });
    expect(verifyBodyTrailer(trust, getter(trailers), { ...seal, sha256: sha256('other') })).toMatchObject({ ok: false });
    expect(verifyBodyTrailer(trust, getter(trailers), { ...seal, size: seal.size - 1 })).toMatchObject({ ok: false });
    // Lifted onto another request (another header signature or request id): refused.
    expect(verifyBodyTrailer(trust, getter(trailers), { ...seal, signature: 'another' })).toMatchObject({ ok: false });
    expect(verifyBodyTrailer(trust, getter(trailers), { ...seal, requestId: 'r2' })).toMatchObject({ ok: false });
    // A trailer rewritten to match a substituted body, without the gateway's key: refused.
    const rewritten = { ...trailers, [BodyTrailer.sha256]: sha256('evil'), [BodyTrailer.size]: '4' };
    expect(verifyBodyTrailer(trust, getter(rewritten), { ...seal, size: 4, sha256: sha256('evil') })).toEqual({ ok: false, reason: 'bad body signature' });
    expect(verifyBodyTrailer(trust, getter({}), seal)).toEqual({ ok: false, reason: 'missing body trailer' });
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
    const trailers = signBodyTrailer(gatewayKeys, { ...seal, size: whole.length, sha256: sha256(whole) });
    const body = verifiedBody(source(chunks), { trust, seal, trailers: () => trailers, maxBytes: 1024 });
    expect(await text(body)).toBe(whole);
  });

  it('fails instead of ending when the body was altered or the trailer is missing', async () => {
    const trailers = signBodyTrailer(gatewayKeys, { ...seal, size: whole.length, sha256: sha256(whole) });
    const altered = verifiedBody(source(['hello ', 'STREAMED ', 'world']), { trust, seal, trailers: () => trailers, maxBytes: 1024 });
    await expect(text(altered)).rejects.toBeInstanceOf(BodySignatureError);
    const bare = verifiedBody(source(chunks), { trust, seal, trailers: () => ({}), maxBytes: 1024 });
    await expect(text(bare)).rejects.toThrow(/missing body trailer/);
  });

  it('fails as soon as the body passes the limit', async () => {
    const body = verifiedBody(source(chunks), { trust, seal, trailers: () => ({}), maxBytes: 10 });
    await expect(text(body)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('fails when the sender goes away before the end', async () => {
    const half = new Readable({ read() {} });
    const body = verifiedBody(half, { trust, seal, trailers: () => ({}), maxBytes: 1024 });
    half.push(Buffer.from('part'));
    const reading = text(body);
    half.destroy();
    await expect(reading).rejects.toThrow(/closed before/);
  });
});
