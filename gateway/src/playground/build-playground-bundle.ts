import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/** One file of the bundle, served under `/playground/assets/<name>`. */
export interface PlaygroundAsset {
  name: string;
  contentType: string;
  body: Buffer;
  /** The same body gzipped, for clients that accept it. */
  gzipped: Buffer;
  etag: string;
}

/** The Monaco web workers GraphiQL's editors start, by the label Monaco asks for. */
export type PlaygroundWorkerLabel = 'editor' | 'json' | 'graphql';

export interface PlaygroundBundle {
  /** By file name: the script, the stylesheet, the workers and their license notices. */
  assets: ReadonlyMap<string, PlaygroundAsset>;
  script: PlaygroundAsset;
  stylesheet: PlaygroundAsset;
  workers: Readonly<Record<PlaygroundWorkerLabel, PlaygroundAsset>>;
  /** How long building (memory) or reading (disk) it took. */
  buildMs: number;
  /** `disk`: written by `npm run build` / `npm start` (write-playground-bundle.ts); `memory`: built by this process. */
  source: 'disk' | 'memory';
  /** Hash of the inputs it was built from (see playgroundInputsHash). */
  inputsHash: string;
}

/** What the bundle folder's manifest.json records. */
export interface PlaygroundBundleManifest {
  format: number;
  inputsHash: string;
  /** Every npm package the bundle holds code of, with the version it was built from (folder relative to the client folder). */
  packages: PackageInput[];
  script: string;
  stylesheet: string;
  workers: Record<PlaygroundWorkerLabel, string>;
  files: string[];
  builtAt: string;
  buildMs: number;
}

interface PackageInput {
  name: string;
  version: string;
  dir: string;
}

/** Bumped whenever the build options below change what comes out: an older bundle on disk is then stale. */
const BUNDLE_FORMAT = 2;
export const PLAYGROUND_CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));
/** `gateway/dist/playground-bundle/`, from src/playground (tsx) and from dist/playground (compiled) alike. */
export const PLAYGROUND_BUNDLE_DIR = fileURLToPath(new URL('../../dist/playground-bundle/', import.meta.url));
const MANIFEST = 'manifest.json';

const ENTRY_POINTS = {
  playground: 'main.tsx',
  'editor.worker': 'workers/editor.worker.ts',
  'json.worker': 'workers/json.worker.ts',
  'graphql.worker': 'workers/graphql.worker.ts',
} as const;
const WORKER_ENTRIES: Record<PlaygroundWorkerLabel, keyof typeof ENTRY_POINTS> = { editor: 'editor.worker', json: 'json.worker', graphql: 'graphql.worker' };
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const gzipAsync = promisify(gzip);

interface BuiltFiles {
  files: Map<string, Buffer>;
  packages: PackageInput[];
  buildMs: number;
}

/**
 * GraphiQL, Monaco and its three workers, React and the playground's own code: one script, one
 * stylesheet and one script per worker, built with esbuild from the installed packages. Nothing is
 * fetched: fonts are inlined in the stylesheet, and the workers are files of the bundle.
 */
async function esbuildPlayground(clientDir: string): Promise<BuiltFiles> {
  const started = performance.now();
  // Loaded here, not at the top: a production gateway, which serves no playground, never loads it.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: clientDir,
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, join(clientDir, file)])),
    bundle: true,
    write: false,
    outdir: 'out',
    entryNames: '[name]-[hash]',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    charset: 'utf8',
    metafile: true,
    // Monaco's codicon font and GraphiQL's images: inline data: URLs, never a request.
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    // Licence headers go to <file>.LEGAL.txt beside the file, which the file names in a comment.
    legalComments: 'linked',
    logLevel: 'silent',
  });
  const files = new Map<string, Buffer>();
  for (const file of result.outputFiles) files.set(basename(file.path), Buffer.from(file.contents));
  const packages = await packagesOf(Object.keys(result.metafile.inputs), clientDir);
  return { files, packages, buildMs: Math.round(performance.now() - started) };
}

/** The npm packages (name, version, folder) that inputs of a build come from, plus esbuild itself. */
async function packagesOf(inputs: string[], clientDir: string): Promise<PackageInput[]> {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const length = parts[at + 1]?.startsWith('@') ? 3 : 2;
    dirs.add(parts.slice(0, at + length).join('/'));
  }
  const esbuildPackage = dirname(createRequire(import.meta.url).resolve('esbuild/package.json'));
  dirs.add(relative(clientDir, esbuildPackage).split(sep).join('/'));
  const packages = await Promise.all(
    [...dirs].map(async (dir) => {
      const { name, version } = JSON.parse(await readFile(join(clientDir, dir, 'package.json'), 'utf8')) as { name: string; version: string };
      return { name, version, dir };
    }),
  );
  return packages.sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * What a bundle is built from: every file of the client folder (the playground's own code) and
 * the version of every package it bundles, as now installed. The same in src/ and in the copy of
 * the client folder that `npm run build` puts in dist/.
 */
export async function playgroundInputsHash(clientDir: string, packages: readonly Pick<PackageInput, 'dir'>[]): Promise<string> {
  const hash = createHash('sha256').update(`format ${BUNDLE_FORMAT}\n`);
  for (const file of await filesUnder(clientDir)) {
    const content = await readFile(join(clientDir, file));
    hash.update(`file ${file} ${content.length}\n`).update(content);
  }
  for (const { dir } of packages) {
    let version = 'missing';
    try {
      version = (JSON.parse(await readFile(join(clientDir, dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // A package that is gone makes the bundle stale.
    }
    hash.update(`package ${dir} ${version}\n`);
  }
  return hash.digest('hex');
}

/**
 * The client folder's sources: TypeScript, CSS, JSON. Not the `.js` files that `npm run build`
 * compiles beside them in dist/ (page-config.js, which the server imports too).
 */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(tsx?|css|json)$/.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** An asset; gzipped here (zlib's default level, quicker than the build's level 9) unless given. */
async function toAsset(name: string, body: Buffer, gzipped?: Buffer): Promise<PlaygroundAsset> {
  const extension = name.slice(name.lastIndexOf('.'));
  return {
    name,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    body,
    gzipped: gzipped ?? (await gzipAsync(body)),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

function findEntry(names: Iterable<string>, entry: string, extension: string): string {
  const name = [...names].find((file) => file.startsWith(`${entry}-`) && file.endsWith(extension));
  if (!name) throw new Error(`The playground build produced no ${entry}${extension}`);
  return name;
}

function bundleOf(
  assets: Map<string, PlaygroundAsset>,
  names: Pick<PlaygroundBundleManifest, 'script' | 'stylesheet' | 'workers'>,
  rest: Pick<PlaygroundBundle, 'buildMs' | 'source' | 'inputsHash'>,
): PlaygroundBundle {
  const get = (name: string) => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`The playground bundle has no ${name}`);
    return asset;
  };
  return {
    assets,
    script: get(names.script),
    stylesheet: get(names.stylesheet),
    workers: { editor: get(names.workers.editor), json: get(names.workers.json), graphql: get(names.workers.graphql) },
    ...rest,
  };
}

function entryNames(files: Iterable<string>): Pick<PlaygroundBundleManifest, 'script' | 'stylesheet' | 'workers'> {
  const names = [...files];
  return {
    script: findEntry(names, 'playground', '.js'),
    stylesheet: findEntry(names, 'playground', '.css'),
    workers: {
      editor: findEntry(names, WORKER_ENTRIES.editor, '.js'),
      json: findEntry(names, WORKER_ENTRIES.json, '.js'),
      graphql: findEntry(names, WORKER_ENTRIES.graphql, '.js'),
    },
  };
}

/**
 * Builds the bundle and writes it to a folder (default gateway/dist/playground-bundle), each file
 * beside its gzipped copy, with a manifest naming the inputs' hash — unless the folder already
 * holds a bundle of the same inputs, which is kept. `npm run build` and `npm start` call this; the
 * folder is replaced in one rename, so a gateway never reads half a bundle.
 */
export async function writePlaygroundBundle(
  options: { dir?: string; clientDir?: string; force?: boolean } = {},
): Promise<{ reused: boolean; ms: number; dir: string; manifest: PlaygroundBundleManifest }> {
  const started = performance.now();
  const dir = options.dir ?? PLAYGROUND_BUNDLE_DIR;
  const clientDir = options.clientDir ?? PLAYGROUND_CLIENT_DIR;
  if (!options.force) {
    const manifest = await freshManifest(dir, clientDir);
    if (manifest) return { reused: true, ms: Math.round(performance.now() - started), dir, manifest };
  }
  const built = await esbuildPlayground(clientDir);
  const inputsHash = await playgroundInputsHash(clientDir, built.packages);
  const manifest: PlaygroundBundleManifest = {
    format: BUNDLE_FORMAT,
    inputsHash,
    packages: built.packages,
    ...entryNames(built.files.keys()),
    files: [...built.files.keys()].sort(),
    builtAt: new Date().toISOString(),
    buildMs: built.buildMs,
  };
  const temporary = `${dir.replace(/[/\\]$/, '')}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(temporary, { recursive: true });
  try {
    await Promise.all(
      [...built.files].map(async ([name, body]) => {
        await writeFile(join(temporary, name), body);
        await writeFile(join(temporary, `${name}.gz`), await gzipAsync(body, { level: 9 }));
      }),
    );
    await writeFile(join(temporary, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return { reused: false, ms: Math.round(performance.now() - started), dir, manifest };
}

/** The folder's manifest when it was built from the current inputs; null when absent or stale. */
async function freshManifest(dir: string, clientDir: string): Promise<PlaygroundBundleManifest | null> {
  let manifest: PlaygroundBundleManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as PlaygroundBundleManifest;
  } catch {
    return null;
  }
  if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.packages)) return null;
  return (await playgroundInputsHash(clientDir, manifest.packages)) === manifest.inputsHash ? manifest : null;
}

/** The bundle a folder holds, when it is there and up to date with the inputs; null otherwise. */
export async function readPlaygroundBundle(dir: string = PLAYGROUND_BUNDLE_DIR, clientDir: string = PLAYGROUND_CLIENT_DIR): Promise<PlaygroundBundle | null> {
  const started = performance.now();
  const manifest = await freshManifest(dir, clientDir);
  if (!manifest) return null;
  try {
    const assets = new Map<string, PlaygroundAsset>();
    await Promise.all(
      manifest.files.map(async (name) => {
        const [body, gzipped] = await Promise.all([readFile(join(dir, name)), readFile(join(dir, `${name}.gz`))]);
        assets.set(name, await toAsset(name, body, gzipped));
      }),
    );
    return bundleOf(assets, manifest, { buildMs: Math.round(performance.now() - started), source: 'disk', inputsHash: manifest.inputsHash });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

let building: Promise<PlaygroundBundle> | undefined;

/**
 * The bundle built in this process's memory, once (every gateway in it shares the build): the
 * fallback when no up-to-date bundle is on disk, e.g. a test that starts a gateway in-process
 * without `npm run build`. A failed build is retried on the next call.
 */
export function buildPlaygroundBundle(clientDir: string = PLAYGROUND_CLIENT_DIR): Promise<PlaygroundBundle> {
  building ??= (async () => {
    const built = await esbuildPlayground(clientDir);
    const assets = new Map<string, PlaygroundAsset>();
    await Promise.all([...built.files].map(async ([name, body]) => assets.set(name, await toAsset(name, body))));
    const inputsHash = await playgroundInputsHash(clientDir, built.packages);
    return bundleOf(assets, entryNames(built.files.keys()), { buildMs: built.buildMs, source: 'memory', inputsHash });
  })().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

/** The bundle on disk when it is up to date, else one built in memory. */
export async function loadPlaygroundBundle(dir: string = PLAYGROUND_BUNDLE_DIR, clientDir: string = PLAYGROUND_CLIENT_DIR): Promise<PlaygroundBundle> {
  return (await readPlaygroundBundle(dir, clientDir)) ?? buildPlaygroundBundle(clientDir);
}
