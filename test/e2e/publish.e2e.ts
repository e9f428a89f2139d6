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
import { draftDepartmentPolicy, loadDataPolicy, subgraphsOfSupergraph, SUPERGRAPH_FILE, TO_COMPLETE } from '@govgraph/schema/governance';
import { SUBGRAPHS_DIR } from '@govgraph/schema';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { PARKING_SDL_V1, PARKING_SDL_V2, PARKING_SDL_V3, startParkingSubgraph } from '../src/parking-subgraph.js';
import { untilConnected } from '../src/redis-server.js';
import { CLI_BUNDLE_VARIABLE } from '../src/template-dir.js';
import { OVERRIDE_TAKEOVER_SDL } from '@govgraph/schema/testing';

const PERMITS = '{ me { id parkingPermits { zone plate } } }';
// The bundle the global setup built (what the package ships); from source when run without it.
const CLI = process.env[CLI_BUNDLE_VARIABLE] ?? fileURLToPath(new URL('../../cli/bin/govgraph.mjs', import.meta.url));
const run = promisify(execFile);

async function publish(graph: GraphHarness, name: string, body: { sdl: string; url: string }, key: string | undefined) {
  const response = await fetch(`${graph.gateway.url}/registry/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/**
 * Runs `npx govgraph …` as an operator or a department would. The operator's commands find the
 * credential store as the gateway does (its DATA_DIR, or REDIS_URL and REDIS_KEY_PREFIX).
 */
async function govgraph(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, GOVGRAPH_PUBLISH_KEY: '', GOVGRAPH_ADMIN_KEY: '', REDIS_URL: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The operator issues a credential into the graph's store and hands the token over. */
async function issue(env: Record<string, string>, ...args: string[]): Promise<string> {
  const issued = await govgraph(['credentials', 'issue', ...args], env);
  expect(issued.code, issued.stderr).toBe(0);
  return issued.stdout.trim();
}

/**
 * The data-sharing policy once parking joined: the committed one, with parking's agreements (a
 * department extending Applicant receives the applicant references other departments send),
 * drafted as `npm run new-subgraph` drafts them and completed as a reviewer would.
 */
function parkingPolicyFile(dir: string): string {
  const { policy } = draftDepartmentPolicy({
    policy: loadDataPolicy(),
    current: subgraphsOfSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'), SUBGRAPHS_DIR),
    name: 'parking',
    sdl: PARKING_SDL_V3,
    personal: ['Applicant.parkingPermits', 'ParkingPermit.*'],
  });
  const file = join(dir, 'data-policy.json');
  writeFileSync(file, JSON.stringify(policy).replaceAll(TO_COMPLETE, 'Residential parking permits for the applicant:'));
  return file;
}

const TAKEOVER = OVERRIDE_TAKEOVER_SDL;

describe('departments publish their subgraphs to the running gateway', () => {
  let graph: GraphHarness;
  let parking: RunningSubgraph;
  let moved: RunningSubgraph | undefined;
  let token: string;
  let scratch: string;
  let policyFile: string;
  /** Where the operator's commands find this graph's credential store. */
  let operator: Record<string, string>;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'govgraph-publish-'));
    policyFile = parkingPolicyFile(scratch);
    graph = await startGraph({ gatewayEnv: { GATEWAY_DATA_POLICY: policyFile } });
    operator = { DATA_DIR: graph.dataDir };
    parking = await startParkingSubgraph(graph.party('parking').trust);
    token = await graph.login('zhangsan');
    for (const department of ['licences', 'catalog']) keys[department] = await issue(operator, department);
  });
  afterAll(async () => {
    await graph?.close();
    await parking?.close().catch(() => undefined);
    await moved?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a publish without a credential, with a made-up one, or with another department’s', async () => {
    const body = { sdl: PARKING_SDL_V1, url: parking.graphqlUrl };
    expect((await publish(graph, 'parking', body, undefined)).status).toBe(401);
    expect((await publish(graph, 'parking', body, 'ggpk1.parking.' + 'A'.repeat(43))).status).toBe(401);
    expect((await publish(graph, 'parking', body, `ggpc1.parking.${randomBytes(32).toString('base64url')}`)).status).toBe(401);
    const licencesKey = await publish(graph, 'parking', body, keys.licences);
    expect(licencesKey.status).toBe(403);
    expect(licencesKey.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(licencesKey.body.errors[0].message).toContain('publishes licences, not parking');
    // Nothing changed.
    const unknown = await graph.query(PERMITS, {}, token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses the catalog’s takeover of identity’s fields, made with the catalog’s own credential', async () => {
    const catalog = readFileSync(join(SUBGRAPHS_DIR, 'catalog.graphql'), 'utf8');
    const refused = await publish(graph, 'catalog', { sdl: catalog + TAKEOVER, url: graph.subgraphs.catalog!.graphqlUrl }, keys.catalog);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(refused.body.errors[0].message).toContain('Person.profileFacts (requires, identity → catalog)');
    // MyHome still goes to identity for the name.
    const home = await graph.operation('my-home.graphql', {}, token);
    expect(home.errors).toBeUndefined();
    expect(home.data.me.displayName).toBe('张三');
  });

  it('checks and publishes a new subgraph with the CLI; the gateway serves it at once, without a restart', async () => {
    const file = join(scratch, 'parking.graphql');
    writeFileSync(file, PARKING_SDL_V1);
    // The operator issues parking's credential; it is shown once and stored as a hash.
    keys.parking = await issue(operator, 'parking');
    expect(keys.parking).toMatch(/^ggpc1\.parking\./);

    // compose reads running subgraphs' SDL with a `_service` query signed with the gateway's key.
    const licencesUrl = graph.subgraphs.licences!.graphqlUrl;
    const composed = await govgraph(['compose', '--from-urls', `licences=${licencesUrl}`, `parking=${parking.graphqlUrl}`, '--out', '-'], { ...graph.keyEnv });
    expect(composed.code, composed.stderr).toBe(0);
    expect(composed.stdout).toContain(`LICENCES @join__graph(name: "licences", url: "${licencesUrl}")`);
    expect(composed.stdout).toContain(`PARKING @join__graph(name: "parking", url: "${parking.graphqlUrl}")`);
    expect(composed.stdout).toContain('parkingPermits: [ParkingPermit!]! @join__field(graph: PARKING)');

    // Against the committed graph and policy (this checkout's HEAD) the new department's flows are
    // undeclared; the gateway checks with the policy it serves, which has parking's agreements.
    const undeclared = await govgraph(['check', 'parking', file]);
    expect(undeclared.code).toBe(1);
    expect(undeclared.stdout).toContain('against the committed graph (HEAD');
    expect(undeclared.stdout).toContain('REFERENCE parking ← applications  Application.applicant');
    expect((await govgraph(['check', 'parking', file, '--committed', '--policy', policyFile])).code).toBe(0);
    const check = await govgraph(['check', 'parking', file, '--gateway', graph.gateway.url, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report).toMatchObject({ against: { graph: 'gateway', version: 0 }, subgraph: 'parking', change: 'added', ok: true, breaking: [], dataFlows: { undeclared: [] } });
    // A check publishes nothing.
    expect((await fetch(`${graph.gateway.url}/registry/supergraph`)).headers.get('x-govgraph-registry-version')).toBe('0');
    expect(report.additions.map((a: { coordinate: string }) => a.coordinate)).toEqual(expect.arrayContaining(['Applicant.parkingPermits', 'Query.parkingZones']));
    expect(report.dataFlows.added.map((f: { agreement: string }) => f.agreement)).toEqual(expect.arrayContaining(['parking-from-applications', 'parking-from-licences']));

    const published = await govgraph(['publish', 'parking', file, '--url', parking.graphqlUrl, '--gateway', graph.gateway.url, '--key', keys.parking]);
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
    const refused = await publish(graph, 'licences', { sdl: withoutStatus, url: graph.subgraphs.licences!.graphqlUrl }, keys.licences);
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
    const key = keys.parking!;
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
    moved = await startParkingSubgraph(graph.party('parking').trust);
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

  it('an administrator lists the versions and rolls back with the CLI; a revoked credential publishes no more', async () => {
    const admin = await issue(operator, '--admin');
    const http = ['--gateway', graph.gateway.url, '--key', admin];
    // A department's credential is not an administrator's.
    expect((await govgraph(['registry', 'versions', '--gateway', graph.gateway.url, '--key', keys.parking!])).code).toBe(1);

    const versions = await govgraph(['registry', 'versions', ...http, '--json']);
    expect(versions.code, versions.stderr).toBe(0);
    const listed = JSON.parse(versions.stdout);
    expect(listed.current).toBe(3);
    expect(listed.versions.map((v: { version: number; action: string; subgraph?: string }) => `${v.version} ${v.action} ${v.subgraph ?? ''}`.trim())).toEqual([
      '0 committed',
      '1 publish parking',
      '2 publish parking',
      '3 publish parking',
    ]);
    expect((await govgraph(['registry', 'versions', ...http])).stdout).toContain('*    3');

    // Back to the committed graph (no parking at all), live as version 4…
    const rolled = await govgraph(['registry', 'rollback', '0', ...http]);
    expect(rolled.code, rolled.stderr).toBe(0);
    expect(rolled.stdout).toContain("rolled back to version 0's content → live as version 4 (parking changed)");
    expect((await graph.query(PERMITS, {}, token)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // …and forward again to version 3's parking (at its new URL), as version 5: a rollback is a version like any other.
    expect((await govgraph(['registry', 'rollback', '3', ...http])).code).toBe(0);
    const again = await graph.query('{ me { parkingPermits { zone office } } }', {}, token);
    expect(again.errors).toBeUndefined();
    expect(again.data.me.parkingPermits).toEqual([{ zone: '罗湖-03', office: '罗湖交警大队' }]);
    expect(JSON.parse((await govgraph(['registry', 'versions', ...http, '--json'])).stdout).versions.at(-1)).toMatchObject({ version: 5, action: 'rollback', restoredFrom: 3 });

    const listing = JSON.parse((await govgraph(['credentials', 'list', '--json'], operator)).stdout);
    const parkingId = listing.credentials.find((c: { subgraph: string | null }) => c.subgraph === 'parking').id;
    expect((await govgraph(['credentials', 'revoke', parkingId], operator)).code).toBe(0);
    const revoked = await publish(graph, 'parking', { sdl: PARKING_SDL_V2, url: moved!.graphqlUrl }, keys.parking);
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors[0].message).toContain('revoked');
  });
});

describe.runIf(await redisAvailable())('two gateways on one Redis share the registry', () => {
  let first: GraphHarness;
  let second: GraphHarness;
  let parking: RunningSubgraph;
  let redisPrefix: string;
  let scratch: string;
  let parkingKey: string;

  beforeAll(async () => {
    redisPrefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
    scratch = mkdtempSync(join(tmpdir(), 'govgraph-publish-'));
    // One key folder: both gateways are the same party, and parking trusts it.
    const options = { redisUrl: REDIS_URL, redisPrefix, keyRoot: scratch, gatewayEnv: { GATEWAY_DATA_POLICY: parkingPolicyFile(scratch) } };
    [first, second] = await Promise.all([startGraph(options), startGraph(options)]);
    parking = await startParkingSubgraph(first.party('parking').trust);
    // With Redis, credentials live there: issued once, every gateway on the prefix knows them.
    parkingKey = await issue({ REDIS_URL, REDIS_KEY_PREFIX: redisPrefix }, 'parking');
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await parking?.close();
    const redis = connectRedis(REDIS_URL, createLogger('test', 'silent'));
    await untilConnected(redis);
    await redis.client.del([`${redisPrefix}registry:credentials`, `${redisPrefix}registry:history`]);
    await redis.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('publishing to one gateway makes the other serve the new subgraph within seconds', async () => {
    const token = await second.login('zhangsan');
    const published = await publish(first, 'parking', { sdl: PARKING_SDL_V1, url: parking.graphqlUrl }, parkingKey);
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
    const published = await publish(second, 'parking', { sdl: PARKING_SDL_V2, url: parking.graphqlUrl }, parkingKey);
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
    const servesParking = async () => Promise.all([first, second].map(async (graph, i) => !(await graph.query(PERMITS, {}, tokens[i])).errors));
    // Nothing announces a deletion: each gateway finds it on its next poll (every 5 s) and swaps in
    // the committed supergraph, which takes a few seconds more on a loaded machine.
    const deadline = Date.now() + 30_000;
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
  }, 45_000);
});
