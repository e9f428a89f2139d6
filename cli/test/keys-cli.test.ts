import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from './support/cli-bin.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartyKeys, TrustStore } from '@govgraph/kit/trust';

/** `npx govgraph keys …` as an operator runs it, on a key folder and trust list of the test's own. */

describe('npx govgraph keys', () => {
  let dir: string;
  let env: Record<string, string>;
  const govgraph = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'keys', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };
  const keysOf = () => PartyKeys.load({ party: 'gateway', keysDir: env.GOVGRAPH_KEYS_DIR!, trustDir: null, create: false });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-keys-cli-'));
    env = { GOVGRAPH_KEYS_DIR: join(dir, 'keys'), GOVGRAPH_TRUST_DIR: join(dir, 'trust') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('init creates a party’s keys owner-only and publishes the public key; a second init keeps them', async () => {
    const first = await govgraph('init', 'gateway');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/created the keys of gateway/);
    expect(statSync(join(dir, 'keys', 'gateway', 'signing-keys.json')).mode & 0o777).toBe(0o600);
    const kid = keysOf().sign('x').kid;
    const trust = new TrustStore(env.GOVGRAPH_TRUST_DIR!);
    expect(trust.keyIds('gateway')).toEqual([kid]);
    const again = await govgraph('init', 'gateway');
    expect(again.stdout).toMatch(/kept the existing keys/);
    expect(keysOf().sign('x').kid).toBe(kid);
  });

  it('rotate publishes the new key at once and signs with it only from its activation; retire removes the old one', async () => {
    const oldKid = keysOf().sign('x').kid;
    const oldSignature = keysOf().signCompact('before');
    const rotated = await govgraph('rotate', 'gateway', '--activate-in', '3600');
    expect(rotated.code, rotated.stderr).toBe(0);
    const trust = new TrustStore(env.GOVGRAPH_TRUST_DIR!);
    expect(trust.keyIds('gateway')).toHaveLength(2);
    // An hour to go: the old key still signs, and both verify.
    expect(keysOf().sign('x').kid).toBe(oldKid);
    expect(trust.verify('gateway', oldSignature, 'before')).toMatchObject({ ok: true });

    const newKid = trust.keyIds('gateway').find((kid) => kid !== oldKid)!;
    const listed = await govgraph('list');
    expect(listed.stdout).toContain('gateway (private key here)');
    expect(listed.stdout).toContain(newKid);
    const exported = JSON.parse((await govgraph('export', 'gateway')).stdout) as { parties: Array<{ party: string; keys: Array<{ kid: string; x: string }> }> };
    expect(exported.parties[0]!.keys.map((k) => k.kid).sort()).toEqual([oldKid, newKid].sort());
    expect(JSON.stringify(exported)).not.toContain('PRIVATE');

    const retired = await govgraph('retire', 'gateway', oldKid);
    expect(retired.code, retired.stderr).toBe(0);
    const after = new TrustStore(env.GOVGRAPH_TRUST_DIR!);
    expect(after.keyIds('gateway')).toEqual([newKid]);
    expect(after.verify('gateway', oldSignature, 'before')).toEqual({ ok: false, reason: 'unknown-key' });
    expect(readFileSync(join(dir, 'keys', 'gateway', 'signing-keys.json'), 'utf8')).not.toContain(oldKid);
  });

  it('refuses wrong usage with exit 2: an unknown party, retiring the only key, a bad delay', async () => {
    const only = new TrustStore(env.GOVGRAPH_TRUST_DIR!).keyIds('gateway')[0]!;
    for (const args of [
      ['rotate', 'nobody'],
      ['retire', 'gateway', only],
      ['rotate', 'gateway', '--activate-in', 'soon'],
      ['init', '../etc'],
      ['export', 'nobody'],
      ['frobnicate'],
    ]) {
      const answer = await govgraph(...args);
      expect(answer.code, args.join(' ')).toBe(2);
      expect(answer.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
