#!/usr/bin/env node
// `npm run build`: every workspace whose package.json exports name a "govgraph-dist" target
// (the kit, the departments, schema, gateway) compiled from src/ to dist/ with the TypeScript
// compiler — legacy decorators as they are written (experimentalDecorators), JavaScript beside
// source maps — so production runs plain `node` (scripts/run-service.mjs), no tsx.
//
// One program with the repository's compiler options (tsconfig.json): the build type-checks the
// code it ships and refuses to write anything on an error, then writes each workspace's src/ files
// to its own dist/ — so it needs no test, benchmark or doc file. `--all` checks the whole repository
// as `npm run typecheck` does (tests included) in the same pass; `--no-check` emits without checking
// (each file on its own: isolatedModules), for a tree `npm run typecheck` has already checked.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = !process.argv.includes('--no-check');
const started = performance.now();

/** The workspaces that ship compiled code: their exports map a "govgraph-dist" condition. */
function compiledWorkspaces() {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.filter((dir) => {
    const file = join(root, dir, 'package.json');
    return existsSync(file) && JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).exports ?? {}).includes('"govgraph-dist"');
  });
}

const workspaces = compiledWorkspaces().map((dir) => ({ dir, src: resolve(root, dir, 'src') + sep, dist: resolve(root, dir, 'dist') }));
// Where tsc would write with one outDir; nothing is written there: writeFile below sends each file to its workspace's dist/.
const OUT = resolve(root, '.build-out');
const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  { noEmit: false, rootDir: root, outDir: OUT, sourceMap: true, noCheck: !check },
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail([diagnostic]),
  },
);
if (!config) process.exit(1);
if (config.errors.length > 0) fail(config.errors);

// What ships (each workspace's src/ and what it imports), unless --all: the repository as `npm run
// typecheck` sees it, tests included (the build then is the type check, for a CI that wants both).
const shipped = (file) => workspaces.some((w) => resolve(file).startsWith(w.src));
const rootNames = process.argv.includes('--all') ? config.fileNames : config.fileNames.filter(shipped);
const program = ts.createProgram({ rootNames, options: config.options, projectReferences: config.projectReferences });
if (check) {
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) fail(diagnostics);
}

// The playground bundle (gateway/dist/playground-bundle) stays: it is rebuilt below only when its inputs changed.
const PLAYGROUND_BUNDLE = resolve(root, 'gateway/dist/playground-bundle');
for (const workspace of workspaces) {
  if (!existsSync(workspace.dist)) continue;
  for (const entry of readdirSync(workspace.dist)) {
    const path = join(workspace.dist, entry);
    if (path !== PLAYGROUND_BUNDLE) rmSync(path, { recursive: true, force: true });
  }
}
let files = 0;
/** `<OUT>/<workspace>/src/x.js` → `<workspace>/dist/x.js`; anything else (tests, scripts) is not shipped. */
const writeFile = (fileName, text) => {
  const source = resolve(root, relative(OUT, fileName));
  const workspace = workspaces.find((w) => source.startsWith(w.src));
  if (!workspace) return;
  const target = join(workspace.dist, source.slice(workspace.src.length));
  mkdirSync(dirname(target), { recursive: true });
  // Source maps name the source relative to the map; OUT's layout differs from dist's by one folder.
  writeFileSync(target, target.endsWith('.map') ? rebaseMap(text, fileName, target) : text);
  files += 1;
};
for (const sourceFile of program.getSourceFiles()) {
  if (!workspaces.some((w) => sourceFile.fileName.startsWith(w.src.split(sep).join('/')))) continue;
  const result = program.emit(sourceFile, writeFile);
  if (result.emitSkipped) fail(result.diagnostics);
}

console.log(
  `compiled ${files} files into ${workspaces.map((w) => `${w.dir}/dist`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s${check ? (rootNames === config.fileNames ? ' (the repository type-checked: --all)' : ' (type-checked)') : ' (not type-checked: --no-check)'}`,
);

// The playground's browser code (GraphiQL, Monaco and its workers, React) bundled with esbuild into
// gateway/dist/playground-bundle, which the gateway serves from disk; kept as it is when the
// client sources and the bundled packages' versions are those it was built from. The client
// sources go beside the compiled module too, for the in-memory fallback build.
const playground = join(root, 'gateway/src/playground/client');
if (existsSync(playground) && existsSync(join(root, 'gateway/dist/playground'))) {
  cpSync(playground, join(root, 'gateway/dist/playground/client'), { recursive: true });
  const { writePlaygroundBundle } = await import(pathToFileURL(join(root, 'gateway/dist/playground/build-playground-bundle.js')).href);
  const bundle = await writePlaygroundBundle();
  console.log(`playground bundle ${bundle.reused ? 'up to date' : 'built'} in gateway/dist/playground-bundle (${bundle.ms} ms)`);
}

function rebaseMap(text, from, to) {
  const map = JSON.parse(text);
  map.sources = map.sources.map((s) =>
    relative(dirname(to), resolve(dirname(from), s))
      .split(sep)
      .join('/'),
  );
  return JSON.stringify(map);
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  console.error(`build failed: ${diagnostics.length} error(s), nothing written`);
  process.exit(1);
}
