import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_REGISTRY } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import { initPartyKeys, publicEntryOf, readPartyKeys, writePublicKeys } from '@govgraph/kit/trust';
import { startProcessGraph, type ProcessGraph } from '../src/process-graph.js';
import { plainNodeEnv } from '../src/plain-node-env.js';
import { copyTemplateData } from '../src/template-data.js';

/**
 * Issue 20, item 1: `npm run build` compiles the workspaces to dist/, production runs them with
 * plain node (`node scripts/run-service.mjs <service>`, no tsx), and `npm run migrate` migrates
 * before a rollout. The run's global setup builds once (vitest.global-setup.ts), before any file starts.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const DEPARTMENTS = SUBGRAPH_REGISTRY.map((s) => s.name);
const withPostgres = await postgresAvailable();

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return plainNodeEnv({ APOLLO_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'info', ...extra });
}

function migrate(args: string[], env: Record<string, string>) {
  return run(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), ...args], { cwd: ROOT, env: cleanEnv(env) });
}

/** Runs one compiled service until it exits (it should refuse to start): its exit code and output. */
function runToExit(service: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/run-service.mjs'), service], { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${service} did not exit within 30 s:\n${output}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the compiled graph in production: plain node, no tsx', () => {
  let graph: ProcessGraph;
  const folder = mkdtempSync(join(tmpdir(), 'govgraph-build-'));
  const keyEnv = { GOVGRAPH_KEYS_DIR: join(folder, 'keys'), GOVGRAPH_TRUST_DIR: join(folder, 'trust') };

  beforeAll(async () => {
    // The run's seeded demo data (with the keys that sealed it), else the services seed it on start.
    copyTemplateData(folder);
    // Production creates no keys: every party's made beforehand, as `npx govgraph keys init <party>` does.
    for (const party of [...DEPARTMENTS, 'gateway']) {
      initPartyKeys({ party, keysDir: keyEnv.GOVGRAPH_KEYS_DIR });
      writePublicKeys(keyEnv.GOVGRAPH_TRUST_DIR, party, readPartyKeys(keyEnv.GOVGRAPH_KEYS_DIR, party).map(publicEntryOf));
    }
    graph = await startProcessGraph({
      compiled: true,
      dataDir: folder,
      env: { NODE_ENV: 'production', GOVGRAPH_SEED_DEMO: 'true', LOG_LEVEL: 'info', ...keyEnv },
    });
  }, 120_000);

  afterAll(async () => {
    await graph?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs every service from dist with plain node: no tsx loader, no TypeScript', async () => {
    for (const [name, pid] of Object.entries(graph.pids())) {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(argv.slice(1), name).toEqual([join(ROOT, 'scripts/run-service.mjs'), name]);
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      expect(environ.filter((line) => line.startsWith('NODE_OPTIONS=')).join(''), name).not.toMatch(/tsx|--import|--loader/);
      expect(environ, name).toContain('NODE_ENV=production');
    }
    // The line may still be in the pipe when /readyz already answers (a loaded machine).
    const listening = () => graph.logs('gateway').find((line) => line.includes('gateway listening'));
    await expect.poll(listening, { timeout: 10_000 }).toBeDefined();
    expect(JSON.parse(listening()!)).toMatchObject({ nodeEnv: 'production' });
  });

  it('answers through the compiled gateway: a sign-in (identity) and a matter guide (catalog), trusted documents only', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'schema/operations/manifest.json'), 'utf8')) as { operations: { id: string; name: string }[] };
    const call = async (name: string, variables: Record<string, unknown>) => {
      const id = manifest.operations.find((o) => o.name === name)!.id;
      const response = await fetch(graph.graphqlUrls.gateway!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
      });
      return (await response.json()) as { data?: Record<string, any>; errors?: unknown };
    };
    const login = await call('Login', { username: 'zhangsan', password: 'demo' });
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.token).toMatch(/^ey/);
    const guide = await call('MatterGuide', { code: 'JJ-0101' });
    expect(guide.errors).toBeUndefined();
    expect(guide.data?.matter).toMatchObject({ code: 'JJ-0101', name: expect.stringContaining('驾驶证') });
    // The raw query text is refused in production: this gateway runs with NODE_ENV=production.
    const raw = await fetch(graph.graphqlUrls.gateway!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(((await raw.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
  });
});

describe('npm run migrate', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govgraph-migrate-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('migrates every department on a fresh SQLite data folder, then finds them up to date', async () => {
    const env = { DATA_DIR: folder };
    const first = await migrate([], env);
    for (const name of DEPARTMENTS) expect(first.stdout).toMatch(new RegExp(`^${name}: applied 0001-.*\\(${folder}/${name}\\.sqlite\\)$`, 'm'));
    const again = await migrate(['catalog', 'identity'], env);
    expect(again.stdout.trim().split('\n')).toEqual([`catalog: up to date (${folder}/catalog.sqlite)`, `identity: up to date (${folder}/identity.sqlite)`]);
  });

  it('refuses an unknown department, and a service with MIGRATE_ON_START=false on an unmigrated database', async () => {
    await expect(migrate(['nowhere'], { DATA_DIR: folder })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('no department named nowhere') });
    const empty = join(folder, 'empty');
    const refused = await runToExit('catalog', { DATA_DIR: empty, CATALOG_PORT: '0', MIGRATE_ON_START: 'false', NODE_ENV: 'development' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('run npm run migrate first');
  });

  it.runIf(withPostgres)('migrates a department on PostgreSQL (<NAME>_DATABASE_URL)', async () => {
    const scratch = await createScratchSchema();
    try {
      const first = await migrate(['licences'], { DATA_DIR: folder, LICENCES_DATABASE_URL: scratch.url });
      expect(first.stdout).toMatch(/^licences: applied 0001-.*\(postgres:\/\//m);
      const again = await migrate(['licences'], { DATA_DIR: folder, LICENCES_DATABASE_URL: scratch.url });
      expect(again.stdout).toMatch(/^licences: up to date \(postgres:\/\//);
    } finally {
      await scratch.drop();
    }
  });
});
