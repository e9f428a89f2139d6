import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@govgraph/kit';
import type { Claims } from '@govgraph/kit/trust';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/config.js';
import { counterValue, createGatewayMetrics } from '../src/metrics/gateway-metrics.js';
import type { CreateGatewayOptions, RunningGateway } from '../src/server.js';
import { postGraphQL, startGateway, type GraphQLAnswer } from './helpers/start-gateway.js';

// Answered by the gateway alone: no subgraph is needed to spend a budget.
const TYPENAME = { query: '{ __typename }' };
const claimsFor = (accountId: string): Claims => ({ accountId, personId: null, applicantId: null, roles: [], department: null });
const verifyToken: CreateGatewayOptions['verifyToken'] = async (token) => claimsFor(token);

const running: RunningGateway[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((gateway) => gateway.close()));
});

async function gatewayWith(env: Record<string, string>, options: CreateGatewayOptions = {}): Promise<RunningGateway> {
  const gateway = await startGateway({ SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH, GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES: '', ...env }, { verifyToken, ...options });
  running.push(gateway);
  return gateway;
}

async function times(n: number, request: () => Promise<GraphQLAnswer>): Promise<GraphQLAnswer[]> {
  const answers: GraphQLAnswer[] = [];
  for (let i = 0; i < n; i++) answers.push(await request());
  return answers;
}

function expectRateLimited(answer: GraphQLAnswer, scope: 'account' | 'address') {
  expect(answer.status).toBe(429);
  const extensions = answer.body.errors?.[0]?.extensions;
  expect(extensions).toMatchObject({ code: 'RATE_LIMITED', scope, retryAfterSeconds: expect.any(Number) });
  const retry = extensions!.retryAfterSeconds as number;
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
  expect(answer.headers.get('retry-after')).toBe(String(retry));
  expect(answer.body.data).toBeUndefined();
}

describe('rate limits in one gateway process (memory)', () => {
  it('refuses the request over an address budget with 429, Retry-After and a counted metric', async () => {
    const metrics = createGatewayMetrics();
    const gateway = await gatewayWith({ GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '3' }, { metrics });
    const answers = await times(4, () => postGraphQL(gateway, TYPENAME));
    expect(answers.slice(0, 3).map((a) => a.body.data?.__typename)).toEqual(['Query', 'Query', 'Query']);
    expectRateLimited(answers[3]!, 'address');
    expect(await counterValue(metrics.rateLimitRejections, { scope: 'address' })).toBe(1);
    const exposition = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(exposition).toContain('govgraph_rate_limit_rejections_total{scope="address"} 1');
  });

  it('spends a signed-in request from its account, not from the address, and each account its own', async () => {
    const gateway = await gatewayWith({ GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '2', GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '2' });
    const as = (account: string) => () => postGraphQL(gateway, TYPENAME, { authorization: `Bearer ${account}` });
    const alice = await times(3, as('A-1'));
    expect(alice.slice(0, 2).every((a) => a.status === 200)).toBe(true);
    expectRateLimited(alice[2]!, 'account');
    expect((await as('A-2')()).status).toBe(200);
    // The address budget is untouched by the signed-in requests.
    const anonymous = await times(3, () => postGraphQL(gateway, TYPENAME));
    expect(anonymous.map((a) => a.status)).toEqual([200, 200, 429]);
  });

  it('does not count loopback per address outside production unless told to, and 0 turns a budget off', async () => {
    const laptop = await startGateway({ SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH, NODE_ENV: 'development', GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '2' });
    running.push(laptop);
    expect((await times(5, () => postGraphQL(laptop, TYPENAME))).every((a) => a.status === 200)).toBe(true);

    const off = await gatewayWith({ GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '0', GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '0' });
    expect((await times(5, () => postGraphQL(off, TYPENAME, { authorization: 'Bearer A-1' }))).every((a) => a.status === 200)).toBe(true);
    expect((await times(5, () => postGraphQL(off, TYPENAME))).every((a) => a.status === 200)).toBe(true);
  });

  it('spends one request per operation of a batch', async () => {
    const gateway = await gatewayWith({ GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '4', GATEWAY_MAX_BATCH_SIZE: '3' });
    const batch = await postGraphQL(gateway, [TYPENAME, TYPENAME, TYPENAME]);
    expect(batch.status).toBe(200);
    expect(batch.body).toHaveLength(3);
    expect((await postGraphQL(gateway, TYPENAME)).status).toBe(200);
    expectRateLimited(await postGraphQL(gateway, TYPENAME), 'address');
  });

  it('counts in memory when Redis does not answer, fails no request for it, and says so once', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const gateway = await gatewayWith({ REDIS_URL: 'redis://127.0.0.1:1', GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '3' }, { log: createLogger('gateway-test', 'info', sink) });
    const answers = await times(5, () => postGraphQL(gateway, TYPENAME));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(lines.filter((line) => line.includes('rate limiter: Redis unavailable'))).toHaveLength(1);
  });
});
