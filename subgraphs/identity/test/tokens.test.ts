import 'reflect-metadata';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, TOKEN_AUDIENCE, TOKEN_ISSUER, type Database } from '@govgraph/kit';
import type { IdentityTables } from '../src/database.js';
import { SigningKeys } from '../src/keys/signing-keys.js';
import { issueToken } from '../src/keys/tokens.js';
import { identityMigrations } from '../src/migrations/index.js';

describe('tokens', () => {
  let database: Database<IdentityTables>;
  beforeAll(async () => {
    database = openDatabase<IdentityTables>({ name: 'identity', dataDir: ':memory:' });
    await migrateToLatest(database.db, identityMigrations);
  });
  afterAll(() => database.close());

  it('issues EdDSA tokens that verify against the published JWKS, before and after a rotation', async () => {
    const keys = new SigningKeys(database.db, () => new Date());
    const subject = { accountId: 'A-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
    const before = await issueToken(keys, subject, new Date());
    await keys.rotate();
    const after = await issueToken(keys, subject, new Date());
    const jwks = createLocalJWKSet(await keys.jwks());
    expect((await keys.jwks()).keys).toHaveLength(2);
    for (const { token } of [before, after]) {
      const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
      expect(protectedHeader.alg).toBe('EdDSA');
      expect(payload).toMatchObject({ sub: 'A-000001', applicant: 'P-000001', roles: ['citizen'] });
      expect(payload.exp! - payload.iat!).toBe(3600);
    }
    expect(JSON.stringify(await keys.jwks())).not.toMatch(/"d":/);
  });
});
