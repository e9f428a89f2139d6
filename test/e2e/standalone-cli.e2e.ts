import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileCredentialStore, issueCredential, subgraphFile } from '@govgraph/schema/governance';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { installPackedCli, type CliRun, type PackedCli } from '../src/packed-cli.js';

const CATALOG = readFileSync(subgraphFile('catalog'), 'utf8');
const LEGAL_BASIS = '  legalBasis: String!\n';
/** A compatible change: one more optional field. */
const WITH_HOTLINE = CATALOG.replace(LEGAL_BASIS, `${LEGAL_BASIS}  """Where to ask."""\n  hotline: String\n`);
/** A breaking one: MatterGuide, a contract operation, reads Matter.legalBasis. */
const WITHOUT_LEGAL_BASIS = CATALOG.replace(LEGAL_BASIS, '');

/** What the user sees of a command that ran: our output, never npm's. */
function expectNoNpmNoise(result: CliRun): void {
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/npm (error|ERR!|warn)/);
}

describe('npx govgraph from a department’s own repository, outside this one, installed from the packed tarball', () => {
  let dir: string;
  let cli: PackedCli;
  let graph: GraphHarness;
  let gateway: string;
  let catalogKey: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-standalone-cli-'));
    [cli, graph] = await Promise.all([installPackedCli(dir), startGraph()]);
    gateway = graph.gateway.url;
    // The operator issued the catalog department its publish credential.
    catalogKey = (await issueCredential(createFileCredentialStore(join(graph.dataDir, 'registry', 'credentials.json')), { role: 'publisher', subgraph: 'catalog' })).token;
    writeFileSync(join(cli.repository, 'compatible.graphql'), WITH_HOTLINE);
    writeFileSync(join(cli.repository, 'breaking.graphql'), WITHOUT_LEGAL_BASIS);
  }, 120_000);
  afterAll(async () => {
    await graph?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is one small package with no dependencies', () => {
    expect(cli.tarball.startsWith(tmpdir())).toBe(true);
    expect(cli.bytes).toBeLessThan(1024 * 1024);
    const installed = JSON.parse(readFileSync(join(cli.repository, 'node_modules', '@govgraph', 'cli', 'package.json'), 'utf8'));
    expect(installed.dependencies ?? {}).toEqual({});
  });

  it('check --gateway: a compatible change passes (exit 0), against the graph the gateway serves', async () => {
    const result = await cli.npx(['check', 'catalog', 'compatible.graphql', '--gateway', gateway, '--key', catalogKey]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`against the graph ${gateway} serves (registry version 0)`);
    expect(result.stdout).toContain('PASSED catalog composes; no breaking change; 1 addition');
    expectNoNpmNoise(result);
  });

  it('check --gateway: removing a field a contract operation uses fails (exit 1), naming the operation; --json parses', async () => {
    const text = await cli.npx(['check', 'catalog', 'breaking.graphql', '--gateway', gateway]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toContain('FIELD_REMOVED  Matter.legalBasis');
    expect(text.stdout).toContain('breaks matter-guide.graphql (MatterGuide): matter.legalBasis');
    expectNoNpmNoise(text);

    const json = await cli.npx(['check', 'catalog', 'breaking.graphql', '--json'], { GOVGRAPH_GATEWAY_URL: gateway });
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ against: { graph: 'gateway', gateway, version: 0 }, subgraph: 'catalog', ok: false, affectedOperations: ['matter-guide.graphql'] });
    expect(report.operations.broken).toEqual([expect.objectContaining({ file: 'matter-guide.graphql', operation: 'MatterGuide', alreadyInvalid: false })]);
  });

  it('introspect: one subgraph’s SDL with the gateway’s key, its name from /healthz; without a key, says what is needed (exit 2)', async () => {
    const catalogUrl = graph.subgraphs.catalog!.graphqlUrl;
    const introspected = await cli.npx(['introspect', catalogUrl, '--json'], { ...graph.keyEnv });
    expect(introspected.code, introspected.stderr).toBe(0);
    const answer = JSON.parse(introspected.stdout);
    expect(answer).toMatchObject({ name: 'catalog', url: catalogUrl });
    // As @apollo/subgraph prints it for the gateway: with the federation definitions it adds.
    expect(answer.sdl).toMatch(/type Matter\s+@key\(fields: "code"\)/);

    // Round trip: the SDL it wrote is what the gateway serves — nothing breaks, nothing is added.
    expect((await cli.npx(['introspect', catalogUrl, '--name', 'catalog', '--out', 'catalog.graphql'], { ...graph.keyEnv })).code).toBe(0);
    expect(readFileSync(join(cli.repository, 'catalog.graphql'), 'utf8')).toBe(answer.sdl);
    const same = await cli.npx(['check', 'catalog', 'catalog.graphql', '--gateway', gateway, '--json']);
    expect(JSON.parse(same.stdout)).toMatchObject({ ok: true, breaking: [], additions: [], warnings: [] });

    const keyless = await cli.npx(['introspect', catalogUrl]);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr.trim().split('\n')).toHaveLength(1);
    expect(keyless.stderr).toContain("subgraphs answer only requests signed with the gateway's key");
    expect(keyless.stderr).toContain('GOVGRAPH_KEYS_DIR');
    expectNoNpmNoise(keyless);
  });

  it('compose --from-urls composes the running subgraphs, with @apollo/composition from the bundle', async () => {
    const fromUrls = Object.entries(graph.subgraphs).map(([name, subgraph]) => `${name}=${subgraph.graphqlUrl}`);
    const composed = await cli.npx(['compose', '--json', '--from-urls', ...fromUrls], { ...graph.keyEnv });
    expect(composed.code, composed.stderr).toBe(0);
    const answer = JSON.parse(composed.stdout);
    expect(answer).toMatchObject({ ok: true, out: null });
    expect(answer.subgraphs.map((s: { name: string }) => s.name).sort()).toEqual(['applications', 'catalog', 'consultation', 'disclosure', 'identity', 'licences']);
    expect(answer.supergraphSdl).toContain('legalBasis: String!');
  });

  it('publish: the compatible change goes live with the department’s credential', async () => {
    const published = await cli.npx(['publish', 'catalog', 'compatible.graphql', '--url', graph.subgraphs.catalog!.graphqlUrl, '--gateway', gateway, '--json'], {
      GOVGRAPH_PUBLISH_KEY: catalogKey,
    });
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ status: 200, published: true, change: 'updated', version: 1 });
  });

  it('outside a checkout, what needs one says so in one line and exits 2', async () => {
    const check = await cli.npx(['check', 'catalog', 'compatible.graphql']);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/^govgraph: not inside a govgraph checkout.*--gateway <url> \(or GOVGRAPH_GATEWAY_URL\)\n$/);
    const compose = await cli.npx(['compose']);
    expect(compose.code).toBe(2);
    expect(compose.stderr).toContain('not inside a govgraph checkout');
    const credentials = await cli.npx(['credentials', 'list']);
    expect(credentials.code).toBe(2);
    expect(credentials.stderr).toContain('set DATA_DIR');
    for (const result of [check, compose, credentials]) expectNoNpmNoise(result);
  });
});
