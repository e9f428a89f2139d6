import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createLogger, subgraphEnvPrefix } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { freePorts } from '../src/free-ports.js';
import { postGraphQL, readOperation, startGraph, type GraphHarness, type GraphQLResponse } from '../src/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUDGET = 30;

/** A gateway's environment in front of the harness's subgraphs, with budgets of 30 a minute. */
function gatewayEnv(graph: GraphHarness, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: graph.dataDir,
    ...graph.keyEnv,
    NODE_ENV: 'test',
    GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: String(BUDGET),
    GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: String(BUDGET),
    // The tests run on 127.0.0.1, which is otherwise never counted per address outside production.
    GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES: '',
    ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [`${subgraphEnvPrefix(name)}_URL`, subgraph.graphqlUrl])),
    ...extra,
  };
}

async function startGateway(env: Record<string, string>): Promise<RunningGateway> {
  return createGateway(loadGatewayConfig(env), { log: createLogger('gateway', process.env.LOG_LEVEL ?? 'silent') }).listen(0, '127.0.0.1');
}

/** The gateway as its own operating-system process (`node --import tsx src/index.ts`), as `npm start` runs it. */
async function startGatewayProcess(env: Record<string, string>): Promise<{ graphqlUrl: string; url: string; stop(): Promise<void> }> {
  const [port] = await freePorts(1);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: `${root}gateway`,
    env: { ...process.env, ...env, GATEWAY_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', TSX_TSCONFIG_PATH: `${root}tsconfig.json`, APOLLO_TELEMETRY_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway process exited: ${output}`);
    const ready = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the gateway process did not get ready: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function expectRateLimited(answer: GraphQLResponse, scope: 'account' | 'address') {
  expect(answer.status).toBe(429);
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', scope, retryAfterSeconds: expect.any(Number) });
  const retry = answer.errors![0]!.extensions!.retryAfterSeconds as number;
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
  expect(answer.headers.get('retry-after')).toBe(String(retry));
}

describe.runIf(await redisAvailable())('rate limits shared by gateway processes on one Redis', () => {
  let graph: GraphHarness;
  const gateways: RunningGateway[] = [];
  let processGateway: Awaited<ReturnType<typeof startGatewayProcess>>;
  /** Three gateways, one budget: two in this process, one its own OS process. */
  let urls: string[];

  beforeAll(async () => {
    graph = await startGraph({ redisUrl: REDIS_URL });
    // A prefix of their own, so the harness's gateway (and its logins) spends nothing of theirs.
    const env = gatewayEnv(graph, { REDIS_URL, REDIS_KEY_PREFIX: `govgraph-test:${randomBytes(4).toString('hex')}:` });
    gateways.push(await startGateway(env), await startGateway(env));
    processGateway = await startGatewayProcess(env);
    urls = [...gateways.map((g) => g.graphqlUrl), processGateway.graphqlUrl];
  });
  afterAll(async () => {
    await processGateway?.stop();
    await Promise.all(gateways.map((g) => g.close()));
    await graph?.close();
  });

  it(`refuses an account's 31st request over a budget of ${BUDGET}, however the requests were spread`, async () => {
    const zhangsan = await graph.login('zhangsan');
    const auth = { authorization: `Bearer ${zhangsan}` };
    const myHome = { query: readOperation('my-home.graphql') };
    for (let i = 0; i < BUDGET; i++) {
      const answer = await postGraphQL(urls[i % urls.length]!, myHome, auth);
      expect(answer.status, `request ${i + 1}`).toBe(200);
      expect(answer.errors, `request ${i + 1}`).toBeUndefined();
    }
    for (const url of urls) expectRateLimited(await postGraphQL(url, myHome, auth), 'account');

    // Another account's budget is its own.
    const lisi = await graph.login('lisi');
    expect((await postGraphQL(urls[1]!, myHome, { authorization: `Bearer ${lisi}` })).errors).toBeUndefined();
  });

  it(`refuses an address's 31st anonymous request over a budget of ${BUDGET}`, async () => {
    const search = { query: readOperation('search-catalog.graphql'), variables: { first: 1 } };
    for (let i = 0; i < BUDGET; i++) {
      const answer = await postGraphQL(urls[(i + 1) % urls.length]!, search);
      expect(answer.status, `request ${i + 1}`).toBe(200);
    }
    expectRateLimited(await postGraphQL(urls[0]!, search), 'address');
  });

  it('counts the refusals on each gateway’s /metrics', async () => {
    const text = await (await fetch(`${gateways[0]!.url}/metrics`)).text();
    expect(text).toMatch(/^govgraph_rate_limit_rejections_total\{scope="account"\} 1$/m);
    expect(text).toMatch(/^govgraph_rate_limit_rejections_total\{scope="address"\} 1$/m);
    const other = await (await fetch(`${processGateway.url}/metrics`)).text();
    expect(other).toMatch(/^govgraph_rate_limit_rejections_total\{scope="account"\} 1$/m);
  });
});

describe('rate limits without Redis (memory)', () => {
  let graph: GraphHarness;
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    const env = gatewayEnv(graph);
    gateways.push(await startGateway(env), await startGateway(env));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await graph?.close();
  });

  it(`refuses the 31st request over a budget of ${BUDGET} — each process counting its own`, async () => {
    const token = await graph.login('wangwu');
    const auth = { authorization: `Bearer ${token}` };
    const stats = { query: '{ catalogStatistics { matterCount } }' };
    const [first, second] = gateways.map((g) => g.graphqlUrl) as [string, string];
    for (let i = 0; i < BUDGET; i++) expect((await postGraphQL(first, stats, auth)).status, `request ${i + 1}`).toBe(200);
    expectRateLimited(await postGraphQL(first, stats, auth), 'account');
    // Without Redis, the other process has a budget of its own.
    expect((await postGraphQL(second, stats, auth)).status).toBe(200);
  });
});
