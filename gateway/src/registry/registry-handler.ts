import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, parseJsonBody, readBody, sendGraphQLError, sendJson } from '@govgraph/kit';
import { openPublishKey, SUBGRAPH_NAME, verifyPublishKey } from '@govgraph/schema/governance';
import type { GatewayContext } from '../context.js';
import type { SupergraphRegistry } from './supergraph-registry.js';

export interface RegistryHandlerOptions {
  registry: SupergraphRegistry;
  /** The graph's shared secret: publish keys are derived from it. */
  secret: string;
  /** Production: reading the graph also takes a publish key (introspection is off there too). */
  production: boolean;
  maxBodyBytes: number;
}

export type RegistryHandler = (req: IncomingMessage, res: ServerResponse, context: GatewayContext) => Promise<void>;

export function isRegistryPath(path: string): boolean {
  return path === '/registry' || path.startsWith('/registry/');
}

/**
 * The registry over HTTP:
 * - `GET /registry/supergraph`: the supergraph served now (text; `x-govgraph-registry-version`);
 * - `GET /registry/subgraphs`: its subgraphs with SDL and routing URL (JSON), what `check --gateway` reads;
 * - `POST /registry/subgraphs/<name>` `{ sdl, url }` with `Authorization: Bearer <publish key>`:
 *   checked, then live (200 updated, 201 added), or 409 with the report, 401/403 for the key.
 */
export function createRegistryHandler(options: RegistryHandlerOptions): RegistryHandler {
  const { registry } = options;

  return async function handleRegistry(req, res, context) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    if (!registry.loaded) {
      return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Gateway is not ready', { 'retry-after': '1' });
    }

    if (path === '/registry/supergraph' || path === '/registry/subgraphs') {
      if (method !== 'GET' && method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
      if (options.production) {
        const opened = openPublishKey(options.secret, bearer(req));
        if (!opened.ok) return refuseKey(res, opened.status, opened.reason);
      }
      if (path === '/registry/supergraph') {
        const { version, supergraphSdl } = registry.current();
        res.writeHead(200, {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': Buffer.byteLength(supergraphSdl),
          'x-govgraph-registry-version': String(version),
        });
        return void res.end(method === 'HEAD' ? undefined : supergraphSdl);
      }
      const listing = registry.listing();
      if (!listing.ok) return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, `Registry unavailable: ${listing.reason}`);
      return sendJson(res, 200, { version: listing.version, subgraphs: listing.subgraphs });
    }

    const match = /^\/registry\/subgraphs\/([^/]+)$/.exec(path);
    if (!match) return sendGraphQLError(res, 404, ErrorCode.NOT_FOUND, 'No such registry resource');
    if (method !== 'POST') return notAllowed(res, 'POST');
    const name = safeDecode(match[1]!);
    if (!name || !SUBGRAPH_NAME.test(name)) {
      return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, 'A subgraph name is lower-case words joined by dashes');
    }
    const key = verifyPublishKey(options.secret, name, bearer(req));
    if (!key.ok) {
      context.log.warn({ subgraph: name, reason: key.reason }, 'registry: publish refused (key)');
      return refuseKey(res, key.status, key.reason);
    }

    const parsed = parseJsonBody(await readBody(req, options.maxBodyBytes));
    const body = parsed.ok ? (parsed.value as { sdl?: unknown; url?: unknown } | undefined) : undefined;
    if (typeof body?.sdl !== 'string' || body.sdl.trim() === '') {
      return sendJson(res, 400, { errors: [{ message: 'The body must be JSON with the subgraph SDL in "sdl"', extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'sdl' } }] });
    }
    if (typeof body.url !== 'string' || !isHttpUrl(body.url)) {
      return sendJson(res, 400, { errors: [{ message: 'The body must give the routing URL (http or https) in "url"', extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'url' } }] });
    }

    const outcome = await registry.publish(name, body.sdl, body.url);
    switch (outcome.status) {
      case 'published':
        context.log.info({ subgraph: name, change: outcome.change, version: outcome.version, url: body.url }, 'registry: subgraph published');
        return sendJson(res, outcome.change === 'added' ? 201 : 200, {
          published: true,
          subgraph: name,
          change: outcome.change,
          version: outcome.version,
          report: outcome.report,
        });
      case 'unchanged':
        return sendJson(res, 200, { published: true, subgraph: name, change: 'unchanged', version: outcome.version, report: outcome.report });
      case 'refused':
        context.log.warn({ subgraph: name, summary: outcome.report.summary }, 'registry: publish refused (check)');
        return sendJson(res, 409, {
          published: false,
          subgraph: name,
          report: outcome.report,
          errors: [{ message: `Refused: ${outcome.report.summary}`, extensions: { code: ErrorCode.CONFLICT, affectedOperations: outcome.report.affectedOperations } }],
        });
      case 'unavailable':
        context.log.error({ subgraph: name, reason: outcome.reason }, 'registry: publish failed');
        return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, `Registry unavailable: ${outcome.reason}`, { 'retry-after': '5' });
    }
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function refuseKey(res: ServerResponse, status: 401 | 403, reason: string): void {
  if (status === 401) {
    return sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, `Publish key refused: ${reason}`, { 'www-authenticate': 'Bearer realm="govgraph-registry"' });
  }
  sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, `Publish key refused: ${reason}`);
}

function notAllowed(res: ServerResponse, allow: string): void {
  sendGraphQLError(res, 405, 'BAD_REQUEST', 'Method not allowed here', { allow });
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
