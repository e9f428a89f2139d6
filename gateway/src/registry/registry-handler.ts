import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, parseJsonBody, readBody, sendGraphQLError, sendJson } from '@govgraph/kit';
import { RESERVED_SUBGRAPH_NAMES, SUBGRAPH_NAME, verifyCredential, type CredentialInfo } from '@govgraph/schema/governance';
import type { GatewayContext } from '../context.js';
import type { SupergraphRegistry } from './supergraph-registry.js';

export interface RegistryHandlerOptions {
  /** The registry, with the credential store departments and administrators authenticate against. */
  registry: SupergraphRegistry;
  /** Production: reading the graph also takes a credential (introspection is off there too). */
  production: boolean;
  maxBodyBytes: number;
}

export type RegistryHandler = (req: IncomingMessage, res: ServerResponse, context: GatewayContext) => Promise<void>;

export function isRegistryPath(path: string): boolean {
  return path === '/registry' || path.startsWith('/registry/');
}

/** Who may call a route: any valid credential, a department's (publisher), or an administrator's. */
type Required = 'any' | 'publisher' | 'admin';

/**
 * The registry over HTTP:
 * - `GET /registry/supergraph`: the supergraph served now (text; `x-govgraph-registry-version`);
 * - `GET /registry/subgraphs`: its subgraphs with SDL and routing URL (JSON), and where each came from;
 * - `POST /registry/subgraphs/<name>` `{ sdl, url }`, a department's credential for `<name>`:
 *   checked (breaking changes and data flows), then live (200 updated, 201 added), or 409 with the report;
 * - `POST /registry/subgraphs/<name>/check` `{ sdl, url? }`, as reading the graph: the same check,
 *   nothing published — 200 `{ ok, subgraph, version, report }` whatever the outcome (`govgraph check`);
 * - `GET /registry/versions`, administrator: the versions kept, who made each, what each serves;
 * - `POST /registry/rollback` `{ version }`, administrator: that version's content, live as a new version.
 * Credentials go in `Authorization: Bearer <token>`: 401 for none, an unknown or a revoked one,
 * 403 for one that does not cover the route.
 */
export function createRegistryHandler(options: RegistryHandlerOptions): RegistryHandler {
  const { registry } = options;

  /** The caller's credential when it may use the route; otherwise the refusal is sent and undefined returned. */
  async function authorise(req: IncomingMessage, res: ServerResponse, context: GatewayContext, required: Required, subgraph?: string): Promise<CredentialInfo | undefined> {
    let check;
    try {
      check = await verifyCredential(registry.credentials, bearer(req));
    } catch (error) {
      context.log.error({ err: error }, 'registry: the credential store failed');
      sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Registry unavailable: the credential store cannot be read', { 'retry-after': '5' });
      return undefined;
    }
    if (!check.ok) {
      const reason = {
        missing: 'a credential is required (Authorization: Bearer <token>)',
        malformed: 'not a registry credential',
        unknown: 'unknown credential',
        revoked: 'this credential was revoked',
      }[check.reason];
      if (check.reason !== 'missing') context.log.warn({ reason: check.reason, subgraph }, 'registry: credential refused');
      sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, `Credential refused: ${reason}`, { 'www-authenticate': 'Bearer realm="govgraph-registry"' });
      return undefined;
    }
    const { credential } = check;
    const refuse = (message: string) => {
      context.log.warn({ credential: credential.id, subgraph }, `registry: forbidden: ${message}`);
      sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, `Credential refused: ${message}`);
      return undefined;
    };
    if (required === 'admin' && credential.role !== 'admin') return refuse('this route takes an administrator credential');
    if (required === 'publisher') {
      if (credential.role !== 'publisher') return refuse('an administrator credential does not publish subgraphs');
      if (credential.subgraph !== subgraph) return refuse(`this credential publishes ${credential.subgraph}, not ${subgraph}`);
    }
    return credential;
  }

  return async function handleRegistry(req, res, context) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    if (!registry.loaded) {
      return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Gateway is not ready', { 'retry-after': '1' });
    }

    if (path === '/registry/supergraph' || path === '/registry/subgraphs') {
      if (method !== 'GET' && method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
      if (options.production && !(await authorise(req, res, context, 'any'))) return;
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

    if (path === '/registry/versions') {
      if (method !== 'GET') return notAllowed(res, 'GET');
      if (!(await authorise(req, res, context, 'admin'))) return;
      try {
        return sendJson(res, 200, await registry.versions());
      } catch (error) {
        context.log.error({ err: error }, 'registry: cannot read the versions');
        return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Registry unavailable: the registry store cannot be read', { 'retry-after': '5' });
      }
    }

    if (path === '/registry/rollback') {
      if (method !== 'POST') return notAllowed(res, 'POST');
      const admin = await authorise(req, res, context, 'admin');
      if (!admin) return;
      const body = await readJson(req, options.maxBodyBytes);
      const target = (body as { version?: unknown } | undefined)?.version;
      if (typeof target !== 'number' || !Number.isSafeInteger(target) || target < 0) {
        return badInput(res, 'The body must be JSON with the version to roll back to in "version" (0: the committed supergraph)', 'version');
      }
      return sendRollback(res, context, target, admin.id);
    }

    const match = /^\/registry\/subgraphs\/([^/]+)(\/check)?$/.exec(path);
    if (!match) return sendGraphQLError(res, 404, ErrorCode.NOT_FOUND, 'No such registry resource');
    if (method !== 'POST') return notAllowed(res, 'POST');
    const name = safeDecode(match[1]!);
    if (!name || !SUBGRAPH_NAME.test(name)) {
      return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, 'A subgraph name is lower-case words joined by dashes');
    }
    if (match[2]) return sendCheck(req, res, context, name);
    const publisher = await authorise(req, res, context, 'publisher', name);
    if (!publisher) return;
    // No credential is ever issued for a reserved name; refused here too, whatever the store holds.
    if (RESERVED_SUBGRAPH_NAMES.has(name)) {
      context.log.warn({ subgraph: name, credential: publisher.id }, 'registry: publish refused (reserved name)');
      return sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, `"${name}" is a reserved party name: no department publishes it`);
    }

    const body = (await readJson(req, options.maxBodyBytes)) as { sdl?: unknown; url?: unknown } | undefined;
    if (typeof body?.sdl !== 'string' || body.sdl.trim() === '') return badInput(res, 'The body must be JSON with the subgraph SDL in "sdl"', 'sdl');
    if (typeof body.url !== 'string' || !isHttpUrl(body.url)) return badInput(res, 'The body must give the routing URL (http or https) in "url"', 'url');

    const outcome = await registry.publish(name, body.sdl, body.url, publisher.id);
    switch (outcome.status) {
      case 'published':
        context.log.info({ subgraph: name, change: outcome.change, version: outcome.version, url: body.url, credential: publisher.id }, 'registry: subgraph published');
        return sendJson(res, outcome.change === 'added' ? 201 : 200, {
          published: true,
          subgraph: name,
          change: outcome.change,
          version: outcome.version,
          report: outcome.report,
        });
      case 'unchanged':
        return sendJson(res, 200, { published: true, subgraph: name, change: 'unchanged', version: outcome.version, report: outcome.report });
      case 'refused': {
        const undeclared = outcome.report.dataFlows?.undeclared ?? [];
        context.log.warn({ subgraph: name, summary: outcome.report.summary, credential: publisher.id }, 'registry: publish refused (check)');
        return sendJson(res, 409, {
          published: false,
          subgraph: name,
          report: outcome.report,
          errors: [
            {
              message: `Refused: ${outcome.report.summary}`,
              extensions: {
                code: ErrorCode.CONFLICT,
                affectedOperations: outcome.report.affectedOperations,
                undeclaredFlows: undeclared.map(({ kind, consumer, provider, field, via }) => ({ kind, consumer, provider, field, via })),
              },
            },
          ],
        });
      }
      case 'unavailable':
        context.log.error({ subgraph: name, reason: outcome.reason }, 'registry: publish failed');
        return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, `Registry unavailable: ${outcome.reason}`, { 'retry-after': '5' });
    }
  };

  /**
   * A dry run of a publish: the same check against the graph served now, whatever its outcome
   * 200 with the report (`ok` false when a publish would be refused). It reveals what reading the
   * graph does and changes nothing, so it takes what reading takes: nothing outside production,
   * any valid credential in production.
   */
  async function sendCheck(req: IncomingMessage, res: ServerResponse, context: GatewayContext, name: string): Promise<void> {
    const caller = options.production ? await authorise(req, res, context, 'any', name) : undefined;
    if (options.production && !caller) return;
    if (RESERVED_SUBGRAPH_NAMES.has(name)) {
      return sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, `"${name}" is a reserved party name: no department publishes it`);
    }
    const body = (await readJson(req, options.maxBodyBytes)) as { sdl?: unknown; url?: unknown } | undefined;
    if (typeof body?.sdl !== 'string' || body.sdl.trim() === '') return badInput(res, 'The body must be JSON with the subgraph SDL in "sdl"', 'sdl');
    if (body.url !== undefined && (typeof body.url !== 'string' || !isHttpUrl(body.url))) {
      return badInput(res, 'The routing URL in "url", when given, must be http or https', 'url');
    }
    const outcome = await registry.check(name, body.sdl, body.url);
    if (outcome.status === 'unavailable') {
      context.log.error({ subgraph: name, reason: outcome.reason }, 'registry: check failed');
      return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, `Registry unavailable: ${outcome.reason}`, { 'retry-after': '5' });
    }
    context.log.info({ subgraph: name, ok: outcome.report.ok, change: outcome.report.change, version: outcome.version, credential: caller?.id }, 'registry: subgraph checked');
    return sendJson(res, 200, { ok: outcome.report.ok, subgraph: name, version: outcome.version, report: outcome.report });
  }

  async function sendRollback(res: ServerResponse, context: GatewayContext, target: number, by: string): Promise<void> {
    const outcome = await registry.rollback(target, by);
    switch (outcome.status) {
      case 'rolled-back':
        context.log.warn({ restoredFrom: target, version: outcome.version, changed: outcome.report.changed, credential: by }, 'registry: rolled back');
        return sendJson(res, 200, { rolledBack: true, version: outcome.version, restoredFrom: target, report: outcome.report });
      case 'unchanged':
        return sendJson(res, 200, { rolledBack: false, version: outcome.version, restoredFrom: target, change: 'unchanged' });
      case 'unknown-version':
        return badInput(res, `Version ${target} is not kept: roll back to one of ${outcome.kept.join(', ')}`, 'version');
      case 'refused': {
        const { composition, dataFlows } = outcome.report;
        const reasons = [
          ...(composition.ok ? [] : [`it does not compose (${composition.errors.join('; ')})`]),
          ...(dataFlows?.undeclared.length
            ? [`undeclared data flows: ${dataFlows.undeclared.map((f) => `${f.field} (${f.kind}, ${f.provider} → ${f.consumer})`).join(', ')}`]
            : []),
        ];
        context.log.warn({ target, reasons, credential: by }, 'registry: rollback refused');
        return sendJson(res, 409, {
          rolledBack: false,
          report: outcome.report,
          errors: [{ message: `Refused: version ${target} ${reasons.join('; ')}`, extensions: { code: ErrorCode.CONFLICT } }],
        });
      }
      case 'unavailable':
        context.log.error({ target, reason: outcome.reason }, 'registry: rollback failed');
        return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, `Registry unavailable: ${outcome.reason}`, { 'retry-after': '5' });
    }
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const parsed = parseJsonBody(await readBody(req, maxBytes));
  return parsed.ok ? parsed.value : undefined;
}

function badInput(res: ServerResponse, message: string, field: string): void {
  sendJson(res, 400, { errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, field } }] });
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
