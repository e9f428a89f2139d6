import 'reflect-metadata';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, migrateToLatest, openDatabase, TOKEN_AUDIENCE, TOKEN_ISSUER, type Database } from '@govgraph/kit';
import type { IdentityTables } from '../src/database.js';
import { SigningKeys } from '../src/keys/signing-keys.js';
import { issueToken, TOKEN_LIFETIME_SECONDS } from '../src/keys/tokens.js';
import { identityMigrations } from '../src/migrations/index.js';

const log = createLogger('test', 'silent');
const sealingSecret = 's'.repeat(40);
const subject = { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };

describe('token signing keys', () => {
  let database: Database<IdentityTables>;
  let now = new Date('2026-11-26T00:00:00Z');
  const clock = () => now;

  beforeAll(async () => {
    database = openDatabase<IdentityTables>({ name: 'identity', dataDir: ':memory:' });
    await migrateToLatest(database.db, identityMigrations);
  });
  afterAll(() => database.close());

  it('issues EdDSA tokens with issuer, audience, kid, nbf and a one-hour expiry', async () => {
    const keys = new SigningKeys(database.db, { sealingSecret, clock, log, maxAgeDays: 30 });
    const { token } = await issueToken(keys, subject, now);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await keys.jwks()), {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      currentDate: now,
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: (await keys.current()).kid });
    expect(payload).toMatchObject({ sub: 'A-000001', person: 'P-000001', applicant: 'P-000001', roles: ['citizen'] });
    expect(payload.exp! - payload.iat!).toBe(TOKEN_LIFETIME_SECONDS);
    expect(payload.nbf).toBe(payload.iat);
  });

  it('keeps the old key in the JWKS after a rotation until its tokens have expired', async () => {
    const keys = new SigningKeys(database.db, { sealingSecret, clock, log, maxAgeDays: 30 });
    const before = await issueToken(keys, subject, now);
    const oldKid = decodeProtectedHeader(before.token).kid;
    await keys.rotate();
    const after = await issueToken(keys, subject, now);
    expect(decodeProtectedHeader(after.token).kid).not.toBe(oldKid);

    const jwks = createLocalJWKSet(await keys.jwks());
    for (const { token } of [before, after]) await expect(jwtVerify(token, jwks, { currentDate: now })).resolves.toBeDefined();

    now = new Date(now.getTime() + (TOKEN_LIFETIME_SECONDS + 1) * 1000);
    const kids = (await keys.jwks()).keys.map((k) => k.kid);
    expect(kids).not.toContain(oldKid);
    expect(kids).toContain(decodeProtectedHeader(after.token).kid);
  });

  it('stores private keys sealed, and starts a new key when they cannot be opened', async () => {
    const rows = await database.db.selectFrom('signing_key').select(['kid', 'private_jwk']).execute();
    for (const row of rows) expect(row.private_jwk).toMatch(/^v1\./);
    const active = await new SigningKeys(database.db, { sealingSecret, clock, log, maxAgeDays: 30 }).current();
    const otherSecret = new SigningKeys(database.db, { sealingSecret: 'x'.repeat(40), clock, log, maxAgeDays: 30 });
    expect((await otherSecret.current()).kid).not.toBe(active.kid);
  });

  it('names the agent authorisation of an enterprise-acting token, and ends it with the authorisation', async () => {
    const keys = new SigningKeys(database.db, { sealingSecret, clock, log, maxAgeDays: 30 });
    const acting = { ...subject, applicantId: 'E-000001', authorisationId: 'AUTH-E-000001-P-000001' };
    const lastMinutes = new Date(now.getTime() + 20 * 60_000);
    const { token, expiresAt } = await issueToken(keys, acting, now, { notAfter: lastMinutes });
    const { payload } = await jwtVerify(token, createLocalJWKSet(await keys.jwks()), { currentDate: now });
    expect(payload).toMatchObject({ applicant: 'E-000001', authorisation: 'AUTH-E-000001-P-000001', exp: lastMinutes.getTime() / 1000 });
    expect(expiresAt).toEqual(lastMinutes);
    // A person's own token, and a legal representative's, name none.
    const own = await issueToken(keys, subject, now, { notAfter: new Date(now.getTime() + 10 * 3600_000) });
    const ownPayload = (await jwtVerify(own.token, createLocalJWKSet(await keys.jwks()), { currentDate: now })).payload;
    expect(ownPayload.authorisation).toBeUndefined();
    expect(ownPayload.exp! - ownPayload.iat!).toBe(TOKEN_LIFETIME_SECONDS);
  });

  it('rotates by age', async () => {
    const keys = new SigningKeys(database.db, { sealingSecret, clock, log, maxAgeDays: 30 });
    const first = await keys.current();
    now = new Date(now.getTime() + 31 * 86_400_000);
    expect((await keys.current()).kid).not.toBe(first.kid);
  });
});
