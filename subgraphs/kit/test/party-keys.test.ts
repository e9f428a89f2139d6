import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { REDIS_URL, redisAvailable } from '../src/testing/index.js';
import {
  CASE_GRANT_ISSUER,
  createNonceStore,
  initPartyKeys,
  loadPartyCredentials,
  mintCaseGrant,
  openCaseGrant,
  PartyKeys,
  publicEntryOf,
  readPartyKeys,
  retirePartyKey,
  rotatePartyKey,
  TrustStore,
  writePublicKeys,
  type NonceStore,
} from '../src/trust/index.js';

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-party-'));
  return { keysDir: join(dir, 'keys'), trustDir: join(dir, 'trust'), production: false };
}

describe('party keys', () => {
  it('are created once in development, owner-only on disk, and published to the trust list', () => {
    const locations = folder();
    const first = loadPartyCredentials('gateway', locations);
    const again = loadPartyCredentials('gateway', locations);
    expect(again.keys.sign('x').kid).toBe(first.keys.sign('x').kid);
    expect(first.keys.sealingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const file of ['signing-keys.json', 'seal.key']) expect(statSync(join(locations.keysDir, 'gateway', file)).mode & 0o777).toBe(0o600);
    expect(statSync(join(locations.keysDir, 'gateway')).mode & 0o777).toBe(0o700);
    const trust = new TrustStore(locations.trustDir);
    expect(trust.verify('gateway', first.keys.signCompact('hello'), 'hello')).toMatchObject({ ok: true });
  });

  it('are never created in production: the start fails naming the command', () => {
    const locations = { ...folder(), production: true };
    expect(() => loadPartyCredentials('gateway', locations)).toThrow(/govgraph keys init gateway/);
    initPartyKeys({ party: 'gateway', keysDir: locations.keysDir });
    // Keys, but no trust list: refused too.
    expect(() => loadPartyCredentials('gateway', locations)).toThrow(/GOVGRAPH_TRUST_DIR/);
    writePublicKeys(locations.trustDir, 'gateway', readPartyKeys(locations.keysDir, 'gateway').map(publicEntryOf));
    expect(() => loadPartyCredentials('identity', { ...locations, production: true }, ['gateway'])).toThrow(/no keys for identity/);
    initPartyKeys({ party: 'identity', keysDir: locations.keysDir });
    // identity must verify applications' case grants: without its public key, no start.
    expect(() => loadPartyCredentials('identity', locations, ['gateway', 'applications'])).toThrow(/no public key of applications/);
    expect(loadPartyCredentials('identity', locations, ['gateway']).keys.party).toBe('identity');
  });

  it('rotate without downtime: the new key is published first, signs from its activation, the old one verifies until retired', () => {
    const locations = folder();
    let now = Date.parse('2026-12-01T00:00:00Z');
    const clock = () => new Date(now);
    const signer = PartyKeys.load({ party: 'gateway', keysDir: locations.keysDir, trustDir: locations.trustDir, create: true, clock });
    const trust = new TrustStore(locations.trustDir, () => now);
    const oldKid = signer.sign('x').kid;
    const oldSignature = signer.signCompact('before');

    const added = rotatePartyKey({ party: 'gateway', keysDir: locations.keysDir, activateInMs: 300_000, clock });
    writePublicKeys(locations.trustDir, 'gateway', readPartyKeys(locations.keysDir, 'gateway').map(publicEntryOf));
    now += 31_000; // the running signer looks at its key file again
    expect(signer.sign('x').kid).toBe(oldKid);
    now += 300_000;
    expect(signer.sign('x').kid).toBe(added.kid);
    expect(trust.verify('gateway', signer.signCompact('after'), 'after')).toMatchObject({ ok: true, kid: added.kid });
    expect(trust.verify('gateway', oldSignature, 'before')).toMatchObject({ ok: true, kid: oldKid });

    retirePartyKey({ party: 'gateway', keysDir: locations.keysDir, kid: oldKid });
    writePublicKeys(locations.trustDir, 'gateway', readPartyKeys(locations.keysDir, 'gateway').map(publicEntryOf));
    now += 6_000; // the trust list is looked at again
    expect(trust.verify('gateway', oldSignature, 'before')).toEqual({ ok: false, reason: 'unknown-key' });
    expect(() => retirePartyKey({ party: 'gateway', keysDir: locations.keysDir, kid: added.kid })).toThrow(/only key/);
  });

  it("verify a signature only under the named party's keys", () => {
    const locations = folder();
    const catalog = loadPartyCredentials('catalog', locations);
    loadPartyCredentials('gateway', locations);
    const trust = new TrustStore(locations.trustDir);
    const signed = catalog.keys.signCompact('claims');
    expect(trust.verify('catalog', signed, 'claims')).toMatchObject({ ok: true });
    expect(trust.verify('gateway', signed, 'claims')).toEqual({ ok: false, reason: 'unknown-key' });
    expect(trust.verify('nobody', signed, 'claims')).toEqual({ ok: false, reason: 'unknown-key' });
    expect(trust.verify('catalog', 'garbage', 'claims')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('learn a key published after the verifier started (another party starting later)', () => {
    const locations = folder();
    const trust = new TrustStore(locations.trustDir);
    expect(trust.knows('applications')).toBe(false);
    const applications = loadPartyCredentials('applications', locations);
    expect(trust.verify('applications', applications.keys.signCompact('g'), 'g')).toMatchObject({ ok: true });
  });

  it('survive a broken trust file by keeping what was loaded', () => {
    const locations = folder();
    const gateway = loadPartyCredentials('gateway', locations);
    let now = 0;
    const trust = new TrustStore(locations.trustDir, () => now);
    expect(trust.verify('gateway', gateway.keys.signCompact('a'), 'a')).toMatchObject({ ok: true });
    writeFileSync(join(locations.trustDir, 'gateway.json'), '{ broken');
    now += 10_000;
    expect(trust.verify('gateway', gateway.keys.signCompact('a'), 'a')).toMatchObject({ ok: true });
  });
});

describe('case grants', () => {
  const grant = { applicantId: 'P-000001', accountId: 'A-9', department: 'JJ', caseId: 'C-1', purpose: '审查办件 JJ2026-000001', expiresAt: Date.now() + 60_000 };

  it("open only when applications' own key signed them", () => {
    const locations = folder();
    const applications = loadPartyCredentials(CASE_GRANT_ISSUER, locations);
    const identity = loadPartyCredentials('identity', locations);
    const reference = mintCaseGrant(applications.keys, grant);
    expect(openCaseGrant(identity.trust, reference)).toEqual(grant);
    // Another department cannot mint one: the kit refuses, and a hand-made one does not open.
    const catalog = loadPartyCredentials('catalog', locations);
    expect(() => mintCaseGrant(catalog.keys, grant)).toThrow(/only applications/);
    const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
    const forged = `G~${payload}.${catalog.keys.signCompact(`govgraph-case-grant-v2\n${payload}`)}`;
    expect(openCaseGrant(identity.trust, forged)).toBeNull();
    // An applications key that is not in this graph's trust list (another graph's) does not open either.
    const stranger = loadPartyCredentials(CASE_GRANT_ISSUER, folder());
    expect(openCaseGrant(identity.trust, mintCaseGrant(stranger.keys, grant))).toBeNull();
  });

  it('refuse an altered, expired or malformed reference', () => {
    const locations = folder();
    const applications = loadPartyCredentials(CASE_GRANT_ISSUER, locations);
    const reference = mintCaseGrant(applications.keys, grant);
    const [payload, kid, signature] = reference.slice(2).split('.');
    const altered = Buffer.from(JSON.stringify({ ...grant, applicantId: 'P-000002' })).toString('base64url');
    expect(openCaseGrant(applications.trust, `G~${altered}.${kid}.${signature}`)).toBeNull();
    expect(openCaseGrant(applications.trust, mintCaseGrant(applications.keys, { ...grant, expiresAt: Date.now() - 1 }))).toBeNull();
    expect(openCaseGrant(applications.trust, `G~${payload}.${kid}`)).toBeNull();
    expect(openCaseGrant(applications.trust, 'P-000001')).toBeNull();
  });
});

describe('nonce store', () => {
  it('in memory, refuses the second sight', async () => {
    const store = createNonceStore({ redisUrl: undefined, redisPrefix: 'x:', party: 'identity', log: createLogger('test', 'silent') });
    expect(await store.firstSight('n1')).toBe(true);
    expect(await store.firstSight('n1')).toBe(false);
    await store.close();
  });
});

describe.runIf(await redisAvailable())('nonce store on Redis', () => {
  const stores: NonceStore[] = [];
  afterAll(async () => Promise.all(stores.map((s) => s.close())));

  it('is shared by every replica of a department: a request replayed to a second replica is refused', async () => {
    const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
    const log = createLogger('test', 'silent');
    const replicaA = createNonceStore({ redisUrl: REDIS_URL, redisPrefix: prefix, party: 'identity', log });
    const replicaB = createNonceStore({ redisUrl: REDIS_URL, redisPrefix: prefix, party: 'identity', log });
    const otherDepartment = createNonceStore({ redisUrl: REDIS_URL, redisPrefix: prefix, party: 'licences', log });
    stores.push(replicaA, replicaB, otherDepartment);
    expect(await replicaA.firstSight('nonce-1')).toBe(true);
    expect(await replicaB.firstSight('nonce-1')).toBe(false);
    expect(await replicaA.firstSight('nonce-1')).toBe(false);
    // Departments keep their own sets (the signature's audience already ties a nonce to one).
    expect(await otherDepartment.firstSight('nonce-1')).toBe(true);
  });
});
