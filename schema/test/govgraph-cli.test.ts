import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishKey } from '../src/governance/publish-key.js';
import { SUPERGRAPH_FILE, subgraphFile } from '../src/paths.js';

/** `npx govgraph …` as a department runs it: the bin, through tsx, in a child process. */
const BIN = fileURLToPath(new URL('../bin/govgraph.mjs', import.meta.url));
const SECRET = 'cli-test-secret-'.padEnd(40, 'x');

async function govgraph(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npx govgraph', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('check: a break exits 1 and names the contract operations; --json gives the report', async () => {
    const file = join(dir, 'licences.graphql');
    writeFileSync(file, readFileSync(subgraphFile('licences'), 'utf8').replace('\n  validTo: Date @shareable', ''));
    const text = await govgraph(['check', 'licences', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('breaks start-form.graphql (StartForm): prefill.materials.satisfiedBy.validTo');
    expect(text.stdout).toContain('breaks my-home.graphql (MyHome): me.licences.validTo');
    const json = await govgraph(['check', 'licences', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ subgraph: 'licences', ok: false, affectedOperations: expect.arrayContaining(['start-form.graphql', 'my-home.graphql']) });
  }, 60_000);

  it('check: a compatible change exits 0', async () => {
    const file = join(dir, 'compatible.graphql');
    writeFileSync(file, readFileSync(subgraphFile('licences'), 'utf8').replace('  version: Int!\n', '  version: Int!\n  remarks: String\n'));
    const result = await govgraph(['check', 'licences', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('PASSED licences composes; no breaking change; 1 addition');
  }, 60_000);

  it('compose: the committed SDL files compose to the committed supergraph', async () => {
    const out = join(dir, 'supergraph.graphql');
    const result = await govgraph(['compose', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  }, 60_000);

  it('publish-key prints the key derived from GOVGRAPH_SECRET; usage errors exit 2', async () => {
    const key = await govgraph(['publish-key', 'licences'], { GOVGRAPH_SECRET: SECRET });
    expect(key.stdout.trim()).toBe(publishKey(SECRET, 'licences'));
    const missing = await govgraph(['publish', 'licences', 'x.graphql']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--url');
    const unknown = await govgraph(['frobnicate']);
    expect(unknown.code).toBe(2);
  }, 60_000);
});
