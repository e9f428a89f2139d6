import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createLogger, type RedisConnection } from '@govgraph/kit';
import { postGraphQL, readOperation, startGraph, type GraphHarness } from '../src/harness.js';
import { redisServerInstalled, startRedisServer, type OwnRedis, untilConnected } from '../src/redis-server.js';

async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Registers a document as an automatic persisted query (hash and text), as Apollo clients do. */
function registerApq(graph: GraphHarness, query: string) {
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  return postGraphQL(graph.gateway.graphqlUrl, { query, extensions: { persistedQuery: { version: 1, sha256Hash } } }).then((answer) => ({ answer, sha256Hash }));
}

describe.runIf(redisServerInstalled())('the gateway when its Redis stops and comes back', () => {
  let redis: OwnRedis;
  let graph: GraphHarness;
  let inspect: RedisConnection;
  const prefix = `govgraph-outage:${randomBytes(4).toString('hex')}:`;
  const keys = async (pattern: string) => (inspect.client.isReady ? inspect.client.keys(`${prefix}${pattern}`) : []);
  const readyz = async () => {
    const response = await fetch(`${graph.gateway.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; redis?: string } };
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    // Only the gateway is pointed at this Redis; the subgraphs keep their own state in memory.
    graph = await startGraph({ gatewayEnv: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix } });
    inspect = connectRedis(redis.url, createLogger('redis-inspect', 'silent'));
    await untilConnected(inspect);
  });
  afterAll(async () => {
    await graph?.close();
    await inspect?.close();
    await redis?.stop();
  });

  it('keeps answering on its memory fallbacks while Redis is down, and goes back to Redis by itself', async () => {
    const token = await graph.login('zhangsan');
    const search = readOperation('search-catalog.graphql');

    // Up: shared state goes to this Redis.
    expect((await eventually(readyz, (r) => r.body.redis === 'ready', 5_000)).body).toMatchObject({ status: 'ready', redis: 'ready' });
    const first = await registerApq(graph, '{ departments { code } }');
    expect(first.answer.errors).toBeUndefined();
    expect(
      await eventually(
        () => keys(`apq:*`),
        (k) => k.length > 0,
        2_000,
      ),
    ).toContainEqual(expect.stringContaining(first.sha256Hash));
    expect((await graph.operation('my-home.graphql', {}, token)).errors).toBeUndefined();
    expect(await keys('gateway:rate:*')).not.toEqual([]);

    // Down: every kind of request still answers, promptly.
    await redis.stop();
    const timed = async <T>(call: () => Promise<T>) => {
      const started = performance.now();
      const value = await call();
      return { value, ms: performance.now() - started };
    };
    for (let round = 0; round < 3; round++) {
      const home = await timed(() => graph.operation('my-home.graphql', {}, token));
      expect(home.value.errors).toBeUndefined();
      expect(home.value.data.me.displayName).toBe('张三');
      expect(home.ms).toBeLessThan(3_000);
      const publicSearch = await timed(() => graph.query(search, { first: 3 }));
      expect(publicSearch.value.errors).toBeUndefined();
      expect(publicSearch.ms).toBeLessThan(3_000);
      const registered = await timed(() => registerApq(graph, `{ departments { code name } } # ${round}`));
      expect(registered.value.answer.errors).toBeUndefined();
      // What was registered while Redis was down is served from this process's memory.
      const byHash = await postGraphQL(graph.gateway.graphqlUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: registered.value.sha256Hash } } });
      expect(byHash.errors).toBeUndefined();
    }
    const down = await readyz();
    expect(down.status).toBe(200); // the subgraphs answer; Redis is reported, not a reason to leave the pool
    expect(down.body).toMatchObject({ status: 'ready', redis: 'unavailable' });

    // Back (empty, on the same port): the gateway reconnects without being told, and writes there again.
    await redis.start();
    expect((await eventually(readyz, (r) => r.body.redis === 'ready', 10_000)).body).toMatchObject({ redis: 'ready' });
    await eventually(
      () => inspect.client.ping().catch(() => ''),
      (pong) => pong === 'PONG',
      10_000,
    );
    const again = await eventually(
      async () => {
        const registered = await registerApq(graph, `{ departments { code matterCount } } # ${randomBytes(3).toString('hex')}`);
        return (await keys(`apq:${registered.sha256Hash}`)).length;
      },
      (found) => found === 1,
      10_000,
    );
    expect(again).toBe(1);
    await eventually(
      async () => {
        await graph.operation('my-home.graphql', {}, token);
        return keys('gateway:rate:*');
      },
      (found) => found.length > 0,
      10_000,
    );
    expect(await keys('gateway:rate:*')).not.toEqual([]);
  });
});
