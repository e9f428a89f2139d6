import { relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

const PURE = Symbol('resolved by pure-workspace-source');

/**
 * Marks the monorepo's own TypeScript (schema/src, subgraphs/kit/src, cli/src) free of side
 * effects, so the bundle keeps only the modules the CLI uses: `@govgraph/kit/trust` re-exports a
 * replay guard that imports Redis, and `@govgraph/schema/governance` the credential stores; with
 * this, neither comes along unless a command uses it. Our modules do nothing on import but
 * declare, which is what makes this safe; packages from node_modules keep their own rules.
 */
export function pureWorkspaceSource(repositoryRoot: string): Plugin {
  return {
    name: 'pure-workspace-source',
    setup(build) {
      build.onResolve({ filter: /^(?:\.{1,2}\/|@govgraph\/)/ }, async (args) => {
        if (args.pluginData === PURE || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: PURE });
        if (resolved.errors.length > 0 || !isWorkspaceSource(repositoryRoot, resolved.path)) return undefined;
        return { path: resolved.path, sideEffects: false };
      });
    },
  };
}

function isWorkspaceSource(root: string, path: string): boolean {
  const inside = relative(root, path);
  return !inside.startsWith('..') && !inside.split(sep).includes('node_modules') && /\.ts$/.test(path);
}
