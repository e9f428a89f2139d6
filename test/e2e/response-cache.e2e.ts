import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceCatalogChanged } from '@govgraph/catalog';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createEventBus, createLogger, DEPARTMENTS, formatLicenceId, subgraphEnvPrefix } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { postGraphQL, readOperation, startGraph, type GraphHarness, type GraphQLResponse } from '../src/harness.js';
import { metricValue, readMetrics } from '../src/metrics.js';

const LOOKUPS = 'govgraph_response_cache_lookups_total';
const ZHANGSAN_LICENCE = formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: DEPARTMENTS.trafficPolice.code, serial: '00000001', version: '1' });
const cacheOf = (result: GraphQLResponse) => result.headers.get('x-cache');

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('response cache in memory (no Redis)', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('answers a public operation from the cache the second time, the same data, counted on /metrics', async () => {
    const before = await readMetrics(graph.gateway.url);
    const first = await graph.operation('search-catalog.graphql', { first: 5 });
    const second = await graph.operation('search-catalog.graphql', { first: 5 });
    expect(first.errors).toBeUndefined();
    expect(cacheOf(first)).toBe('MISS');
    expect(cacheOf(second)).toBe('HIT');
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.data).toEqual(first.data);
    // Other variables: another entry.
    expect(cacheOf(await graph.operation('search-catalog.graphql', { first: 6 }))).toBe('MISS');
    const after = await readMetrics(graph.gateway.url);
    expect(metricValue(after, LOOKUPS, { result: 'hit' }) - metricValue(before, LOOKUPS, { result: 'hit' })).toBe(1);
    expect(metricValue(after, LOOKUPS, { result: 'miss' }) - metricValue(before, LOOKUPS, { result: 'miss' })).toBe(2);
  });

  it('caches each of the public contract operations: MatterGuide, VerifyLicence, HallStatistics', async () => {
    for (const [file, variables] of [
      ['matter-guide.graphql', { code: 'JJ-0101' }],
      ['verify-licence.graphql', { id: ZHANGSAN_LICENCE }],
      ['hall-statistics.graphql', { year: 2025 }],
    ] as const) {
      const first = await graph.operation(file, variables);
      expect(first.errors, file).toBeUndefined();
      const second = await graph.operation(file, variables);
      expect([file, cacheOf(first), cacheOf(second)]).toEqual([file, 'MISS', 'HIT']);
      expect(second.data).toEqual(first.data);
    }
  });

  it('bypasses the cache for a signed-in caller, a personal field and a client asking for a fresh answer', async () => {
    const token = await graph.login('zhangsan');
    await graph.operation('search-catalog.graphql', { first: 3 });
    const before = metricValue(await readMetrics(graph.gateway.url), LOOKUPS, { result: 'bypass' });
    const signedIn = await graph.operation('search-catalog.graphql', { first: 3 }, token);
    expect(signedIn.errors).toBeUndefined();
    expect(cacheOf(signedIn)).toBe('BYPASS');
    expect(cacheOf(await graph.query('query Mixed { departments { code } me { id } }'))).toBe('BYPASS');
    const fresh = await postGraphQL(graph.gateway.graphqlUrl, { query: readOperation('search-catalog.graphql'), variables: { first: 3 } }, { 'cache-control': 'no-cache' });
    expect(cacheOf(fresh)).toBe('BYPASS');
    expect(metricValue(await readMetrics(graph.gateway.url), LOOKUPS, { result: 'bypass' }) - before).toBe(3);
    // A mutation is not a lookup at all.
    expect(cacheOf(await graph.operation('login.graphql', { username: 'lisi', password: 'demo' }))).toBeNull();
  });

  it('never keeps an error or a partial result', async () => {
    for (let i = 0; i < 2; i++) {
      const unknown = await graph.operation('matter-guide.graphql', { code: 'NO-SUCH-MATTER' });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(cacheOf(unknown)).toBe('MISS');
    }
  });

  it("drops a department's cached answers when a mutation through the gateway writes to it", async () => {
    const police = await graph.login('officer.police');
    expect(cacheOf(await graph.operation('verify-licence.graphql', { id: ZHANGSAN_LICENCE }))).toMatch(/MISS|HIT/);
    const cached = await graph.operation('verify-licence.graphql', { id: ZHANGSAN_LICENCE });
    expect([cacheOf(cached), cached.data.verifyLicence.status]).toEqual(['HIT', 'VALID']);
    const revoked = await graph.query(`mutation($id: ID!) { revokeLicence(id: $id, reason: "测试吊销") { status } }`, { id: ZHANGSAN_LICENCE }, police);
    expect(revoked.data.revokeLicence.status).toBe('REVOKED');
    const after = await graph.operation('verify-licence.graphql', { id: ZHANGSAN_LICENCE });
    expect([cacheOf(after), after.data.verifyLicence.status]).toEqual(['MISS', 'REVOKED']);
  });

  it("drops the catalog's cached answers when the catalog reports a change (catalog-changed on DATA_DIR/events.sqlite)", async () => {
    const guide = () => graph.operation('matter-guide.graphql', { code: 'JJ-0102' });
    await guide();
    expect(cacheOf(await guide())).toBe('HIT');
    // Behind the catalog's back: the guide's fee lives on the matter's definition.
    const db = graph.databases.catalog!.db as any;
    const { basic_code: basicCode } = await db.selectFrom('matter').select('basic_code').where('code', '=', 'JJ-0102').executeTakeFirstOrThrow();
    await db.updateTable('matter_definition').set({ fee: '收费 1 元' }).where('basic_code', '=', basicCode).execute();
    // The change alone is invisible to the gateway: the cached answer stays.
    const stale = await guide();
    expect([cacheOf(stale), stale.data.matter.fee === '收费 1 元']).toEqual(['HIT', false]);
    // Announced as the catalog: its events are signed with its own key, which the gateway verifies.
    const bus = createEventBus({ redisPrefix: 'unused:', dataDir: graph.dataDir, log: createLogger('test', 'silent'), party: graph.party('catalog') });
    await announceCatalogChanged(bus, { reason: 'seeded', scale: 1 }, createLogger('test', 'silent'));
    await bus.close();
    const fresh = await eventually(guide, (result) => cacheOf(result) === 'MISS');
    expect([cacheOf(fresh), fresh.data.matter.fee]).toEqual(['MISS', '收费 1 元']);
  });
});

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run seed -- --scale 1` as an operator runs it, against the graph's DATA_DIR and Redis. */
function runSeed(env: Record<string, string>): Promise<string> {
  const tsx = require.resolve('tsx/cli');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, '--tsconfig', `${ROOT}tsconfig.json`, `${ROOT}subgraphs/catalog/src/seed/seed-cli.ts`, '--scale', '1'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      timeout: 120_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`seed exited with ${code}: ${output}`))));
  });
}

describe.runIf(await redisAvailable())('response cache in Redis, shared by two gateways', () => {
  const redisPrefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  let graph: GraphHarness;
  let second: RunningGateway;

  beforeAll(async () => {
    graph = await startGraph({ redisUrl: REDIS_URL, redisPrefix });
    // Another gateway process on the same subgraphs and Redis prefix, as a second replica would be.
    const config = loadGatewayConfig({
      DATA_DIR: graph.dataDir,
      ...graph.keyEnv,
      NODE_ENV: 'test',
      REDIS_URL,
      REDIS_KEY_PREFIX: redisPrefix,
      ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [`${subgraphEnvPrefix(name)}_URL`, s.graphqlUrl])),
    });
    second = await createGateway(config, { log: createLogger('second-gateway', 'silent') }).listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await second?.close();
    await graph?.close();
  });

  const viaSecond = (file: string, variables: Record<string, unknown>, token?: string) =>
    postGraphQL(second.graphqlUrl, { query: readOperation(file), variables }, token ? { authorization: `Bearer ${token}` } : {});

  it('serves an answer one gateway cached from the other gateway', async () => {
    const first = await graph.operation('search-catalog.graphql', { first: 4 });
    const shared = await viaSecond('search-catalog.graphql', { first: 4 });
    expect([cacheOf(first), cacheOf(shared)]).toEqual(['MISS', 'HIT']);
    expect(shared.data).toEqual(first.data);
    const metrics = await readMetrics(second.url);
    expect(metricValue(metrics, LOOKUPS, { result: 'hit' })).toBe(1);
    expect(metricValue(metrics, 'govgraph_gateway_requests_total', { operation: 'SearchCatalog', status: 'ok' })).toBe(1);
  });

  it('bypasses it for a signed-in caller on either gateway', async () => {
    const token = await graph.login('wangwu');
    expect(cacheOf(await viaSecond('search-catalog.graphql', { first: 4 }, token))).toBe('BYPASS');
    expect(cacheOf(await graph.operation('search-catalog.graphql', { first: 4 }, token))).toBe('BYPASS');
  });

  it('drops every answer read from the catalog, on every gateway, after `npm run seed`; keeps the others', async () => {
    const licenceTypes = (via: 'first' | 'second') =>
      via === 'first'
        ? graph.query('query LicenceTypes { licenceTypes { code name } }')
        : postGraphQL(second.graphqlUrl, { query: 'query LicenceTypes { licenceTypes { code name } }' });
    await graph.operation('matter-guide.graphql', { code: 'JJ-0101' });
    // The verification's issuer name comes from the catalog too.
    await graph.operation('verify-licence.graphql', { id: ZHANGSAN_LICENCE });
    await licenceTypes('first');
    expect(cacheOf(await viaSecond('matter-guide.graphql', { code: 'JJ-0101' }))).toBe('HIT');
    expect(cacheOf(await viaSecond('verify-licence.graphql', { id: ZHANGSAN_LICENCE }))).toBe('HIT');
    expect(cacheOf(await licenceTypes('second'))).toBe('HIT');

    const output = await runSeed({ DATA_DIR: graph.dataDir, REDIS_URL, REDIS_KEY_PREFIX: redisPrefix });
    expect(output).toContain('seeding the catalog at 1×');

    // The invalidation travels as an event through Redis: within a second here, longer on a
    // loaded CI machine, so the probe waits up to 30 s before the assertion judges.
    const fresh = await eventually(
      () => viaSecond('matter-guide.graphql', { code: 'JJ-0101' }),
      (result) => cacheOf(result) === 'MISS',
      30_000,
    );
    expect(cacheOf(fresh)).toBe('MISS');
    expect(fresh.data.matter.code).toBe('JJ-0101');
    // The first gateway finds the entry the second one just stored, and misses the rest.
    expect(cacheOf(await graph.operation('matter-guide.graphql', { code: 'JJ-0101' }))).toBe('HIT');
    expect(cacheOf(await graph.operation('search-catalog.graphql', { first: 4 }))).toBe('MISS');
    expect(cacheOf(await graph.operation('verify-licence.graphql', { id: ZHANGSAN_LICENCE }))).toBe('MISS');
    // Licence types are the licence library's alone: still cached.
    expect(cacheOf(await licenceTypes('first'))).toBe('HIT');
  });
});
