import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { startGraph, type GraphHarness } from '../src/harness.js';

describe.runIf(await redisAvailable())('login throttling across two graphs on one Redis', () => {
  let first: GraphHarness;
  let second: GraphHarness;
  beforeAll(async () => {
    const redisPrefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
    [first, second] = await Promise.all([startGraph({ redisUrl: REDIS_URL, redisPrefix }), startGraph({ redisUrl: REDIS_URL, redisPrefix })]);
  });
  afterAll(async () => Promise.all([first?.close(), second?.close()]));

  it('counts failures made on either identity instance against one budget', async () => {
    for (const graph of [first, second, first, second, first]) {
      const result = await graph.operation('login.graphql', { username: 'lisi', password: 'guess' });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await second.operation('login.graphql', { username: 'lisi', password: 'demo' });
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await first.login('zhangsan')).toBeTruthy();
  });
});
