// Shared by scripts/run-service.mjs and scripts/migrate.mjs: the compiled workspaces (npm run build)
// and the switch that makes this process load them with plain node.
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The departments of subgraphs/registry.json: { name, port, package, dir }. */
export function registeredSubgraphs() {
  return JSON.parse(readFileSync(join(ROOT, 'subgraphs/registry.json'), 'utf8')).subgraphs;
}

/**
 * Checks that `npm run build` has compiled every workspace that ships code, then makes this
 * process resolve them to dist/ (the "govgraph-dist" export condition). Exits with one line when
 * the build is missing: the command names the script that failed.
 */
export function useCompiledOutput(command) {
  const { workspaces } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const dir of workspaces) {
    const manifest = join(ROOT, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const target of Object.values(exports ?? {})) {
      const compiled = typeof target === 'object' && target !== null ? target['govgraph-dist'] : undefined;
      if (compiled && !existsSync(join(ROOT, dir, compiled))) {
        console.error(`${command}: ${dir}/${compiled.replace(/^\.\//, '')} is missing: run npm run build first`);
        process.exit(1);
      }
    }
  }
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  register('./resolve-compiled.mjs', import.meta.url);
}
