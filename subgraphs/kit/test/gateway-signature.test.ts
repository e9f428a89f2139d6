import { describe, expect, it } from 'vitest';
import { signRequest, verifyRequest, ReplayGuard, TrustHeader, MAX_SIGNATURE_AGE_MS } from '../src/trust/index.js';
import { testParties } from '../src/testing/index.js';

const parties = testParties(['gateway', 'catalog']);
const gateway = parties.gateway.keys;
const trust = parties.catalog.trust;
const claims = { accountId: 'acc-1', personId: 'P1', applicantId: 'P1', roles: ['citizen'], department: null };

function getter(headers: Record<string, string>) {
  return (name: string) => headers[name];
}

describe('gateway request signature', () => {
  it('verifies what the gateway signed for this subgraph and returns the claims', () => {
    const headers = signRequest(gateway, { audience: 'identity', requestId: 'r1', claims, clientAddress: '203.0.113.7', body: '{"query":"{a}"}' });
    const result = verifyRequest(trust, 'identity', getter({ ...headers }), '{"query":"{a}"}');
    expect(result).toEqual({ ok: true, requestId: 'r1', claims, clientAddress: '203.0.113.7', nonce: headers[TrustHeader.nonce] });
    // The client address is signed too: per-address limits cannot be dodged by rewriting it.
    expect(verifyRequest(trust, 'identity', getter({ ...headers, [TrustHeader.client]: '198.51.100.1' }), '{"query":"{a}"}')).toMatchObject({ ok: false });
  });
  it('refuses a missing signature, another body, other claims, an old signature and another audience', () => {
    const headers = { ...signRequest(gateway, { audience: 'identity', requestId: 'r1', claims, body: 'b' }) };
    expect(verifyRequest(trust, 'identity', getter({}), 'b')).toMatchObject({ ok: false, reason: 'missing gateway signature' });
    expect(verifyRequest(trust, 'identity', getter(headers), 'other body')).toMatchObject({ ok: false, reason: 'bad gateway signature (bad-signature)' });
    const forgedClaims = Buffer.from(JSON.stringify({ ...claims, applicantId: 'P2' })).toString('base64url');
    expect(verifyRequest(trust, 'identity', getter({ ...headers, [TrustHeader.claims]: forgedClaims }), 'b')).toMatchObject({ ok: false });
    const old = { ...signRequest(gateway, { audience: 'identity', requestId: 'r1', claims, body: 'b', now: Date.now() - MAX_SIGNATURE_AGE_MS - 1 }) };
    expect(verifyRequest(trust, 'identity', getter(old), 'b')).toMatchObject({ ok: false, reason: 'gateway signature expired' });
    // Signed for identity, replayed to licences: refused.
    expect(verifyRequest(trust, 'licences', getter(headers), 'b')).toMatchObject({ ok: false });
  });
  it("refuses a request signed with any key but the gateway's: a department cannot speak as the gateway", () => {
    const forged = { ...signRequest(parties.catalog.keys, { audience: 'identity', requestId: 'r1', claims, body: 'b' }) };
    expect(verifyRequest(trust, 'identity', getter(forged), 'b')).toMatchObject({ ok: false, reason: 'bad gateway signature (unknown-key)' });
    // The catalog's key id spliced onto the gateway's: still not the gateway's signature.
    const signature = forged[TrustHeader.signature].split('.')[1];
    const spliced = { ...forged, [TrustHeader.signature]: `${gateway.sign('x').kid}.${signature}` };
    expect(verifyRequest(trust, 'identity', getter(spliced), 'b')).toMatchObject({ ok: false, reason: 'bad gateway signature (bad-signature)' });
  });
  it('refuses a signature spelled another way (the last base64url character changed in its spare bits)', () => {
    const headers = { ...signRequest(gateway, { audience: 'identity', requestId: 'r1', claims, body: 'b' }) };
    const signature = headers[TrustHeader.signature];
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 86 characters carry 516 bits for 512: the low 4 bits of the last one are spare.
    const sibling = alphabet[(alphabet.indexOf(last) & ~0xf) | ((alphabet.indexOf(last) + 1) & 0xf)]!;
    const respelled = { ...headers, [TrustHeader.signature]: signature.slice(0, -1) + sibling };
    expect(Buffer.from(respelled[TrustHeader.signature].split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature.split('.')[1]!, 'base64url'));
    expect(verifyRequest(trust, 'identity', getter(respelled), 'b')).toMatchObject({ ok: false, reason: 'bad gateway signature (malformed)' });
  });
  it('carries anonymous requests with empty claims', () => {
    const headers = { ...signRequest(gateway, { audience: 'catalog', requestId: 'r2', claims: null, body: '' }) };
    expect(verifyRequest(trust, 'catalog', getter(headers), '')).toMatchObject({ ok: true, requestId: 'r2', claims: null, clientAddress: null });
  });
  it('signs a fresh nonce each time, and a changed nonce breaks the signature', () => {
    const first = signRequest(gateway, { audience: 'catalog', requestId: 'r3', claims, body: 'b', now: 1_000 });
    const second = signRequest(gateway, { audience: 'catalog', requestId: 'r3', claims, body: 'b', now: 1_000 });
    expect(first[TrustHeader.nonce]).not.toBe(second[TrustHeader.nonce]);
    expect(first[TrustHeader.signature]).not.toBe(second[TrustHeader.signature]);
    const tampered = { ...signRequest(gateway, { audience: 'catalog', requestId: 'r3', claims, body: 'b' }), [TrustHeader.nonce]: 'another' };
    expect(verifyRequest(trust, 'catalog', getter(tampered), 'b')).toMatchObject({ ok: false, reason: 'bad gateway signature (bad-signature)' });
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
