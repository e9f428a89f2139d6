import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a portal may send cross-origin: the token, JSON, Apollo's CSRF and client headers, a request id. */
const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
].join(', ');
/** Response headers a portal's script may read besides the simple ones. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-cache', 'age'].join(', ');
/** Browsers cache a preflight for this long (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * GATEWAY_CORS_ORIGINS: exact origins (`https://portal.example.gov`), comma-separated. None by
 * default: a browser page on another origin may then send requests but never read an answer.
 */
export function corsOriginsFrom(env: NodeJS.ProcessEnv, variable = 'GATEWAY_CORS_ORIGINS'): ReadonlySet<string> {
  const entries = (env[variable] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const origins = new Set<string>();
  for (const entry of entries) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    const origin = url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
    if (!origin || origin !== entry.replace(/\/$/, '')) {
      throw new Error(`${variable} must list origins like https://portal.example.gov (scheme, host, port; no path, no *), got ${JSON.stringify(entry)}`);
    }
    origins.add(origin);
  }
  return origins;
}

/**
 * Answers CORS for an allow-list of origins. An allowed origin gets `Access-Control-Allow-Origin`
 * naming it (never `*`) and its preflights answered 204; any other origin gets no CORS header
 * at all, and its preflight 403. Credentials are not allowed (no
 * `Access-Control-Allow-Credentials`): the gateway authenticates with a bearer token the page
 * sends in `Authorization`, not with cookies, so a cross-site page cannot borrow a session.
 *
 * Returns true when it answered the request (a preflight).
 */
export function createCors(origins: ReadonlySet<string>): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (origins.size > 0) res.appendHeader('vary', 'origin');
    if (origin === undefined) return false;
    const allowed = origins.has(origin);
    if (preflight) {
      if (!allowed) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Origin not allowed\n');
        return true;
      }
      res.writeHead(204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        vary: 'origin, access-control-request-method, access-control-request-headers',
      });
      res.end();
      return true;
    }
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    }
    return false;
  };
}
