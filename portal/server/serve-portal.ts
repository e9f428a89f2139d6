import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildPortalBundle, type PortalAsset, type PortalBundle } from './build-portal.js';
import { portalContentSecurityPolicy, renderPortalPage } from './portal-page.js';

export interface PortalServerOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The gateway's GraphQL URL the page talks to; may be set after listening (`setGatewayUrl`). */
  gatewayUrl: string;
}

export interface RunningPortal {
  /** e.g. http://127.0.0.1:4100 — the origin the gateway must allow (GATEWAY_CORS_ORIGINS). */
  url: string;
  bundle: PortalBundle;
  setGatewayUrl(url: string): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Serves the reference portal: the page at every path that is not an asset (the app routes on the
 * URL's hash), the bundle under /assets/ (immutable: the names carry a hash), gzipped when the
 * browser accepts it. GET and HEAD only.
 */
export async function startPortalServer(options: PortalServerOptions): Promise<RunningPortal> {
  const bundle = await buildPortalBundle();
  let gatewayUrl = options.gatewayUrl;
  let page = renderPortalPage(bundle, gatewayUrl);

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/assets/')) {
      const asset = bundle.assets.get(path.slice('/assets/'.length));
      if (!asset) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('not found');
        return;
      }
      sendAsset(req, res, asset);
      return;
    }
    if (path === '/healthz' || path === '/readyz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': portalContentSecurityPolicy(gatewayUrl),
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    bundle,
    setGatewayUrl(url: string) {
      gatewayUrl = url;
      page = renderPortalPage(bundle, gatewayUrl);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: PortalAsset): void {
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, { etag: asset.etag }).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': String(body.length),
    'cache-control': 'public, max-age=31536000, immutable',
    etag: asset.etag,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...SECURITY_HEADERS,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
