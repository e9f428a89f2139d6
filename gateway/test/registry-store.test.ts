import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, createLogger } from '@govgraph/kit';
import { REDIS_URL, serviceAvailable } from '@govgraph/kit/testing';
import { createRedisRegistryStore } from '../src/registry/redis-registry-store.js';
import { createMemoryRegistryStore, type RegistryStore, type VersionEntry } from '../src/registry/registry-store.js';

const subgraph = (name: string, n: number) => ({ name, url: `http://${name}.invalid/graphql`, sdl: `type Query { v${n}: Int }`, publishedAt: `2026-01-0${n}T00:00:00.000Z` });
const publishEntry = (published: VersionEntry['published'], name: string): VersionEntry => ({
  at: new Date().toISOString(),
  action: 'publish',
  subgraph: name,
  change: 'updated',
  by: 'pub-test',
  published,
});

/** What both stores must do: compare-and-set of the whole published set, and a bounded history to roll back in. */
function storeContract(kind: string, open: (historyLimit: number) => RegistryStore) {
  describe(`the registry store in ${kind}`, () => {
    const stores: RegistryStore[] = [];
    const opened = (limit = 50) => {
      const store = open(limit);
      stores.push(store);
      return store;
    };
    afterAll(async () => {
      for (const store of stores) await store.close();
    });

    it('commits the whole published set as the next version, once per expected version', async () => {
      const store = opened();
      expect(await store.read()).toEqual({ version: 0, published: {} });
      const a = subgraph('parking', 1);
      expect(await store.commit(0, publishEntry({ parking: a }, 'parking'))).toBe(1);
      // A second writer that read version 0 loses the race and must check again.
      expect(await store.commit(0, publishEntry({ other: subgraph('other', 2) }, 'other'))).toBeNull();
      const b = subgraph('housing', 3);
      expect(await store.commit(1, publishEntry({ parking: a, housing: b }, 'housing'))).toBe(2);
      // A rollback replaces the set: housing goes.
      expect(await store.commit(2, { at: new Date().toISOString(), action: 'rollback', restoredFrom: 1, by: 'adm-test', published: { parking: a } })).toBe(3);
      expect(await store.read()).toEqual({ version: 3, published: { parking: a } });
      const history = await store.history();
      expect(history.map((v) => [v.version, v.action, Object.keys(v.published).sort().join(',')])).toEqual([
        [1, 'publish', 'parking'],
        [2, 'publish', 'housing,parking'],
        [3, 'rollback', 'parking'],
      ]);
      expect(history[2]).toMatchObject({ restoredFrom: 1, by: 'adm-test' });
    });

    it('keeps the newest versions only', async () => {
      const store = opened(2);
      for (let version = 0; version < 4; version++) await store.commit(version, publishEntry({ parking: subgraph('parking', version + 1) }, 'parking'));
      expect((await store.history()).map((v) => v.version)).toEqual([3, 4]);
    });
  });
}

storeContract('memory', (limit) => createMemoryRegistryStore(limit));

const redisUp = await serviceAvailable('Redis', REDIS_URL);
describe.runIf(redisUp)('in Redis', () => {
  const prefixes: string[] = [];
  const open = (limit: number) => {
    const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
    prefixes.push(prefix);
    return createRedisRegistryStore({ url: REDIS_URL, prefix, log: createLogger('test', 'silent'), historyLimit: limit });
  };
  afterAll(async () => {
    const redis = connectRedis(REDIS_URL, createLogger('test', 'silent'));
    await redis.ready;
    for (const prefix of prefixes) await redis.client.del([`${prefix}registry:version`, `${prefix}registry:subgraphs`, `${prefix}registry:history`]);
    await redis.close();
  });
  storeContract('Redis', open);

  it('forgets history left behind when an operator deletes the version key', async () => {
    const store = open(50);
    try {
      await store.commit(0, publishEntry({ parking: subgraph('parking', 1) }, 'parking'));
      await store.commit(1, publishEntry({ parking: subgraph('parking', 2) }, 'parking'));
      const redis = connectRedis(REDIS_URL, createLogger('test', 'silent'));
      await redis.ready;
      await redis.client.del([`${prefixes.at(-1)}registry:version`, `${prefixes.at(-1)}registry:subgraphs`]);
      await redis.close();
      expect(await store.history()).toEqual([]);
      expect(await store.commit(0, publishEntry({ housing: subgraph('housing', 3) }, 'housing'))).toBe(1);
      expect((await store.history()).map((v) => [v.version, v.subgraph])).toEqual([[1, 'housing']]);
    } finally {
      await store.close();
    }
  });
});
