import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/** One file of the bundle, served from memory under `/playground/assets/<name>`. */
export interface PlaygroundAsset {
  name: string;
  contentType: string;
  body: Buffer;
  /** The same body gzipped, for clients that accept it. */
  gzipped: Buffer;
  etag: string;
}

export interface PlaygroundBundle {
  /** By file name: the script, the stylesheet and their license notices. */
  assets: ReadonlyMap<string, PlaygroundAsset>;
  script: PlaygroundAsset;
  stylesheet: PlaygroundAsset;
  buildMs: number;
}

const ENTRY = fileURLToPath(new URL('./client/main.tsx', import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const gzipAsync = promisify(gzip);

let building: Promise<PlaygroundBundle> | undefined;

/**
 * GraphiQL, React and the playground's own code as one script and one stylesheet, built with
 * esbuild from the installed packages on first use and kept in memory for the life of the
 * process (every gateway in it shares the build). No file is written and nothing is fetched:
 * GraphiQL's fonts are inlined in its stylesheet. A failed build is retried on the next call.
 */
export function buildPlaygroundBundle(): Promise<PlaygroundBundle> {
  building ??= build().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function build(): Promise<PlaygroundBundle> {
  const started = performance.now();
  // Loaded here, not at the top: a production gateway, which serves no playground, never loads it.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    outdir: 'playground',
    entryNames: 'playground-[hash]',
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Licence headers go to <file>.LEGAL.txt beside the file, which the file names in a comment.
    legalComments: 'linked',
    logLevel: 'silent',
  });
  const assets = new Map<string, PlaygroundAsset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    const extension = name.slice(name.lastIndexOf('.'));
    const body = Buffer.from(file.contents);
    assets.set(name, {
      name,
      contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      body,
      gzipped: await gzipAsync(body),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  }
  const script = [...assets.values()].find((asset) => asset.name.endsWith('.js'));
  const stylesheet = [...assets.values()].find((asset) => asset.name.endsWith('.css'));
  if (!script || !stylesheet) throw new Error('The playground build produced no script or no stylesheet');
  return { assets, script, stylesheet, buildMs: Math.round(performance.now() - started) };
}
