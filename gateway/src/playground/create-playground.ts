import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@govgraph/kit';
import { loadPlaygroundBundle, type PlaygroundBundle } from './build-playground-bundle.js';
import type { PlaygroundExample, PlaygroundPageConfig } from './client/page-config.js';
import { playgroundContentSecurityPolicy } from './content-security-policy.js';
import { loadExamples } from './load-examples.js';
import { withGeneratedTypes } from './load-generated-types.js';
import { resolvePlaygroundOptions, type PlaygroundOptions } from './playground-options.js';
import { prefersHtml } from './prefers-html.js';
import { ASSETS_RELATIVE_URL, renderPlaygroundPage } from './render-playground-page.js';

export const PLAYGROUND_PATH = '/playground';
const ASSETS_PREFIX = `${PLAYGROUND_PATH}/assets/`;
const GRAPHQL_PATH = '/graphql';

/** Used when the contract's login operation cannot be read; the same selection. */
const FALLBACK_LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt account { id displayName roles } }
}`;

export interface Playground {
  /** `/playground`, `/playground/assets/…`, or a browser's GET of `/graphql` (Accept prefers text/html). */
  handles(req: IncomingMessage, path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

export interface PlaygroundDeps {
  log?: Logger;
}

/**
 * The offline GraphiQL playground. The bundle is read on the first request from the folder that
 * `npm run build` and `npm start` write (or built in memory when that folder holds no up-to-date
 * bundle; see build-playground-bundle.ts), and every file comes from this gateway: the page's
 * Content-Security-Policy allows no other origin. Not created at all with NODE_ENV=production.
 */
export function createPlayground(options: PlaygroundOptions = {}, deps: PlaygroundDeps = {}): Playground {
  const resolved = resolvePlaygroundOptions(options);
  let content: Promise<{ bundle: PlaygroundBundle; examples: PlaygroundExample[]; loginOperation: string }> | undefined;

  function load() {
    content ??= (async () => {
      const [bundle, examples, loginOperation] = await Promise.all([
        loadPlaygroundBundle(resolved.bundleDir),
        loadExamples(resolved.operationsDir, resolved.exampleVariables).then((found) => withGeneratedTypes(found, resolved.generatedTypesDir)),
        readFile(join(resolved.operationsDir, resolved.loginOperationFile), 'utf8').catch(() => FALLBACK_LOGIN),
      ]);
      deps.log?.info(
        {
          bundle: bundle.source,
          buildMs: bundle.buildMs,
          scriptBytes: bundle.script.body.length,
          stylesheetBytes: bundle.stylesheet.body.length,
          examples: examples.length,
          typedExamples: examples.filter((example) => example.typescript).length,
        },
        'playground ready',
      );
      return { bundle, examples, loginOperation };
    })().catch((error: unknown) => {
      content = undefined;
      throw error;
    });
    return content;
  }

  async function sendPage(req: IncomingMessage, res: ServerResponse, vary: boolean): Promise<void> {
    const { bundle, examples, loginOperation } = await load();
    const styleNonce = randomBytes(16).toString('base64');
    const config: PlaygroundPageConfig = {
      endpoint: GRAPHQL_PATH.slice(1),
      loginOperation,
      demoAccounts: [...resolved.demoAccounts],
      demoPassword: resolved.demoPassword,
      examples,
      styleNonce,
      workers: {
        editor: `${ASSETS_RELATIVE_URL}${bundle.workers.editor.name}`,
        json: `${ASSETS_RELATIVE_URL}${bundle.workers.json.name}`,
        graphql: `${ASSETS_RELATIVE_URL}${bundle.workers.graphql.name}`,
      },
    };
    const html = Buffer.from(renderPlaygroundPage({ scriptName: bundle.script.name, stylesheetName: bundle.stylesheet.name, config }));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': html.length,
      'content-security-policy': playgroundContentSecurityPolicy(styleNonce),
      // The nonce is new on every answer: nothing may keep the page.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      ...(vary ? { vary: 'accept' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  async function sendAsset(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const { bundle } = await load();
    const asset = bundle.assets.get(name);
    if (!asset) return sendText(res, 404, 'Not found');
    const headers: Record<string, string | number> = {
      'content-type': asset.contentType,
      etag: asset.etag,
      // The script and stylesheet are named by their content; a new build has new names.
      'cache-control': asset.name.endsWith('.txt') ? 'no-cache' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      vary: 'accept-encoding',
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const body = acceptsGzip(req) ? asset.gzipped : asset.body;
    if (body === asset.gzipped) headers['content-encoding'] = 'gzip';
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return {
    handles(req, path) {
      return path === PLAYGROUND_PATH || path.startsWith(`${PLAYGROUND_PATH}/`) || (path === GRAPHQL_PATH && prefersHtml(req));
    },
    async handle(req, res, path) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      }
      try {
        if (path === PLAYGROUND_PATH) return await sendPage(req, res, false);
        if (path === GRAPHQL_PATH) return await sendPage(req, res, true);
        if (path.startsWith(ASSETS_PREFIX)) return await sendAsset(req, res, path.slice(ASSETS_PREFIX.length));
        if (path === `${PLAYGROUND_PATH}/`) return sendText(res, 308, 'See /playground', { location: '../playground' });
        return sendText(res, 404, 'Not found');
      } catch (error) {
        deps.log?.error({ err: error }, 'the playground could not be built');
        return sendText(res, 500, "The playground could not be built; the gateway's log says why.");
      }
    },
  };
}

/** Accept-Encoding names gzip (or *) without q=0. */
function acceptsGzip(req: IncomingMessage): boolean {
  return String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .some((entry) => {
      const [coding = '', ...parameters] = entry.split(';').map((piece) => piece.trim().toLowerCase());
      return (coding === 'gzip' || coding === '*') && !parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
    });
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}
