import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { MemoryRateLimiter, createRateLimiter, isOver, type RateLimiter } from '../src/rate-limit/index.js';
import { REDIS_URL, redisAvailable } from '../src/testing/index.js';

const log = createLogger('test', 'silent');
const rule = { limit: 3, windowSeconds: 60 };

describe('memory rate limiter', () => {
  it('counts hits in a fixed window and refills after it', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 1; i <= 4; i++) expect((await limiter.hit('k', rule)).count).toBe(i);
    expect(isOver(await limiter.peek('k'), rule)).toBe(true);
    expect((await limiter.peek('k')).resetInSeconds).toBe(60);
    now = 60_001;
    expect((await limiter.peek('k')).count).toBe(0);
    expect((await limiter.hit('k', rule)).count).toBe(1);
  });
});

describe.runIf(await redisAvailable())('Redis rate limiter', () => {
  const limiters: RateLimiter[] = [];
  afterAll(async () => Promise.all(limiters.map((l) => l.close())));

  it('shares one budget between processes on the same Redis', async () => {
    const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
    const a = createRateLimiter({ redisUrl: REDIS_URL, prefix, log });
    const b = createRateLimiter({ redisUrl: REDIS_URL, prefix, log });
    limiters.push(a, b);
    await a.hit('login', rule);
    await b.hit('login', rule);
    await a.hit('login', rule);
    const fourth = await b.hit('login', rule);
    expect(fourth.count).toBe(4);
    expect(isOver(fourth, rule)).toBe(true);
    expect((await a.peek('login')).count).toBe(4);
    expect(fourth.resetInSeconds).toBeGreaterThan(0);
    await a.reset('login');
    expect((await b.peek('login')).count).toBe(0);
  });

  it('counts in memory when Redis does not answer, instead of letting everything through', async () => {
    const unreachable = createRateLimiter({ redisUrl: 'redis://127.0.0.1:1', prefix: 'x:', log });
    limiters.push(unreachable);
    for (let i = 1; i <= 4; i++) expect((await unreachable.hit('k', rule)).count).toBe(i);
  });
});
