import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createLogger, type RedisConnection } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { createApqStore, type ApqStore } from '../src/trusted-documents/apq-store.js';
import { MemoryApqStore } from '../src/trusted-documents/memory-apq-store.js';

const log = createLogger('apq-test', 'silent');
const id = (n: number) => n.toString(16).padStart(64, '0');

describe('MemoryApqStore', () => {
  it('keeps documents under its byte bound, dropping the least recently used first', async () => {
    const store = new MemoryApqStore({ maxBytes: 30, ttlSeconds: 60 });
    await store.set(id(1), 'a'.repeat(10));
    await store.set(id(2), 'b'.repeat(10));
    await store.set(id(3), 'c'.repeat(10));
    expect(await store.get(id(1))).toBe('a'.repeat(10)); // now the most recently used
    await store.set(id(4), 'd'.repeat(10));
    expect(await store.get(id(2))).toBeUndefined();
    expect(await store.get(id(1))).toBe('a'.repeat(10));
    expect(await store.get(id(3))).toBe('c'.repeat(10));
    expect(await store.get(id(4))).toBe('d'.repeat(10));
    expect(store.totalBytes).toBe(30);
  });

  it('counts UTF-8 bytes, replaces an entry in place, and never keeps one larger than the bound', async () => {
    const store = new MemoryApqStore({ maxBytes: 12, ttlSeconds: 60 });
    await store.set(id(1), '驾驶证'); // 9 bytes
    expect(store.totalBytes).toBe(9);
    await store.set(id(1), '驾驶证');
    expect(store.totalBytes).toBe(9);
    await store.set(id(2), 'x'.repeat(13));
    expect(await store.get(id(2))).toBeUndefined();
    expect(await store.get(id(1))).toBe('驾驶证');
  });

  it('forgets an entry unused for its TTL; each use renews it', async () => {
    let now = 0;
    const store = new MemoryApqStore({ maxBytes: 1000, ttlSeconds: 10, now: () => now });
    await store.set(id(1), 'query A { a }');
    now = 9_000;
    expect(await store.get(id(1))).toBe('query A { a }');
    now = 18_000;
    expect(await store.get(id(1))).toBe('query A { a }');
    now = 28_001;
    expect(await store.get(id(1))).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.totalBytes).toBe(0);
  });
});

describe('APQ store with Redis down', () => {
  let store: ApqStore;
  let deadUrl: string;

  beforeAll(async () => {
    // A port that was just free: nothing answers there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    deadUrl = `redis://127.0.0.1:${port}`;
    store = createApqStore({ redisUrl: deadUrl, prefix: 'test:', ttlSeconds: 60, memoryBytes: 1024, log });
  });
  afterAll(() => store?.close());

  it('registers and finds documents in this process’s memory, without throwing or waiting long', async () => {
    expect(store.kind).toBe('redis');
    expect(await store.get(id(1))).toBeUndefined();
    const started = Date.now();
    await store.set(id(1), 'query A { a }');
    expect(await store.get(id(1))).toBe('query A { a }');
    expect(await store.get(id(2))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe.runIf(await redisAvailable())('APQ store in Redis', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  let first: ApqStore;
  let second: ApqStore;
  let redis: RedisConnection;

  beforeAll(async () => {
    first = createApqStore({ redisUrl: REDIS_URL, prefix, ttlSeconds: 120, memoryBytes: 1024, log });
    second = createApqStore({ redisUrl: REDIS_URL, prefix, ttlSeconds: 120, memoryBytes: 1024, log });
    redis = connectRedis(REDIS_URL, log);
    await redis.ready;
  });
  afterAll(async () => {
    const keys = await redis.client.keys(`${prefix}*`);
    if (keys.length > 0) await redis.client.del(keys);
    await Promise.all([first?.close(), second?.close(), redis?.close()]);
  });

  it('shares a registration between two stores on one prefix, under <prefix>apq:<id> with a TTL', async () => {
    await first.set(id(7), 'query Seven { seven }');
    expect(await second.get(id(7))).toBe('query Seven { seven }');
    expect(await redis.client.get(`${prefix}apq:${id(7)}`)).toBe('query Seven { seven }');
    const ttl = await redis.client.ttl(`${prefix}apq:${id(7)}`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('renews the TTL when a store reads the entry from Redis', async () => {
    await redis.client.set(`${prefix}apq:${id(8)}`, 'query Eight { eight }', { expiration: { type: 'EX', value: 5 } });
    expect(await second.get(id(8))).toBe('query Eight { eight }');
    expect(await redis.client.ttl(`${prefix}apq:${id(8)}`)).toBeGreaterThan(100);
  });
});
