import { describe, expect, it } from 'vitest';
import { signRequest, verifyRequest, ReplayGuard, TrustHeader, MAX_SIGNATURE_AGE_MS } from '../src/trust/index.js';

const secret = 'x'.repeat(40);
const claims = { accountId: 'acc-1', personId: 'P1', applicantId: 'P1', roles: ['citizen'], department: null };

function getter(headers: Record<string, string>) {
  return (name: string) => headers[name];
}

describe('gateway request signature', () => {
  it('verifies what the gateway signed and returns the claims', () => {
    const headers = signRequest(secret, { requestId: 'r1', claims, clientAddress: '203.0.113.7', body: '{"query":"{a}"}' });
    const result = verifyRequest(secret, getter({ ...headers }), '{"query":"{a}"}');
    expect(result).toEqual({ ok: true, requestId: 'r1', claims, clientAddress: '203.0.113.7', nonce: headers[TrustHeader.nonce] });
    // The client address is signed too: per-address limits cannot be dodged by rewriting it.
    expect(verifyRequest(secret, getter({ ...headers, [TrustHeader.client]: '198.51.100.1' }), '{"query":"{a}"}')).toMatchObject({ ok: false });
  });
  it('refuses a missing signature, another body, other claims, another secret and an old signature', () => {
    const headers = { ...signRequest(secret, { requestId: 'r1', claims, body: 'b' }) };
    expect(verifyRequest(secret, getter({}), 'b')).toMatchObject({ ok: false, reason: 'missing gateway signature' });
    expect(verifyRequest(secret, getter(headers), 'other body')).toMatchObject({ ok: false, reason: 'bad gateway signature' });
    const forgedClaims = Buffer.from(JSON.stringify({ ...claims, applicantId: 'P2' })).toString('base64url');
    expect(verifyRequest(secret, getter({ ...headers, [TrustHeader.claims]: forgedClaims }), 'b')).toMatchObject({ ok: false });
    expect(verifyRequest('y'.repeat(40), getter(headers), 'b')).toMatchObject({ ok: false });
    const old = { ...signRequest(secret, { requestId: 'r1', claims, body: 'b', now: Date.now() - MAX_SIGNATURE_AGE_MS - 1 }) };
    expect(verifyRequest(secret, getter(old), 'b')).toMatchObject({ ok: false, reason: 'gateway signature expired' });
  });
  it('carries anonymous requests with empty claims', () => {
    const headers = { ...signRequest(secret, { requestId: 'r2', claims: null, body: '' }) };
    expect(verifyRequest(secret, getter(headers), '')).toMatchObject({ ok: true, requestId: 'r2', claims: null, clientAddress: null });
  });
  it('signs a fresh nonce each time, and a changed nonce breaks the signature', () => {
    const first = signRequest(secret, { requestId: 'r3', claims, body: 'b', now: 1_000 });
    const second = signRequest(secret, { requestId: 'r3', claims, body: 'b', now: 1_000 });
    expect(first[TrustHeader.nonce]).not.toBe(second[TrustHeader.nonce]);
    expect(first[TrustHeader.signature]).not.toBe(second[TrustHeader.signature]);
    const tampered = { ...signRequest(secret, { requestId: 'r3', claims, body: 'b' }), [TrustHeader.nonce]: 'another' };
    expect(verifyRequest(secret, getter(tampered), 'b')).toMatchObject({ ok: false, reason: 'bad gateway signature' });
  });
});

describe('replay guard', () => {
  it('accepts a nonce once within the signature lifetime and forgets it afterwards', () => {
    let now = 0;
    const guard = new ReplayGuard(10, () => now);
    expect(guard.firstSight('n1')).toBe(true);
    expect(guard.firstSight('n1')).toBe(false);
    now = 2 * MAX_SIGNATURE_AGE_MS - 1;
    expect(guard.firstSight('n1')).toBe(false);
    now = 2 * MAX_SIGNATURE_AGE_MS + 1;
    expect(guard.firstSight('n1')).toBe(true); // its signature has long expired: the age check refuses it
  });
  it('stays bounded: beyond its size it forgets the oldest first', () => {
    const guard = new ReplayGuard(3, () => 0);
    for (const nonce of ['a', 'b', 'c', 'd']) expect(guard.firstSight(nonce)).toBe(true);
    expect(guard.firstSight('d')).toBe(false);
    expect(guard.firstSight('a')).toBe(true);
  });
});
