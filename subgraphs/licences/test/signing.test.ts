import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import type { LicenceTables } from '../src/database.js';
import { licenceMigrations } from '../src/migrations/index.js';
import { canonicalJson } from '@govgraph/kit';
import { IssuerKeys } from '../src/signing/issuer-keys.js';

describe('licence signatures', () => {
  let database: Database<LicenceTables>;
  beforeAll(async () => {
    database = openDatabase<LicenceTables>({ name: 'licences', dataDir: ':memory:' });
    await migrateToLatest(database.db, licenceMigrations);
  });
  afterAll(() => database.close());

  it('writes the same bytes for the same content, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('verifies what a department signed, refuses altered content, and keeps verifying after a rotation', async () => {
    const keys = new IssuerKeys(database.db, 's'.repeat(40), () => new Date());
    const signed = await keys.sign('DEPT-A', '{"number":"1"}');
    expect(await keys.verify(signed.kid, '{"number":"1"}', signed.signature)).toBe(true);
    expect(await keys.verify(signed.kid, '{"number":"2"}', signed.signature)).toBe(false);
    expect(await keys.verify('unknown-kid', '{"number":"1"}', signed.signature)).toBe(false);

    const newKid = await keys.rotate('DEPT-A');
    expect(newKid).not.toBe(signed.kid);
    expect((await keys.sign('DEPT-A', 'x')).kid).toBe(newKid);
    // A fresh instance (another process) still verifies the old signature from the stored public key.
    const elsewhere = new IssuerKeys(database.db, 's'.repeat(40), () => new Date());
    expect(await elsewhere.verify(signed.kid, '{"number":"1"}', signed.signature)).toBe(true);
    // A process that signed before the rotation picks the new key up within a minute.
    let now = Date.now();
    const running = new IssuerKeys(database.db, 's'.repeat(40), () => new Date(now));
    const before = (await running.sign('DEPT-B', 'x')).kid;
    const rotated = await new IssuerKeys(database.db, 's'.repeat(40), () => new Date()).rotate('DEPT-B');
    expect((await running.sign('DEPT-B', 'x')).kid).toBe(before);
    now += 61_000;
    expect((await running.sign('DEPT-B', 'x')).kid).toBe(rotated);

    const rows = await database.db.selectFrom('issuer_key').select('private_key').execute();
    for (const row of rows) expect(row.private_key).toMatch(/^v1\./);
  });
});
