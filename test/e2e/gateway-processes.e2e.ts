import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphEnvPrefix } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { postGraphQL, readOperation, startGraph, type GraphHarness } from '../src/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface GatewayProcess {
  child: ChildProcess;
  graphqlUrl: string;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `gateway/src/index.ts` as operators run it (tsx, the root tsconfig), on port 0: its URL is read
 * from the JSON log line "gateway listening".
 */
async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(tsx, ['--tsconfig', 'tsconfig.json', 'gateway/src/index.ts'], {
    cwd: root,
    env: { ...process.env, ...env, GATEWAY_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', APOLLO_TELEMETRY_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const graphqlUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'gateway listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk) => (output += chunk));
    void exited.then((code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  return { child, graphqlUrl, url: graphqlUrl.replace(/\/graphql$/, ''), output: () => output, exited };
}

describe.runIf(await redisAvailable())('two gateway processes on one Redis behave as one gateway', () => {
  let graph: GraphHarness;
  let a: GatewayProcess;
  let b: GatewayProcess;
  let token: string;

  beforeAll(async () => {
    graph = await startGraph();
    const env = {
      DATA_DIR: graph.dataDir,
      ...graph.keyEnv,
      NODE_ENV: 'development',
      REDIS_URL,
      REDIS_KEY_PREFIX: `govgraph-processes:${randomBytes(4).toString('hex')}:`,
      GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '6',
      ...Object.fromEntries(Object.values(graph.subgraphs).map((s) => [`${subgraphEnvPrefix(s.name)}_URL`, s.graphqlUrl])),
    };
    [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
    token = await graph.login('zhangsan');
  }, 120_000);

  afterAll(async () => {
    for (const process of [a, b]) {
      if (process && process.child.exitCode === null) {
        process.child.kill('SIGTERM');
        await process.exited;
      }
    }
    await graph?.close();
  });

  it('are two processes with their own ports', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('share rate-limit budgets: an account’s requests on either count against one budget', async () => {
    const ask = (gateway: GatewayProcess) => postGraphQL(gateway.graphqlUrl, { query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    const statuses: number[] = [];
    for (const gateway of [a, b, a, b, a, b]) statuses.push((await ask(gateway)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const gateway of [a, b]) {
      const refused = await ask(gateway);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'account' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('share automatic persisted queries: registered on one, found by its hash on the other', async () => {
    const query = `{ departments { code name } } # ${randomBytes(4).toString('hex')}`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash } } };
    expect((await postGraphQL(b.graphqlUrl, byHash)).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await postGraphQL(a.graphqlUrl, { query, ...byHash });
    expect(registered.errors).toBeUndefined();
    const found = await postGraphQL(b.graphqlUrl, byHash);
    expect(found.errors).toBeUndefined();
    expect(found.data).toEqual(registered.data);
  });

  it('share response-cache entries: a public answer cached by one is a hit on the other', async () => {
    const search = { query: readOperation('search-catalog.graphql'), variables: { first: 4 } };
    const miss = await postGraphQL(a.graphqlUrl, search);
    expect(miss.errors).toBeUndefined();
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const hit = await postGraphQL(b.graphqlUrl, search);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.data).toEqual(miss.data);
  });

  it('stop gracefully on SIGTERM', async () => {
    for (const gateway of [a, b]) {
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      expect(gateway.output()).toContain('shutting down');
    }
  });
});
