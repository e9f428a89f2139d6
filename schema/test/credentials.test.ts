import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createLogger, type RedisConnection } from '@govgraph/kit';
import { REDIS_URL, serviceAvailable } from '@govgraph/kit/testing';
import { createFileCredentialStore, createRedisCredentialStore, credentialTokenHash, issueCredential, verifyCredential, type CredentialStore } from '../src/governance/index.js';

/** The same behaviour from both stores: the file (no Redis) and Redis. */
function storeContract(name: string, open: () => { writer: CredentialStore; reader: CredentialStore }) {
  describe(`credentials in ${name}`, () => {
    let writer: CredentialStore;
    let reader: CredentialStore;
    beforeAll(() => ({ writer, reader } = open()));
    afterAll(async () => {
      await writer?.close();
      await reader?.close();
    });

    it('issues a token shown once, stores only its hash, and another process verifies it', async () => {
      const { token, credential } = await issueCredential(writer, { role: 'publisher', subgraph: 'licences', note: 'licences CI' });
      expect(token).toMatch(/^ggpc1\.licences\.[A-Za-z0-9_-]{43}$/);
      expect(credential).toMatchObject({ role: 'publisher', subgraph: 'licences', revokedAt: null, note: 'licences CI' });
      expect(credential).not.toHaveProperty('sha256');
      const stored = (await writer.records()).find((r) => r.id === credential.id)!;
      expect(stored.sha256).toBe(credentialTokenHash(token));
      expect(JSON.stringify(await writer.records())).not.toContain(token.split('.')[2]);
      // The reader is another store object on the same file or key: a gateway, while the CLI writes.
      expect(await verifyCredential(reader, token)).toEqual({ ok: true, credential });
    });

    it('refuses a missing, malformed, made-up or altered token, and one re-labelled for another subgraph', async () => {
      const { token } = await issueCredential(writer, { role: 'publisher', subgraph: 'catalog' });
      const secret = token.split('.')[2]!;
      expect(await verifyCredential(reader, undefined)).toEqual({ ok: false, reason: 'missing' });
      expect(await verifyCredential(reader, 'ggpk1.catalog.' + secret)).toEqual({ ok: false, reason: 'malformed' });
      expect(await verifyCredential(reader, `ggpc1.catalog.${randomBytes(32).toString('base64url')}`)).toEqual({ ok: false, reason: 'unknown' });
      expect(await verifyCredential(reader, `ggpc1.catalog.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toEqual({ ok: false, reason: 'unknown' });
      // The subgraph is part of what was hashed: the same secret under another name is nothing.
      expect(await verifyCredential(reader, `ggpc1.identity.${secret}`)).toEqual({ ok: false, reason: 'unknown' });
      expect(await verifyCredential(reader, `ggpa1.${secret}`)).toEqual({ ok: false, reason: 'unknown' });
    });

    it('revokes: the next check refuses it; revoking again keeps the first time; unknown ids are undefined', async () => {
      const { token, credential } = await issueCredential(writer, { role: 'admin' });
      expect(token).toMatch(/^ggpa1\.[A-Za-z0-9_-]{43}$/);
      expect((await verifyCredential(reader, token)).ok).toBe(true);
      const revoked = await writer.revoke(credential.id, '2026-01-02T03:04:05.000Z');
      expect(revoked?.revokedAt).toBe('2026-01-02T03:04:05.000Z');
      expect(await verifyCredential(reader, token)).toEqual({ ok: false, reason: 'revoked' });
      expect((await writer.revoke(credential.id, '2027-01-01T00:00:00.000Z'))?.revokedAt).toBe('2026-01-02T03:04:05.000Z');
      expect(await writer.revoke('pub-000000000000', '2026-01-01T00:00:00.000Z')).toBeUndefined();
    });

    it('never issues for a reserved or malformed name', async () => {
      await expect(issueCredential(writer, { role: 'publisher', subgraph: 'gateway' })).rejects.toThrow(/reserved party name/);
      await expect(issueCredential(writer, { role: 'publisher', subgraph: 'Not A Name' })).rejects.toThrow(/not a subgraph name/);
    });

    it('loses no credential when two administrators issue at once', async () => {
      const issued = await Promise.all(Array.from({ length: 8 }, (_, i) => issueCredential(i % 2 ? writer : reader, { role: 'publisher', subgraph: `dept-${i}` })));
      for (const { token } of issued) expect((await verifyCredential(reader, token)).ok).toBe(true);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'govgraph-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'registry', 'credentials.json');
storeContract('a file', () => ({ writer: createFileCredentialStore(file), reader: createFileCredentialStore(file) }));

describe('the credentials file', () => {
  it('is written 0600 in a 0700 folder, and refused once others can write it', async () => {
    const path = join(dir, 'strict', 'credentials.json');
    const store = createFileCredentialStore(path);
    const { token } = await issueCredential(store, { role: 'publisher', subgraph: 'identity' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'strict')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path, 'utf8')).not.toContain(token);
    chmodSync(path, 0o666);
    await expect(verifyCredential(createFileCredentialStore(path), token)).rejects.toThrow(/writable by others/);
    chmodSync(path, 0o600);
    expect((await verifyCredential(createFileCredentialStore(path), token)).ok).toBe(true);
  });

  it('is no credential at all when absent', async () => {
    expect(await createFileCredentialStore(join(dir, 'none', 'credentials.json')).records()).toEqual([]);
  });
});

const redisUp = await serviceAvailable('Redis', REDIS_URL);
describe.runIf(redisUp)('credentials in Redis', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  const connections: RedisConnection[] = [];
  const open = () => {
    const connection = connectRedis(REDIS_URL, createLogger('test', 'silent'));
    connections.push(connection);
    return createRedisCredentialStore({
      prefix,
      client: async () => {
        await connection.ready;
        return connection.client;
      },
      close: () => connection.close(),
    });
  };
  afterAll(async () => {
    const cleanup = connectRedis(REDIS_URL, createLogger('test', 'silent'));
    await cleanup.ready;
    await cleanup.client.del(`${prefix}registry:credentials`);
    await cleanup.close();
  });
  storeContract('a Redis hash', () => ({ writer: open(), reader: open() }));
});
