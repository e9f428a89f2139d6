import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createLogger, type RunningSubgraph } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { publishKey } from '@govgraph/schema/governance';
import { SUBGRAPHS_DIR } from '@govgraph/schema';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { PARKING_SDL_V1, PARKING_SDL_V2, PARKING_SDL_V3, startParkingSubgraph } from '../src/parking-subgraph.js';
import { untilConnected } from '../src/redis-server.js';

const PERMITS = '{ me { id parkingPermits { zone plate } } }';
const CLI = fileURLToPath(new URL('../../schema/bin/govgraph.mjs', import.meta.url));
const run = promisify(execFile);

async function publish(graph: GraphHarness, name: string, body: { sdl: string; url: string }, key: string | undefined) {
  const response = await fetch(`${graph.gateway.url}/registry/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Runs `npx govgraph …` as a department would, against this graph's secret. */
async function govgraph(graph: GraphHarness, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, GOVGRAPH_SECRET: graph.secret, GOVGRAPH_PUBLISH_KEY: '' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('departments publish their subgraphs to the running gateway', () => {
  let graph: GraphHarness;
  let parking: RunningSubgraph;
  let moved: RunningSubgraph | undefined;
  let token: string;
  let scratch: string;

  beforeAll(async () => {
    graph = await startGraph();
    parking = await startParkingSubgraph(graph.secret);
    token = await graph.login('zhangsan');
    scratch = mkdtempSync(join(tmpdir(), 'govgraph-publish-'));
  });
  afterAll(async () => {
    await graph?.close();
    await parking?.close().catch(() => undefined);
    await moved?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a publish without a key, with a forged key, or with another department’s key', async () => {
    const body = { sdl: PARKING_SDL_V1, url: parking.graphqlUrl };
    expect((await publish(graph, 'parking', body, undefined)).status).toBe(401);
    expect((await publish(graph, 'parking', body, 'ggpk1.parking.' + 'A'.repeat(43))).status).toBe(401);
    expect((await publish(graph, 'parking', body, publishKey(randomBytes(32).toString('base64url'), 'parking'))).status).toBe(401);
    const licencesKey = await publish(graph, 'parking', body, publishKey(graph.secret, 'licences'));
    expect(licencesKey.status).toBe(403);
    expect(licencesKey.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(licencesKey.body.errors[0].message).toContain('publishes licences, not parking');
    // Nothing changed.
    const unknown = await graph.query(PERMITS, {}, token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('checks and publishes a new subgraph with the CLI; the gateway serves it at once, without a restart', async () => {
    const file = join(scratch, 'parking.graphql');
    writeFileSync(file, PARKING_SDL_V1);
    const key = await govgraph(graph, ['publish-key', 'parking']);
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toBe(publishKey(graph.secret, 'parking'));

    // compose reads running subgraphs' SDL with a signed `_service` query, as the gateway would.
    const licencesUrl = graph.subgraphs.licences!.graphqlUrl;
    const composed = await govgraph(graph, ['compose', '--from-urls', `licences=${licencesUrl}`, `parking=${parking.graphqlUrl}`, '--out', '-']);
    expect(composed.code, composed.stderr).toBe(0);
    expect(composed.stdout).toContain(`LICENCES @join__graph(name: "licences", url: "${licencesUrl}")`);
    expect(composed.stdout).toContain(`PARKING @join__graph(name: "parking", url: "${parking.graphqlUrl}")`);
    expect(composed.stdout).toContain('parkingPermits: [ParkingPermit!]! @join__field(graph: PARKING)');

    const check = await govgraph(graph, ['check', 'parking', file, '--gateway', graph.gateway.url, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report).toMatchObject({ subgraph: 'parking', change: 'added', ok: true, breaking: [] });
    expect(report.additions.map((a: { coordinate: string }) => a.coordinate)).toEqual(expect.arrayContaining(['Applicant.parkingPermits', 'Query.parkingZones']));

    const published = await govgraph(graph, ['publish', 'parking', file, '--url', parking.graphqlUrl, '--gateway', graph.gateway.url, '--key', key.stdout.trim()]);
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect(published.stdout).toContain('published parking (added)');

    // The same gateway process, now planning through the new department.
    const permits = await graph.query(PERMITS, {}, token);
    expect(permits.errors).toBeUndefined();
    expect(permits.data.me).toEqual({ id: 'P-000001', parkingPermits: [{ zone: '罗湖-03', plate: '粤B·12345' }] });
    const zones = await graph.query('{ parkingZones }');
    expect(zones.data.parkingZones).toContain('福田-11');
    // It sees the caller's claims, signed by the gateway, like any other department: lisi gets none of zhangsan's.
    const other = await graph.query(PERMITS, {}, await graph.login('lisi'));
    expect(other.data.me.parkingPermits).toEqual([]);

    const supergraph = await fetch(`${graph.gateway.url}/registry/supergraph`);
    expect(supergraph.headers.get('x-govgraph-registry-version')).toBe('1');
    expect(await supergraph.text()).toContain(`PARKING @join__graph(name: "parking", url: "${parking.graphqlUrl}")`);
    const listing = (await (await fetch(`${graph.gateway.url}/registry/subgraphs`)).json()) as any;
    expect(listing.subgraphs.find((s: { name: string }) => s.name === 'parking')).toMatchObject({ source: 'published', url: parking.graphqlUrl });
  });

  it('refuses a breaking publish with a report naming the contract operation, and keeps serving', async () => {
    const licences = readFileSync(join(SUBGRAPHS_DIR, 'licences.graphql'), 'utf8');
    const withoutStatus = licences.replace('licences(status: LicenceStatus): [Licence!]', 'licences: [Licence!]');
    expect(withoutStatus).not.toBe(licences);
    const refused = await publish(graph, 'licences', { sdl: withoutStatus, url: graph.subgraphs.licences!.graphqlUrl }, publishKey(graph.secret, 'licences'));
    expect(refused.status).toBe(409);
    expect(refused.body.published).toBe(false);
    expect(refused.body.errors[0].extensions.code).toBe('CONFLICT');
    const breaks = refused.body.report.breaking;
    expect(breaks).toContainEqual(
      expect.objectContaining({
        kind: 'ARG_REMOVED',
        coordinate: 'Applicant.licences(status:)',
        affects: [{ file: 'my-home.graphql', operation: 'MyHome', fields: ['me.licences(status:)'] }],
      }),
    );
    expect(refused.body.report.affectedOperations).toContain('my-home.graphql');

    const home = await graph.operation('my-home.graphql', {}, token);
    expect(home.errors).toBeUndefined();
    expect(home.data.me.licences.length).toBeGreaterThan(0);
    const version = await fetch(`${graph.gateway.url}/registry/supergraph`);
    expect(version.headers.get('x-govgraph-registry-version')).toBe('1');
  });

  it('swaps the supergraph under load, and moves a subgraph to a new URL, without failing a single request', async () => {
    let stop = false;
    const failures: string[] = [];
    const requests: Array<{ start: number; end: number }> = [];
    const swaps: Array<{ start: number; end: number }> = [];
    const loop = async (send: () => Promise<{ status: number; data?: any; errors?: unknown }>) => {
      while (!stop) {
        const start = performance.now();
        const result = await send();
        requests.push({ start, end: performance.now() });
        if (result.status !== 200 || result.errors || !result.data?.me?.id) failures.push(JSON.stringify({ status: result.status, errors: result.errors }));
      }
    };
    // Four loops of a contract operation that spans the four departments, two through the new one.
    const loops = [
      ...Array.from({ length: 4 }, () => loop(() => graph.operation('my-home.graphql', {}, token))),
      ...Array.from({ length: 2 }, () => loop(() => graph.query(PERMITS, {}, token))),
    ];
    const key = publishKey(graph.secret, 'parking');
    const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
    await pause();
    const timed = async (body: { sdl: string; url: string }) => {
      const start = performance.now();
      const answer = await publish(graph, 'parking', body, key);
      swaps.push({ start, end: performance.now() });
      return answer;
    };
    const v2 = await timed({ sdl: PARKING_SDL_V2, url: parking.graphqlUrl });
    await pause();
    // The department moves: a second process, published with its URL; the old one keeps answering
    // what was already sent to it, the gateway sends everything new to the new one.
    moved = await startParkingSubgraph(graph.secret);
    const v3 = await timed({ sdl: PARKING_SDL_V3, url: moved.graphqlUrl });
    await pause();
    stop = true;
    await Promise.all(loops);
    expect([v2.status, v3.status], JSON.stringify([v2.body, v3.body])).toEqual([200, 200]);
    expect([v2.body.version, v3.body.version]).toEqual([2, 3]);
    expect(failures).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    // Requests were in flight while the gateway swapped (sent before a publish, answered after it).
    const spanning = requests.filter((r) => swaps.some((swap) => r.start < swap.start && r.end > swap.end));
    expect(spanning.length).toBeGreaterThan(0);

    await parking.close();
    const permits = await graph.query('{ me { parkingPermits { zone validTo office } } }', {}, token);
    expect(permits.errors).toBeUndefined();
    expect(permits.data.me.parkingPermits[0]).toEqual({ zone: '罗湖-03', validTo: '2027-06-30', office: '罗湖交警大队' });
  });
});

describe.runIf(await redisAvailable())('two gateways on one Redis share the registry', () => {
  let first: GraphHarness;
  let second: GraphHarness;
  let parking: RunningSubgraph;
  let redisPrefix: string;

  beforeAll(async () => {
    redisPrefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
    const secret = randomBytes(32).toString('base64url');
    [first, second] = await Promise.all([
      startGraph({ redisUrl: REDIS_URL, redisPrefix, secret }),
      startGraph({ redisUrl: REDIS_URL, redisPrefix, secret }),
    ]);
    parking = await startParkingSubgraph(secret);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await parking?.close();
  });

  it('publishing to one gateway makes the other serve the new subgraph within seconds', async () => {
    const token = await second.login('zhangsan');
    const published = await publish(first, 'parking', { sdl: PARKING_SDL_V1, url: parking.graphqlUrl }, publishKey(first.secret, 'parking'));
    expect(published.status).toBe(201);
    const deadline = Date.now() + 5_000;
    let permits = await second.query(PERMITS, {}, token);
    while (permits.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      permits = await second.query(PERMITS, {}, token);
    }
    expect(permits.errors).toBeUndefined();
    expect(permits.data.me.parkingPermits).toEqual([{ zone: '罗湖-03', plate: '粤B·12345' }]);
    const version = await fetch(`${second.gateway.url}/registry/supergraph`);
    expect(version.headers.get('x-govgraph-registry-version')).toBe('1');
  });

  it('a publish checks against the graph the other gateway published', async () => {
    // Against the second gateway, which learned of parking from Redis: the version moves on from 1.
    const published = await publish(second, 'parking', { sdl: PARKING_SDL_V2, url: parking.graphqlUrl }, publishKey(second.secret, 'parking'));
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ change: 'updated', version: 2 });
  });

  it('deleting the registry keys returns every gateway to the committed supergraph', async () => {
    const redis = connectRedis(REDIS_URL, createLogger('test', 'silent'));
    await untilConnected(redis);
    try {
      await redis.client.del([`${redisPrefix}registry:subgraphs`, `${redisPrefix}registry:version`]);
    } finally {
      await redis.close();
    }
    const tokens = [await first.login('zhangsan'), await second.login('zhangsan')];
    const servesParking = async () =>
      Promise.all([first, second].map(async (graph, i) => !(await graph.query(PERMITS, {}, tokens[i])).errors));
    const deadline = Date.now() + 10_000;
    let serving = await servesParking();
    while (serving.some(Boolean) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      serving = await servesParking();
    }
    expect(serving).toEqual([false, false]);
    for (const graph of [first, second]) {
      const version = await fetch(`${graph.gateway.url}/registry/supergraph`);
      expect(version.headers.get('x-govgraph-registry-version')).toBe('0');
    }
  }, 20_000);
});
