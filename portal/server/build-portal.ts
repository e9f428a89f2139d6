import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file of the portal's bundle, served under `/assets/<name>`. */
export interface PortalAsset {
  name: string;
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export interface PortalBundle {
  assets: ReadonlyMap<string, PortalAsset>;
  script: PortalAsset;
  stylesheet: PortalAsset | undefined;
  buildMs: number;
}

const ENTRY = fileURLToPath(new URL('../web/main.tsx', import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The reference portal (React, urql, the client kit) as one script and one stylesheet, built by
 * esbuild from the installed packages in memory: a few hundred milliseconds, so the server builds
 * it as it starts and nothing needs to be built beforehand. Nothing is fetched from anywhere.
 */
export async function buildPortalBundle(): Promise<PortalBundle> {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    outdir: 'assets',
    entryNames: 'portal-[hash]',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'silent',
  });
  const assets = new Map<string, PortalAsset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    const body = Buffer.from(file.contents);
    assets.set(name, {
      name,
      contentType: CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream',
      body,
      gzipped: gzipSync(body, { level: 9 }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  }
  const script = [...assets.values()].find((asset) => asset.name.endsWith('.js'));
  if (!script) throw new Error('The portal build produced no script');
  const stylesheet = [...assets.values()].find((asset) => asset.name.endsWith('.css'));
  return { assets, script, stylesheet, buildMs: Math.round(performance.now() - started) };
}
