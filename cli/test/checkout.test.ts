import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCheckout } from '../src/checkout.js';
import { currentCheckout, dataDirectory } from '../src/cli-environment.js';
import { makeCheckout } from './support/temp-checkout.js';

describe('finding the govgraph checkout the CLI runs in', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-checkout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks up from a folder inside it to its root', () => {
    const root = makeCheckout(join(dir, 'govgraph'), { git: false });
    mkdirSync(join(root, 'subgraphs', 'housing-fund', 'src'), { recursive: true });
    const found = findCheckout(join(root, 'subgraphs', 'housing-fund', 'src'));
    expect(found).toMatchObject({
      root,
      supergraphFile: join(root, 'schema', 'supergraph.graphql'),
      operationsDir: join(root, 'schema', 'operations'),
      dataDir: join(root, 'data'),
    });
  });

  it('finds none outside one, nor in a department’s repository that keeps a supergraph of its own', () => {
    expect(findCheckout(dir)).toBeNull();
    const department = join(dir, 'housing-fund-repo');
    mkdirSync(join(department, 'schema'), { recursive: true });
    writeFileSync(join(department, 'package.json'), JSON.stringify({ name: 'housing-fund' }));
    writeFileSync(join(department, 'schema', 'supergraph.graphql'), 'enum join__Graph { A @join__graph(name: "a", url: "http://a") }');
    expect(findCheckout(department)).toBeNull();
  });

  it('finds this repository from the CLI’s own folder, and starts from INIT_CWD (where npm was run) before cwd', () => {
    const repository = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    expect(findCheckout(fileURLToPath(new URL('.', import.meta.url)))?.root).toBe(repository);
    expect(currentCheckout({ INIT_CWD: dir })).toBeNull();
    expect(currentCheckout({ INIT_CWD: join(dir, 'govgraph', 'schema') })?.root).toBe(join(dir, 'govgraph'));
  });

  it('takes DATA_DIR when set, else the checkout’s data/, else says what is missing', () => {
    expect(dataDirectory('no keys', { INIT_CWD: dir, DATA_DIR: 'state' })).toBe(join(dir, 'state'));
    expect(dataDirectory('no keys', { INIT_CWD: join(dir, 'govgraph') })).toBe(join(dir, 'govgraph', 'data'));
    expect(() => dataDirectory('no keys', { INIT_CWD: dir })).toThrow(/^no keys: set DATA_DIR .* or run this inside a govgraph checkout/);
  });
});
