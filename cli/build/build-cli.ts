import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { pureWorkspaceSource } from './pure-workspace-source.js';
import { thirdPartyNotices } from './third-party-notices.js';

const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPOSITORY_ROOT = join(CLI_DIR, '..');
export const BUNDLE_FILE = join(CLI_DIR, 'dist', 'govgraph.mjs');

/**
 * Bundles the CLI into one ESM file with no runtime dependency (dist/govgraph.mjs, what the
 * package's bin runs once installed): graphql, @apollo/composition and the governance library
 * inlined; node: built-ins only left outside. Paths into the repository are never baked in —
 * the CLI finds a checkout at run time. Returns the bundle's path and size.
 */
export async function buildCli(outfile = BUNDLE_FILE): Promise<{ file: string; bytes: number }> {
  const result = await build({
    entryPoints: [join(CLI_DIR, 'src', 'govgraph.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS first: @apollo/composition require()s graphql's CommonJS build, and our imports
    // must reach the same one, or the bundle holds two graphql copies that reject each other's schemas.
    mainFields: ['main', 'module'],
    // Bundled CommonJS require()s node built-ins; an ES module has no `require` of its own.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __govgraphCreateRequire } from 'node:module';\nconst require = __govgraphCreateRequire(import.meta.url);" },
    // Whitespace and syntax only: names stay, so a bug report's stack still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    plugins: [pureWorkspaceSource(REPOSITORY_ROOT)],
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: REPOSITORY_ROOT,
  });
  assertSelfContained(result.metafile);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(join(dirname(outfile), 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(REPOSITORY_ROOT, Object.keys(result.metafile.inputs)));
  return { file: outfile, bytes: statSync(outfile).size };
}

/** Fails the build on what would break outside the repository or bloat the bundle. */
function assertSelfContained(metafile: Metafile): void {
  const inputs = Object.keys(metafile.inputs);
  const problems: string[] = [];
  const graphqlCopies = new Set(inputs.filter((p) => /node_modules\/graphql\//.test(p)).map((p) => (p.endsWith('.mjs') ? 'esm' : 'cjs')));
  if (graphqlCopies.size > 1) problems.push('graphql is bundled twice (its ESM and its CommonJS build)');
  for (const heavy of ['better-sqlite3', 'pino', '@apollo/server', 'type-graphql', 'kysely']) {
    if (inputs.some((p) => p.includes(`node_modules/${heavy}/`))) problems.push(`${heavy} is bundled: a subgraph's runtime leaked into the CLI`);
  }
  const builtins = new Set(builtinModules);
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !imported.path.startsWith('node:') && !builtins.has(imported.path)) problems.push(`${imported.path} is left outside the bundle`);
    }
  }
  if (problems.length > 0) throw new Error(`the CLI bundle is not self-contained:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { file, bytes } = await buildCli();
  console.log(`built ${file} (${(bytes / 1024 / 1024).toFixed(2)} MB)`);
}
