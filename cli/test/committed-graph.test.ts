import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from './support/cli-bin.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeGraph, subgraphsOfSupergraph } from '@govgraph/schema/governance';
import { checkoutAt } from '../src/checkout.js';
import { readCommittedGraph } from '../src/committed-graph.js';
import { commitAll, makeCheckout } from './support/temp-checkout.js';

const LEGAL_BASIS = '  legalBasis: String!\n';

/** What `npm run compose` does to a checkout after a change to catalog's code: both files rewritten. */
function composeInto(root: string, catalogSdl: string): void {
  writeFileSync(join(root, 'schema', 'subgraphs', 'catalog.graphql'), catalogSdl);
  const subgraphs = subgraphsOfSupergraph(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'), join(root, 'schema', 'subgraphs'));
  const composed = composeGraph(subgraphs);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  writeFileSync(join(root, 'schema', 'supergraph.graphql'), composed.graph.supergraphSdl);
}

describe('the graph a check without a gateway compares with: git HEAD’s', () => {
  let dir: string;
  let root: string;
  let catalog: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-committed-'));
    root = makeCheckout(join(dir, 'govgraph'), { git: true });
    catalog = readFileSync(join(root, 'schema', 'subgraphs', 'catalog.graphql'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the supergraph’s subgraphs, the operations and the policy as HEAD has them', () => {
    const graph = readCommittedGraph(checkoutAt(root));
    expect(graph.source).toMatch(/^HEAD [0-9a-f]{12}$/);
    expect(graph.notes).toEqual([]);
    expect(graph.subgraphs.map((s) => s.name)).toEqual(['applications', 'catalog', 'consultation', 'disclosure', 'identity', 'licences']);
    expect(graph.subgraphs.find((s) => s.name === 'catalog')?.sdl).toBe(catalog);
    expect(graph.operations.map((o) => o.file)).toContain('matter-guide.graphql');
    expect(graph.operations.every((o) => o.file.endsWith('.graphql'))).toBe(true);
    expect(graph.policy.from).toBe('HEAD:schema/data-policy.json');
  });

  it('ignores what compose wrote into the working tree, saying so; reads an operation not committed yet from the working tree', () => {
    composeInto(root, catalog.replace(LEGAL_BASIS, ''));
    writeFileSync(join(root, 'schema', 'operations', 'new-portal-page.graphql'), 'query NewPortalPage { matter(code: "JJ-0101") { name } }\n');
    try {
      const graph = readCommittedGraph(checkoutAt(root));
      expect(graph.subgraphs.find((s) => s.name === 'catalog')?.sdl).toContain(LEGAL_BASIS);
      expect(graph.operations.map((o) => o.file)).toContain('new-portal-page.graphql');
      expect(graph.notes).toEqual([
        'schema/operations/new-portal-page.graphql is not committed: read from the working tree',
        expect.stringMatching(/^schema\/supergraph\.graphql, schema\/subgraphs\/catalog\.graphql differ from HEAD in the working tree/),
      ]);
    } finally {
      makeCheckout(root, { git: false }); // back to HEAD's content
      rmSync(join(root, 'schema', 'operations', 'new-portal-page.graphql'));
    }
  });

  it('finds HEAD for a checkout that is a folder of a larger repository', () => {
    const outer = join(dir, 'monorepo');
    makeCheckout(join(outer, 'platform', 'govgraph'), { git: false });
    commitAll(outer);
    const graph = readCommittedGraph(checkoutAt(join(outer, 'platform', 'govgraph')));
    expect(graph.source).toMatch(/^HEAD /);
    expect(graph.notes).toEqual([]);
    expect(graph.subgraphs).toHaveLength(6);
  });

  it('without git history, reads the working tree and says so', () => {
    const plain = makeCheckout(join(dir, 'no-git'), { git: false });
    const graph = readCommittedGraph(checkoutAt(plain));
    expect(graph.source).toBe('the working tree (not a git work tree)');
    expect(graph.notes).toEqual([expect.stringMatching(/^no git HEAD to read \(not a git work tree\): checking against the working tree's files/)]);
    expect(graph.subgraphs).toHaveLength(6);
    expect(graph.policy.from).toBe('schema/data-policy.json');
  });

  it('npm run compose before govgraph check no longer turns a breaking change into "unchanged"', async () => {
    const withoutLegalBasis = catalog.replace(LEGAL_BASIS, '');
    composeInto(root, withoutLegalBasis);
    const sdlFile = join(dir, 'catalog.graphql');
    writeFileSync(sdlFile, withoutLegalBasis);
    // As a department runs it, in the checkout; no INIT_CWD from the npm running this test.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'INIT_CWD' && !key.startsWith('GOVGRAPH_')));
    const run = await promisify(execFile)(process.execPath, [CLI, 'check', 'catalog', sdlFile], { cwd: join(root, 'schema'), env, timeout: 60_000 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`against the committed graph \\(HEAD [0-9a-f]{12} of ${root}\\)`));
    expect(run.stdout).toContain('note: schema/supergraph.graphql, schema/subgraphs/catalog.graphql differ from HEAD');
    expect(run.stdout).toContain('FIELD_REMOVED  Matter.legalBasis');
    expect(run.stdout).toContain('breaks matter-guide.graphql (MatterGuide)');
  }, 60_000);
});
