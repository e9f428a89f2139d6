import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { createErrorFormatter } from './format-error.js';
import { refuseOperationWithoutRoot } from './refuse-operation-without-root.js';
import { refuseUnsafeStrings } from './input-strings/refuse-unsafe-strings.js';
import type { Logger } from './logger.js';
import type { Claims } from './trust/claims.js';
import { ErrorCode } from './errors.js';
import { type CheckVerdict, createDirectExecution, type RequestCheck } from './graphql/direct-execution.js';
import { verifyRequest } from './trust/gateway-signature.js';
import type { NonceStore } from './trust/replay-guard.js';
import type { TrustStore } from './trust/trust-store.js';
import { verifyRouteRequest } from './trust/route-signature.js';
import { sendMetrics, signedRequestRefusal, withProcessMetrics } from './metrics/index.js';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { activeSpan, extractTraceContext, serviceTracer, withServiceSpan } from './tracing/service-tracing.js';
import { traceRootResolvers } from './tracing/resolver-spans.js';
import {
  BodySignatureError,
  BodyTooLargeError,
  answerClientErrors,
  closeServer,
  executeThroughApollo,
  listen,
  parseJsonBody,
  readBody,
  sendGraphQLError,
  sendJson,
  verifiedBody,
} from './http/index.js';

export interface SubgraphContext<Loaders = unknown, Services = unknown> {
  /** Verified by the gateway; null for an anonymous caller. */
  claims: Claims | null;
  requestId: string;
  /** The portal client's address, as the gateway saw it (signed). */
  clientAddress: string | null;
  log: Logger;
  /** Fresh per request, so batching never leaks data between callers. */
  loaders: Loaders;
  /** Long-lived: repositories, keys, clock. Shared by every request. */
  services: Services;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** What a signed route's handler learns about the request, all of it vouched for by the gateway. */
export interface SignedRouteContext {
  claims: Claims | null;
  requestId: string;
  clientAddress: string | null;
  log: Logger;
  /**
   * The request body, checked against the gateway's body trailer as it ends (empty when the
   * gateway sent none). It fails with BodySignatureError instead of ending when the body is not
   * the one the gateway signed: commit nothing before it has ended.
   */
  body: Readable;
}

export type SignedRouteHandler = (req: IncomingMessage, res: ServerResponse, context: SignedRouteContext) => void | Promise<void>;

/** A route only the gateway may call, e.g. applications' documents. */
export interface SignedRoute {
  method: string;
  /** An exact path, or a prefix when it ends with '/' ('/documents/' matches '/documents/D-1'). */
  path: string;
  /** Largest body taken (default: the subgraph's maxBodyBytes); more fails with BodyTooLargeError. */
  maxBodyBytes?: number;
  handler: SignedRouteHandler;
}

export interface SubgraphOptions<Loaders, Services> {
  name: string;
  schema: GraphQLSchema;
  /** The trust list: the gateway's public key verifies the signature on every request. */
  trust: TrustStore;
  /** Where accepted nonces are remembered (every replica of the subgraph shares it with Redis). */
  nonces: NonceStore;
  log: Logger;
  services: Services;
  /** Called per request: fresh DataLoaders, so batching never mixes callers. */
  createLoaders: (services: Services) => Loaders;
  /** Readiness: throws when a dependency (the database) is not answering. */
  checkReady?: () => Promise<void>;
  /** Public GET routes besides GraphQL and health, e.g. identity's JWKS. */
  routes?: Record<string, RouteHandler>;
  /** Routes besides GraphQL that answer only requests signed by the gateway (any method). */
  signedRoutes?: SignedRoute[];
  maxBodyBytes?: number;
  /**
   * Checks before any resolver runs, e.g. identity's "the authorisation is still in force": throw
   * a GraphQLError to refuse (its `extensions.http.status` sets the HTTP status, as in Apollo Server).
   */
  requestChecks?: RequestCheck<SubgraphContext<Loaders, Services>>[];
  /** Extra Apollo Server plugins. A subgraph with any runs every request through Apollo Server's pipeline. */
  plugins?: ApolloServerPlugin<SubgraphContext<Loaders, Services>>[];
  /**
   * 'direct' (default): ordinary requests run straight through graphql-js (graphql/direct-execution.ts),
   * the rest through Apollo Server; 'apollo': every request through Apollo Server (GOVGRAPH_SUBGRAPH_PIPELINE).
   */
  pipeline?: 'direct' | 'apollo';
  /** Graceful shutdown hook, after the HTTP server stopped (close the database). */
  onClose?: () => Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

export interface Subgraph {
  listen(port: number, host: string): Promise<RunningSubgraph>;
}

const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The path of a request target; '' for a target that is no path (`GET //`, answered 404), where `new URL` throws. */
function pathOf(target: string): string {
  return URL.canParse(target, 'http://localhost') ? new URL(target, 'http://localhost').pathname : '';
}

/**
 * The checks' verdict on a request the direct path handed on, carried on the context itself: Apollo
 * Server copies the context it is given (own properties, symbols included), so a WeakMap keyed by
 * the object would never find it again.
 */
const CHECK_VERDICT = Symbol('govgraph.checkVerdict');

/** GOVGRAPH_SUBGRAPH_PIPELINE=apollo sends every request through Apollo Server (to compare, or to rule the direct path out). */
function pipelineFromEnvironment(): 'direct' | 'apollo' {
  const setting = process.env.GOVGRAPH_SUBGRAPH_PIPELINE;
  if (setting === undefined || setting === '' || setting === 'direct') return 'direct';
  if (setting === 'apollo') return 'apollo';
  throw new Error(`GOVGRAPH_SUBGRAPH_PIPELINE must be direct or apollo, not ${JSON.stringify(setting)}`);
}

/**
 * Serves a subgraph schema over HTTP: `/graphql` for requests signed by the gateway, `/healthz`,
 * `/readyz` and `/metrics` (Prometheus; no personal data) for operators, any public GET routes
 * the subgraph adds, and signed routes (any method, streamed bodies checked against the
 * gateway's trailer).
 */
export async function createSubgraph<Loaders, Services>(options: SubgraphOptions<Loaders, Services>): Promise<Subgraph> {
  const { log } = options;
  type Context = SubgraphContext<Loaders, Services>;
  const formatError = createErrorFormatter(log, options.name);
  const checks = options.requestChecks ?? [];
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No department gives cache hints, and the plugin's per-field hook was ~2 % of a subgraph's CPU.
      ApolloServerPluginCacheControlDisabled(),
      refuseOperationWithoutRoot(),
      refuseUnsafeStrings(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, document, operation, request }) {
              const verdict = (contextValue as { [CHECK_VERDICT]?: CheckVerdict })[CHECK_VERDICT];
              if (verdict === 'passed') return;
              if (verdict) throw verdict.refusal;
              if (!operation) return;
              for (const check of checks) await check({ context: contextValue, document, operation, variables: request.variables ?? {} });
            },
          };
        },
      },
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  const directly =
    (options.pipeline ?? pipelineFromEnvironment()) === 'direct' && !options.plugins?.length
      ? createDirectExecution<Context>({
          schema: options.schema,
          formatError,
          checks,
          checked: (context, verdict) => void ((context as { [CHECK_VERDICT]?: CheckVerdict })[CHECK_VERDICT] = verdict),
        })
      : null;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const metrics = withProcessMetrics(options.name);
  // Set when the service traces (startService registered its tracer before creating the server).
  const tracer = serviceTracer(options.name);
  if (tracer) traceRootResolvers(options.schema, tracer);

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      return sendGraphQLError(res, 405, 'BAD_REQUEST', 'Subgraphs accept only POST from the gateway', { allow: 'POST' });
    }
    const raw = await readBody(req, maxBodyBytes);
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const checked = verifyRequest(options.trust, options.name, header, raw);
    // Only a correctly signed request's nonce is remembered: forged ones cannot fill the guard.
    const verified = checked.ok && !(await options.nonces.firstSight(checked.nonce)) ? { ok: false as const, reason: 'replayed gateway signature' } : checked;
    if (!verified.ok) {
      metrics.signedRequestsRefused.inc({ reason: signedRequestRefusal(verified.reason) });
      log.warn({ reason: verified.reason, remote: req.socket.remoteAddress }, 'refused unsigned request');
      return sendGraphQLError(res, 401, 'UNAUTHENTICATED', `Request refused: ${verified.reason}; subgraphs answer only the gateway`);
    }
    activeSpan()?.setAttribute('govgraph.request_id', verified.requestId);
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return sendGraphQLError(res, 400, 'BAD_REQUEST', 'Body is not valid JSON');
    let requestLog: Logger | undefined;
    const context: SubgraphContext<Loaders, Services> = {
      claims: verified.claims,
      requestId: verified.requestId,
      clientAddress: verified.clientAddress,
      // Made when first used: most requests log nothing, and a child logger per request showed in the profile.
      get log() {
        requestLog ??= log.child({ requestId: verified.requestId });
        return requestLog;
      },
      loaders: options.createLoaders(options.services),
      services: options.services,
    };
    const answer = directly ? await directly(parsed.value, context) : null;
    if (answer) {
      res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
      res.end(answer.body);
      return;
    }
    await executeThroughApollo(apollo, req, res, parsed.value, async () => context);
  }

  function matches(route: SignedRoute, path: string): boolean {
    return route.path.endsWith('/') ? path.startsWith(route.path) && path.length > route.path.length : path === route.path;
  }

  async function handleSigned(req: IncomingMessage, res: ServerResponse, routes: SignedRoute[]): Promise<void> {
    const method = req.method ?? 'GET';
    const route = routes.find((r) => r.method === method);
    if (!route) {
      const allow = [...new Set(routes.map((r) => r.method))].join(', ');
      return sendGraphQLError(res, 405, 'BAD_REQUEST', `Method ${method} not allowed here`, { allow, connection: 'close' });
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const checked = verifyRouteRequest(options.trust, options.name, header, { method, target: req.url ?? '/' });
    const verified = checked.ok && !(await options.nonces.firstSight(checked.nonce)) ? { ok: false as const, reason: 'replayed gateway signature' } : checked;
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    const refusal = !verified.ok ? verified.reason : verified.body === 'none' && hasBody ? 'body not covered by the signature' : null;
    if (!verified.ok || refusal) {
      metrics.signedRequestsRefused.inc({ reason: signedRequestRefusal(refusal ?? '') });
      log.warn({ reason: refusal, remote: req.socket.remoteAddress, method }, 'refused unsigned request');
      // Nothing of an unsigned body is read: answer and close.
      return sendGraphQLError(res, 401, 'UNAUTHENTICATED', `Request refused: ${refusal}; subgraphs answer only the gateway`, { connection: 'close' });
    }
    activeSpan()?.setAttribute('govgraph.request_id', verified.requestId);
    const body =
      verified.body === 'trailer'
        ? verifiedBody(req, {
            trust: options.trust,
            seal: { requestId: verified.requestId, signature: verified.signature },
            trailers: () => req.trailers,
            maxBytes: route.maxBodyBytes ?? maxBodyBytes,
          })
        : Readable.from([]);
    try {
      await route.handler(req, res, {
        claims: verified.claims,
        requestId: verified.requestId,
        clientAddress: verified.clientAddress,
        log: log.child({ requestId: verified.requestId }),
        body,
      });
      if (!res.headersSent) {
        // The sender went away mid-body (nothing to answer), or the handler forgot to answer.
        if (!req.complete) return void res.destroy();
        log.error({ path: req.url, method }, 'signed route handler returned without answering');
        sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    } finally {
      // A handler that answered before reading the whole body (a refusal): discard the rest, so
      // the gateway's request completes and the connection stays usable.
      if (!req.complete && !req.destroyed) req.resume();
    }
  }

  /** The metric label and span name of a path: a route the service serves, or "other" (bounded whatever clients ask for). */
  function routeOf(path: string): string {
    if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
    if (options.routes?.[path]) return path;
    return options.signedRoutes?.find((r) => matches(r, path))?.path ?? 'other';
  }

  /**
   * Counts and times every request; a request to GraphQL or a signed route is also traced when the
   * service traces: a server span continuing the gateway's `traceparent`, active while it is
   * served, so the resolvers' and the database's spans are its children.
   */
  async function observe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = pathOf(req.url ?? '/');
    const route = routeOf(path);
    const method = req.method ?? 'GET';
    const traced = tracer && (route === '/graphql' || (options.signedRoutes?.some((r) => r.path === route) ?? false));
    const span = traced
      ? tracer.startSpan(
          `${method} ${route}`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route, 'url.path': route } },
          extractTraceContext(req.headers),
        )
      : undefined;
    res.once('close', () => {
      const status = res.headersSent ? res.statusCode : 0;
      metrics.requests.inc({ route, method: /^[A-Z]{1,10}$/.test(method) ? method : 'other', status: String(status) });
      metrics.requestSeconds.observe({ route }, (performance.now() - started) / 1000);
      if (!span) return;
      span.setAttribute('http.response.status_code', status);
      if (status >= 500 || status === 0) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    if (!span || !tracer) return handle(req, res, path);
    return withServiceSpan(span, tracer, () => handle(req, res, path));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      if (path === '/graphql') return await handleGraphQL(req, res);
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: options.name });
      if (path === '/metrics' && req.method === 'GET') return await sendMetrics(res, metrics.registry);
      if (path === '/readyz') {
        try {
          await options.checkReady?.();
          return sendJson(res, 200, { status: 'ready', service: options.name });
        } catch {
          return sendJson(res, 503, { status: 'not ready', service: options.name });
        }
      }
      const route = options.routes?.[path];
      if (route && req.method === 'GET') return await route(req, res);
      const signed = options.signedRoutes?.filter((r) => matches(r, path)) ?? [];
      if (signed.length > 0) return await handleSigned(req, res, signed);
      return sendGraphQLError(res, 404, ErrorCode.NOT_FOUND, 'Nothing is served at this path');
    } catch (error) {
      if (res.headersSent) {
        log.error({ err: error, path }, 'request failed after the answer started');
        return void res.destroy();
      }
      if (error instanceof BodySignatureError) {
        metrics.signedRequestsRefused.inc({ reason: signedRequestRefusal(error.reason) });
        log.warn({ reason: error.reason, path }, 'refused a body the gateway did not sign');
        return sendGraphQLError(res, 401, 'UNAUTHENTICATED', `Request refused: ${error.reason}; subgraphs answer only the gateway`, { connection: 'close' });
      }
      if (error instanceof BodyTooLargeError) {
        return sendGraphQLError(res, 413, 'BAD_REQUEST', `Request body exceeds ${error.limitBytes} bytes`, { connection: 'close' });
      }
      log.error({ err: error, path }, 'request failed');
      sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  }

  return {
    async listen(port, host) {
      // handle() answers its own failures. One that still escapes cuts this connection; unhandled,
      // the rejection would stop the subgraph.
      const http = createServer((req, res) => {
        observe(req, res).catch((error: unknown) => {
          log.error({ err: error }, 'request handler failed');
          res.destroy();
        });
      });
      http.keepAliveTimeout = 65_000;
      answerClientErrors(http);
      const url = await listen(http, port, host);
      log.info({ url }, `${options.name} subgraph listening`);
      return {
        name: options.name,
        url,
        graphqlUrl: `${url}/graphql`,
        async close() {
          await closeServer(http);
          await apollo.stop();
          await options.onClose?.();
        },
      };
    },
  };
}
