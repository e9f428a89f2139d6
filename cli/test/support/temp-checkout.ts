import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_POLICY_FILE, OPERATIONS_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE } from '@govgraph/schema/governance';

/**
 * A govgraph checkout of the test's own in `dir`: this repository's committed graph files and a
 * package.json named govgraph, nothing else. With `git`, committed as HEAD.
 */
export function makeCheckout(dir: string, options: { git: boolean }): string {
  mkdirSync(join(dir, 'schema'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'govgraph', private: true }));
  cpSync(SUPERGRAPH_FILE, join(dir, 'schema', 'supergraph.graphql'));
  cpSync(DATA_POLICY_FILE, join(dir, 'schema', 'data-policy.json'));
  cpSync(SUBGRAPHS_DIR, join(dir, 'schema', 'subgraphs'), { recursive: true });
  cpSync(OPERATIONS_DIR, join(dir, 'schema', 'operations'), { recursive: true });
  if (options.git) commitAll(dir);
  return dir;
}

/** `git init` (once) and a commit of everything, as a person with no git config of their own. */
export function commitAll(dir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the committed graph');
}
