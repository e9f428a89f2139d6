import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from './support/cli-bin.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileCredentialStore, SUPERGRAPH_FILE, subgraphFile, verifyCredential } from '@govgraph/schema/governance';
import { OVERRIDE_TAKEOVER_SDL } from '@govgraph/schema/testing';

/** `govgraph …` as a department runs it in this checkout: the compiled CLI (support/cli-bin.ts), in a child process. */

async function govgraph(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
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
    expect(result.stdout).toMatch(/against the committed graph \(HEAD [0-9a-f]{12} of /);
  }, 60_000);

  it('compose: the committed SDL files compose to the committed supergraph', async () => {
    const out = join(dir, 'supergraph.graphql');
    const result = await govgraph(['compose', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  }, 60_000);

  it('check: the catalog takeover exits 1 naming the undeclared data flows; --json has them', async () => {
    const file = join(dir, 'catalog.graphql');
    const takeover = OVERRIDE_TAKEOVER_SDL;
    writeFileSync(file, readFileSync(subgraphFile('catalog'), 'utf8') + takeover);
    const text = await govgraph(['check', 'catalog', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('undeclared data flow');
    expect(text.stdout).toContain('OVERRIDE  catalog ← identity  Person.displayName');
    expect(text.stdout).toContain('REQUIRES  catalog ← identity  Person.profileFacts { path value }');
    const json = JSON.parse((await govgraph(['check', 'catalog', file, '--json'])).stdout);
    expect(json.dataFlows.undeclared).toContainEqual(
      expect.objectContaining({ kind: 'requires', field: 'Person.profileFacts', consumer: 'catalog', provider: 'identity', agreement: null }),
    );

    // With a policy that declares it (--policy), the same change passes.
    const policy = JSON.parse(readFileSync(join(SUPERGRAPH_FILE, '..', 'data-policy.json'), 'utf8'));
    policy.agreements.push(
      { id: 'greeting', consumer: 'catalog', provider: 'identity', fields: ['Person.profileFacts', 'Person.displayName'], purpose: 'a test', legalBasis: 'a test', override: true },
      ...['applications', 'licences', 'identity'].map((provider) => ({
        id: `refs-${provider}`,
        consumer: 'catalog',
        provider,
        fields: ['Application.applicant', 'Prefill.applicant', 'Licence.holder', 'EnterpriseAgent.person'],
        purpose: 'a test',
        legalBasis: 'a test',
      })),
    );
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(policy));
    const allowed = await govgraph(['check', 'catalog', file, '--policy', policyFile]);
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(allowed.stdout).toContain('declared data flows added');
  }, 60_000);

  it('credentials: issue prints the token once, list never shows it, revoke stops it', async () => {
    const env = { DATA_DIR: join(dir, 'data'), REDIS_URL: '' };
    const issued = await govgraph(['credentials', 'issue', 'licences', '--note', 'licences CI'], env);
    expect(issued.code, issued.stderr).toBe(0);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^ggpc1\.licences\.[A-Za-z0-9_-]{43}$/);
    expect(issued.stderr).toMatch(/issued a publish credential for licences: pub-[0-9a-f]{12}/);
    const admin = await govgraph(['credentials', 'issue', '--admin', '--json'], env);
    expect(JSON.parse(admin.stdout)).toMatchObject({ token: expect.stringMatching(/^ggpa1\./), credential: { role: 'admin', subgraph: null } });

    const store = createFileCredentialStore(join(dir, 'data', 'registry', 'credentials.json'));
    const check = await verifyCredential(store, token);
    expect(check.ok).toBe(true);
    const id = check.ok ? check.credential.id : '';

    const list = await govgraph(['credentials', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${id}  publisher  licences`);
    expect(list.stdout).toContain('licences CI');
    expect(list.stdout).not.toContain(token.split('.')[2]);
    const listed = JSON.parse((await govgraph(['credentials', 'list', '--json'], env)).stdout);
    expect(listed.credentials).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain('sha256');

    const revoked = await govgraph(['credentials', 'revoke', id], env);
    expect(revoked.stdout).toContain(`revoked ${id} (publish credential for licences)`);
    expect(await verifyCredential(store, token)).toEqual({ ok: false, reason: 'revoked' });
    expect((await govgraph(['credentials', 'revoke', 'pub-000000000000'], env)).code).toBe(1);
    const reserved = await govgraph(['credentials', 'issue', 'gateway'], env);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toContain('reserved party name');
  }, 60_000);

  it('usage errors exit 2: publish without --url or a credential, publish-key (gone), registry without an admin key', async () => {
    const missing = await govgraph(['publish', 'licences', 'x.graphql']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--url');
    const noKey = await govgraph(['publish', 'licences', 'x.graphql', '--url', 'http://127.0.0.1:1/graphql'], { GOVGRAPH_PUBLISH_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('govgraph credentials issue licences');
    const gone = await govgraph(['publish-key', 'licences']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('credentials issue');
    const versions = await govgraph(['registry', 'versions'], { GOVGRAPH_ADMIN_KEY: '' });
    expect(versions.code).toBe(2);
    expect(versions.stderr).toContain('GOVGRAPH_ADMIN_KEY');
    expect((await govgraph(['registry', 'rollback', 'latest'])).code).toBe(2);
    expect((await govgraph(['registry', 'frobnicate'])).code).toBe(2);
    expect((await govgraph(['frobnicate'])).code).toBe(2);
    // Each says what is wrong in one line, without a stack.
    for (const refused of [missing, noKey, gone, versions]) expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const wrong = await govgraph(['check', 'licences']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toMatch(/^govgraph: usage: govgraph check <subgraph> <sdl-file> .* \(npx govgraph help\)$/);
  }, 60_000);
});
