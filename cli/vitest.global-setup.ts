import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from './build/build-cli.js';
import { BUNDLE_VARIABLE } from './test/support/cli-bin.js';

/**
 * Builds the CLI once per run into a folder of the run's own, and the tests spawn that bundle:
 * plain node starts it in a fraction of tsx's time, and it is the very file departments install.
 * (The in-repository path through tsx is what the whole-graph tests' `npx govgraph` runs.)
 */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-cli-bundle-'));
  const { file } = await buildCli(join(dir, 'govgraph.mjs'));
  process.env[BUNDLE_VARIABLE] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
