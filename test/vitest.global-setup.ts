import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_DIR_VARIABLE } from './src/template-dir.js';

const SEED_CLI = fileURLToPath(new URL('./src/seed-template-cli.ts', import.meta.url));
const ROOT_TSCONFIG = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/**
 * Seeds the demo data once per run (10,000 persons, 16,000 licences, the catalog…): each graph a
 * test starts on SQLite copies it (src/harness.ts) instead of seeding its own. Workers inherit the
 * folder's path through the environment.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-template-'));
  const started = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', SEED_CLI, dir], {
    env: { ...process.env, TSX_TSCONFIG_PATH: ROOT_TSCONFIG, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env[TEMPLATE_DIR_VARIABLE] = dir;
  console.log(`demo data seeded once for the run in ${Math.round(performance.now() - started)} ms (${dir})`);
  return () => rmSync(dir, { recursive: true, force: true });
}
