import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { plainNodeEnv } from './src/plain-node-env.js';
import { buildCli } from '@govgraph/cli/build';
import { CLI_BUNDLE_VARIABLE, TEMPLATE_DIR_VARIABLE } from './src/template-dir.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_CLI = fileURLToPath(new URL('./src/seed-template-cli.ts', import.meta.url));
const ROOT_TSCONFIG = join(ROOT, 'tsconfig.json');

/**
 * Once per run, before any file starts, side by side:
 * - seeds the demo data (10,000 persons, 16,000 licences, the catalog…): each graph a test starts
 *   on SQLite copies it (src/harness.ts) instead of seeding its own; workers inherit the folder's
 *   path through the environment;
 * - compiles the workspaces to dist/ (`scripts/build.mjs --no-check`; npm test type-checks apart)
 *   for the files that run the compiled services (build.e2e.ts, production-topology.e2e.ts): one
 *   build, never two writing dist/ at once from parallel workers. The same step writes the
 *   playground's bundle to gateway/dist/playground-bundle (kept when up to date), so every
 *   gateway a test starts in-process serves it from disk instead of bundling it in memory;
 * - bundles the CLI as it ships (one file, 0.4 s to start) for the files that run it many times:
 *   through tsx from source each run costs 2–8 s of compiling.
 */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-template-'));
  // Beside the template, not in it: graphs copy the whole template folder.
  const cliBundle = join(mkdtempSync(join(tmpdir(), 'govgraph-cli-')), 'govgraph.mjs');
  const started = performance.now();
  await Promise.all([
    run(process.execPath, ['--import', 'tsx', SEED_CLI, dir], { env: { ...process.env, TSX_TSCONFIG_PATH: ROOT_TSCONFIG, LOG_LEVEL: 'silent' } }),
    run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--no-check'], { cwd: ROOT, env: plainNodeEnv() }),
    buildCli(cliBundle),
  ]);
  process.env[TEMPLATE_DIR_VARIABLE] = dir;
  process.env[CLI_BUNDLE_VARIABLE] = cliBundle;
  console.log(`demo data seeded and the workspaces compiled once for the run in ${Math.round(performance.now() - started)} ms (${dir})`);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dirname(cliBundle), { recursive: true, force: true });
  };
}
