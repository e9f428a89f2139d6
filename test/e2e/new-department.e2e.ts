import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startService, type StartedService, type SubgraphService } from '@govgraph/kit';
import { draftDepartmentPolicy, loadDataPolicy, subgraphsOfSupergraph, SUBGRAPHS_DIR, SUPERGRAPH_FILE, TO_COMPLETE } from '@govgraph/schema/governance';
import { leftoverExampleSpellings } from '../src/example-department.js';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { makeScratch, removeScratch } from '../src/scratch.js';

/** The department's title as `--department` gives it: the copy's README and seeded records carry it. */
const DEPARTMENT = '深圳市住房公积金管理中心';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a repository script as a user would, from the repository root, without our keys or credentials.
 * Asynchronously: the gateway it talks to runs in this process.
 */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; output: string }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && !['INIT_CWD', 'GOVGRAPH_PUBLISH_KEY', 'GOVGRAPH_ADMIN_KEY', 'DATA_DIR', 'REDIS_URL', 'REDIS_KEY_PREFIX'].includes(key),
    ),
  );
  const child = spawn(process.execPath, [join(root, script), ...args], { cwd: root, env: { ...inherited, NO_COLOR: '1', ...env }, timeout: 120_000 });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (chunk) => ((stdout += chunk), (output += chunk)));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, output }));
  });
}
const govgraph = (args: string[], env?: Record<string, string>) => run('cli/bin/govgraph.mjs', args, env);

async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a new department, from one command to the live graph', () => {
  let scratch: string;
  let graph: GraphHarness;
  let department: StartedService;
  let sdlFile: string;
  let policyFile: string;

  beforeAll(async () => {
    scratch = makeScratch('new-department');
    const scaffold = await run('scripts/new-subgraph.mjs', ['housing-fund', '--dir', scratch, '--no-register', '--department', DEPARTMENT]);
    expect(scaffold.status, scaffold.output).toBe(0);
    // A copy of the live example, renamed whole, that names its department.
    expect(await leftoverExampleSpellings(join(scratch, 'housing-fund'))).toEqual([]);
    expect(readFileSync(join(scratch, 'housing-fund', 'README.md'), 'utf8')).toContain(DEPARTMENT);

    // The department runs its own process in production; here it is one more in-process service.
    const { housingFundService } = (await import(pathToFileURL(join(scratch, 'housing-fund', 'src', 'server.ts')).href)) as { housingFundService: SubgraphService<unknown> };
    sdlFile = join(scratch, 'housing-fund.graphql');
    const sdl = (await housingFundService.buildSchema()).sdl;
    writeFileSync(sdlFile, sdl);

    // Registering the department (without --no-register) adds its policy entry: its personal data,
    // and draft agreements for the applicant references it would receive, which a reviewer completes.
    const { policy } = draftDepartmentPolicy({
      policy: loadDataPolicy(),
      current: subgraphsOfSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'), SUBGRAPHS_DIR),
      name: 'housing-fund',
      sdl,
      personal: ['Applicant.housingFundRecords', 'HousingFundRecord.*'],
    });
    policyFile = join(scratch, 'data-policy.json');
    writeFileSync(policyFile, JSON.stringify(policy).replaceAll(TO_COMPLETE, 'Housing fund records of the applicant:'));

    graph = await startGraph({ gatewayEnv: { GATEWAY_DATA_POLICY: policyFile } });
    department = await startService(
      housingFundService,
      { name: 'housing-fund', port: 0, host: '127.0.0.1', dataDir: graph.dataDir, databaseUrl: undefined, redisUrl: undefined, redisPrefix: 'govgraph-test:' },
      { party: graph.party('housing-fund'), log: createLogger('housing-fund', process.env.LOG_LEVEL ?? 'silent') },
    );
  });

  afterAll(async () => {
    await department?.running.close();
    await graph?.close();
    if (scratch) removeScratch(scratch);
  });

  it('passes the check, is published to the running gateway, and answers zhangsan with its own data', async () => {
    const zhangsan = await graph.login('zhangsan');
    const query = '{ me { id displayName housingFundRecords { id title status recordedOn department } } }';
    const before = await graph.query(query, {}, zhangsan);
    expect(before.errors?.[0]?.message).toMatch(/Cannot query field "housingFundRecords"/);

    // Against the committed policy the references it would receive are undeclared: the check names them.
    const undeclared = await govgraph(['check', 'housing-fund', sdlFile]);
    expect(undeclared.status).toBe(1);
    expect(undeclared.output).toContain('REFERENCE housing-fund ← applications  Application.applicant');
    const check = await govgraph(['check', 'housing-fund', sdlFile, '--policy', policyFile]);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('PASSED new subgraph housing-fund composes');
    expect(check.output).toContain('Applicant.housingFundRecords');

    // The operator issues the department's credential into the gateway's store and hands it over.
    const issued = await govgraph(['credentials', 'issue', 'housing-fund'], { DATA_DIR: graph.dataDir });
    expect(issued.status, issued.output).toBe(0);
    const key = issued.stdout.trim();
    expect(key).toMatch(/^ggpc1\.housing-fund\./);

    const publish = await govgraph(['publish', 'housing-fund', sdlFile, '--url', department.running.graphqlUrl, '--gateway', graph.gateway.url, '--key', key]);
    expect(publish.status, publish.output).toBe(0);
    expect(publish.output).toContain('published housing-fund (added)');

    // The same gateway process, the same token: the new field is live without a restart.
    const after = await eventually(
      () => graph.query(query, {}, zhangsan),
      (r) => !r.errors,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data.me).toMatchObject({ id: 'P-000001', displayName: '张三' });
    const records = after.data.me.housingFundRecords as Array<{ id: string; status: string; recordedOn: string; department: string }>;
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.id).toMatch(/^HF-\d{6}$/);
      expect(['OPEN', 'CLOSED']).toContain(record.status);
      expect(record.department).toBe(DEPARTMENT);
    }

    // Each applicant sees only their own; without a token there is no one to act as.
    const lisi = await graph.query(query, {}, await graph.login('lisi'));
    expect(lisi.errors).toBeUndefined();
    const lisiIds = (lisi.data.me.housingFundRecords as Array<{ id: string }>).map((r) => r.id);
    expect(lisiIds.some((id) => records.some((r) => r.id === id))).toBe(false);
    const anonymous = await graph.query('{ me { housingFundRecords { id } } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The gateway's own departments still answer beside the new one.
    const licences = await graph.query('{ me { housingFundRecords { id } ... on Applicant { licences { id } } } }', {}, zhangsan);
    expect(licences.errors).toBeUndefined();
    expect(licences.data.me.licences.length).toBeGreaterThan(0);

    // Another department's genuine credential does not publish this one.
    const catalogKey = (await govgraph(['credentials', 'issue', 'catalog'], { DATA_DIR: graph.dataDir })).stdout.trim();
    const stolen = await govgraph(['publish', 'housing-fund', sdlFile, '--url', department.running.graphqlUrl, '--gateway', graph.gateway.url, '--key', catalogKey]);
    expect(stolen.status).toBe(1);
    expect(stolen.output).toContain('this credential publishes catalog, not housing-fund');
  });
});
