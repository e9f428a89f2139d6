import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `test/.scratch/`, gitignored: a folder inside the repository, so code scaffolded there finds
 * @govgraph/kit and its dependencies in the root node_modules as a real subgraph would.
 */
export const SCRATCH_ROOT = fileURLToPath(new URL('../.scratch/', import.meta.url));

/** A fresh folder under test/.scratch/ for one test file. */
export function makeScratch(prefix: string): string {
  for (let attempt = 0; ; attempt += 1) {
    mkdirSync(SCRATCH_ROOT, { recursive: true });
    try {
      return mkdtempSync(join(SCRATCH_ROOT, `${prefix}-`));
    } catch (error) {
      // Another test file removed the emptied test/.scratch/ between the two calls.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 2) throw error;
    }
  }
}

/** Removes the folder, and test/.scratch/ itself once no test uses it: tests leave nothing behind. */
export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  try {
    if (existsSync(SCRATCH_ROOT) && readdirSync(SCRATCH_ROOT).length === 0) rmdirSync(SCRATCH_ROOT);
  } catch {
    // Another test file just made its folder there.
  }
}
