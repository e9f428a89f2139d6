import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { BodyTooLargeError, ErrorCode, executeThroughApollo, parseJsonBody, readBody, sendGraphQLError, sendJson, type Logger } from '@govgraph/kit';
import type { GatewayContext } from '../context.js';
import { RequestRefusal, type ParsedOperations } from '../plugins/gateway-plugin.js';
import type { PluginPipeline } from '../plugins/plugin-pipeline.js';
import { requestIdFrom } from '../request-id.js';
import { clientAddress } from '../client-address.js';
import { requestPath } from './http-listener.js';
import { isDocumentsPath, type DocumentsHandler } from '../documents/documents-handler.js';
import type { Playground } from '../playground/create-playground.js';
import { isRegistryPath, type RegistryHandler } from '../registry/registry-handler.js';
import { isReportsPath, type ReportsHandler } from '../reports/reports-handler.js';
import { setSecurityHeaders } from './security-headers.js';

export interface RequestHandlerDeps {
  apollo: ApolloServer<GatewayContext>;
  /** Every feature's hooks: the raw request, then the parsed operations, before Apollo; a body too large. */
  pipeline: Pick<PluginPipeline, 'request' | 'operations' | 'bodyTooLarge'>;
  log: Logger;
  /** Whose executor runs the plans (GATEWAY_EXECUTOR), told to engine/execute/install-executor.ts through each request's context. */
  planExecutor: GatewayContext['planExecutor'];
  maxBodyBytes: number;
  trustedProxies: ReadonlySet<string>;
  /** True once the supergraph is loaded, false again while shutting down. */
  isReady(): boolean;
  /** GET /metrics: the gateway's series and Node's runtime metrics, in Prometheus' text format. */
  metrics?: { metrics(): Promise<string>; readonly contentType: string };
  /** `/documents` and `/documents/<id>`: uploads and downloads streamed to the applications subgraph. */
  documents?: DocumentsHandler;
  /** `/playground`, its assets, and the page a browser's GET of `/graphql` gets; absent in production. */
  playground?: Playground;
  /** `/reports/annual-report/<code>/<year>.html|.pdf`: the disclosure annual report, through the graph. */
  reports?: ReportsHandler;
  /** `/registry/…`: the live supergraph, and departments publishing their subgraphs. */
  registry?: RegistryHandler;
  /** `/readyz` with the subgraphs probed (http/readiness.ts); without it, readiness is isReady(). */
  readiness?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** CORS for the allow-listed origins (http/cors.ts); true when it answered (a preflight). */
  cors?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Keeps the client's Authorization header in the context, for the subgraphs configured to receive it. */
  keepAuthorization?: boolean;
}

/** node:http handler: `/graphql`, `/documents`, `/reports`, `/playground`, `/healthz`, `/readyz`; every answer carries x-request-id. */
export function createRequestHandler(deps: RequestHandlerDeps) {
  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, context: GatewayContext): Promise<void> {
    if (!deps.isReady()) {
      return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Gateway is not ready', { 'retry-after': '1' });
    }
    await deps.pipeline.request(req, context);
    let body: unknown;
    if (req.method === 'POST') {
      const parsed = parseJsonBody(await readBody(req, deps.maxBodyBytes));
      if (!parsed.ok) return sendGraphQLError(res, 400, 'BAD_REQUEST', 'Body is not valid JSON');
      body = parsed.value;
    }
    await deps.pipeline.operations(operationsOf(req, body), context);
    await executeThroughApollo(deps.apollo, req, res, body, async () => context);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const path = requestPath(req);
    const context: GatewayContext = {
      requestId,
      claims: null,
      clientAddress: clientAddress(req, deps.trustedProxies),
      log: deps.log.child({ requestId }),
      planExecutor: deps.planExecutor,
    };
    const authorization = req.headers.authorization;
    if (deps.keepAuthorization && authorization !== undefined) context.authorization = authorization;
    res.setHeader('x-request-id', requestId);
    setSecurityHeaders(res);
    res.once('finish', () => {
      const entry = { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      // Probes every few seconds would drown the access log.
      if (path === '/graphql' || isDocumentsPath(path) || isReportsPath(path)) context.log.info(entry, 'request');
      else context.log.debug(entry, 'request');
    });
    try {
      if (deps.cors?.(req, res)) return;
      if (deps.playground?.handles(req, path)) return await deps.playground.handle(req, res, path);
      if (path === '/graphql') return await handleGraphQL(req, res, context);
      if (deps.documents && isDocumentsPath(path)) return await deps.documents(req, res, context);
      if (deps.reports && isReportsPath(path)) {
        if (!deps.isReady()) return sendGraphQLError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Gateway is not ready', { 'retry-after': '1' });
        return await deps.reports(req, res, context);
      }
      if (deps.registry && isRegistryPath(path)) return await deps.registry(req, res, context);
      if (path === '/metrics' && deps.metrics) {
        const body = await deps.metrics.metrics();
        res.writeHead(200, { 'content-type': deps.metrics.contentType, 'cache-control': 'no-store' });
        return void res.end(body);
      }
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
      if (path === '/readyz') {
        if (deps.readiness) return await deps.readiness(req, res);
        return deps.isReady() ? sendJson(res, 200, { status: 'ready', service: 'gateway' }) : sendJson(res, 503, { status: 'not ready', service: 'gateway' });
      }
      return sendGraphQLError(res, 404, ErrorCode.NOT_FOUND, 'Nothing is served at this path');
    } catch (caught) {
      let error = caught;
      if (res.headersSent) {
        context.log.error({ err: error, path }, 'request failed after the answer started');
        return void res.destroy();
      }
      if (error instanceof BodyTooLargeError) {
        const declared = Number(req.headers['content-length']);
        error = deps.pipeline.bodyTooLarge(error.limitBytes, Number.isSafeInteger(declared) ? declared : undefined) ?? error;
      }
      if (error instanceof RequestRefusal) {
        const extensions = { ...error.extensions, code: error.code };
        return sendJson(res, error.status, { errors: [{ message: error.message, extensions }] }, error.headers);
      }
      if (error instanceof BodyTooLargeError) {
        return sendGraphQLError(res, 413, 'BAD_REQUEST', `Request body exceeds ${error.limitBytes} bytes`, { connection: 'close' });
      }
      context.log.error({ err: error, path }, 'request failed');
      sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}

/** A POST body (an array for a batch) or a GET's query parameters, as the plugins' second stage sees them. */
function operationsOf(req: IncomingMessage, body: unknown): ParsedOperations {
  if (req.method !== 'POST') return { operations: [Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams)], batch: false };
  return Array.isArray(body) ? { operations: body, batch: true } : { operations: [body], batch: false };
}
