import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { answerClientErrors, closeServer, connectRedis, createLogger, listen, subgraphEnvPrefix, type Logger, type RedisConnection } from '@govgraph/kit';
import { createTokenVerifier, type TokenVerifier } from './auth/verify-token.js';
import { EndedAuthorisations } from './authorisations/ended-authorisations.js';
import { followEndedAuthorisations } from './authorisations/follow-ended-authorisations.js';
import { createResponseCache } from './cache/create-response-cache.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { createDocumentsHandler, isDocumentsPath } from './documents/documents-handler.js';
import { createGatewayErrorFormatter } from './format-gateway-error.js';
import { createCors } from './http/cors.js';
import { createRequestHandler } from './http/handle-request.js';
import { createReadinessHandler } from './http/readiness.js';
import { installPlanExecutor } from './execute/install-executor.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics.js';
import { knownOperationNames } from './observability/operation-names.js';
import { contextualLogger, withRequestScope } from './observability/request-scope.js';
import { createSubgraphFetchObserver } from './observability/subgraph-fetch-observer.js';
import { createPlayground } from './playground/create-playground.js';
import type { PlaygroundOptions } from './playground/playground-options.js';
import type { GatewayPlugin } from './plugins/gateway-plugin.js';
import { useAuth } from './plugins/use-auth.js';
import { useEndedAuthorisations } from './plugins/use-ended-authorisations.js';
import { useLimits } from './plugins/use-limits.js';
import { useRateLimit } from './plugins/use-rate-limit.js';
import { useObservability } from './plugins/use-observability.js';
import { useTrustedDocuments } from './plugins/use-trusted-documents.js';
import { createSupergraphRegistry } from './registry/create-supergraph-registry.js';
import { createRegistryHandler } from './registry/registry-handler.js';
import { SubgraphLinks } from './resilience/subgraph-link.js';
import { SignedDataSource } from './engine/signed-data-source.js';
import { readRoutingUrls } from './supergraph-routing.js';
import { createTracer } from './tracing/create-tracer.js';
import { apqStoreFor } from './trusted-documents/apq-store.js';

export type { GatewayConfig } from './config.js';
export { loadGatewayConfig } from './config.js';
export type { GatewayContext } from './context.js';
export type { GatewayPlugin } from './plugins/gateway-plugin.js';
export { RequestRefusal } from './plugins/gateway-plugin.js';

export interface CreateGatewayOptions {
  log?: Logger;
  /** Sees every query plan before it runs (tests assert on waves and fetches). */
  didResolveQueryPlan?: Experimental_DidResolveQueryPlanCallback;
  /** Extra features, run after auth, in order. */
  plugins?: GatewayPlugin[];
  /** Replaces JWKS verification at config.jwksUrl (tests without an identity service). */
  verifyToken?: TokenVerifier;
  /** Shared series for /metrics; a fresh set per gateway when absent. */
  metrics?: GatewayMetrics;
  /** The offline GraphiQL playground at /playground (never served with NODE_ENV=production). */
  playground?: PlaygroundOptions;
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  /** `${url}/graphql` */
  graphqlUrl: string;
  /** Stops taking requests (readyz answers 503), drains, then stops Apollo. */
  close(): Promise<void>;
}

export interface Gateway {
  /** Loads the supergraph, then listens; port 0 picks a free port. Defaults from config. */
  listen(port?: number, host?: string): Promise<RunningGateway>;
}

/**
 * The gateway without a port: Apollo Server 5 over ApolloGateway with the static, committed
 * supergraph, signed calls to the subgraphs, and nothing sent anywhere else.
 */
export function createGateway(config: GatewayConfig, options: CreateGatewayOptions = {}): Gateway {
  const log = options.log ?? createLogger('gateway');
  // ApolloGateway reads this in its constructor and would otherwise export telemetry.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Starts from the committed supergraph; departments' publishes swap it live (src/registry/).
  const registry = createSupergraphRegistry(config, log);
  const metrics = options.metrics ?? createGatewayMetrics();
  // One pool, timeout and circuit breaker per subgraph, kept across supergraph swaps (src/resilience/).
  const links = new SubgraphLinks(config.resilience, log.child({ component: 'subgraphs' }), metrics);
  // Traces only when an OTLP endpoint is configured; fetch metrics, spans and cache tags per attempt.
  const tracer = createTracer(config.tracing, log);
  const fetchObserver = createSubgraphFetchObserver({ metrics, tracer });
  const responseCache = createResponseCache(config, { metrics, log });
  // A published routing URL is the department's latest word; <NAME>_URL overrides the committed ones.
  const targetOf = (name: string, url: string | undefined) => registry.publishedUrl(name) ?? config.subgraphUrls[name] ?? url;
  // Throws at start, naming both versions, when @apollo/gateway is not the release it was written for.
  if (config.executor === 'govgraph') installPlanExecutor();
  const gateway = new ApolloGateway({
    supergraphSdl: registry.supergraphSdlHook,
    buildService: ({ name, url }) => {
      const target = targetOf(name, url);
      if (!target) throw new Error(`No URL for subgraph "${name}"; set ${subgraphEnvPrefix(name)}_URL`);
      return new SignedDataSource({ name, url: target, keys: config.party.keys, link: links.get(name), log, observer: fetchObserver, batchEntityFetches: config.batchEntityFetches, sharePublicFetches: config.sharePublicFetches, dedupeRepresentations: config.dedupeRepresentations });
    },
    experimental_didResolveQueryPlan: options.didResolveQueryPlan,
    __exposeQueryPlanExperimental: false,
    // Inside a request, these loggers write with its request id (observability/request-scope.ts).
    logger: contextualLogger(log.child({ component: 'apollo-gateway' }), { component: 'apollo-gateway' }),
  });

  const production = config.nodeEnv === 'production';
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({ jwksUrl: config.jwksUrl, issuer: config.jwt.issuer, audience: config.jwt.audience, maxLifetimeSeconds: config.maxTokenLifetimeSeconds });
  // Budgets after auth (per account, else per address); limits before Apollo parses and once it has.
  const rateLimit = useRateLimit({ ...config.rateLimit, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log, metrics });
  const limits = useLimits({ ...config.limits, metrics });
  const checkRequest = async (params: unknown, context: GatewayContext) => {
    limits.checkRequest(params);
    await rateLimit.chargeBatch(params, context);
  };
  const trusted = config.trustedDocuments;
  // Agent authorisations that ended: their tokens are refused at once (src/authorisations/).
  const endedAuthorisations = new EndedAuthorisations();
  const endedFeed = followEndedAuthorisations(config, {
    ended: endedAuthorisations,
    identityUrl: () => targetOf('identity', config.subgraphUrls.identity),
    log,
    eventsRefused: metrics.eventsRefused,
  });
  const plugins: GatewayPlugin[] = [
    useObservability({ metrics, tracer, knownOperations: knownOperationNames(trusted) }),
    useAuth({ verifyToken }),
    useEndedAuthorisations({ ended: endedAuthorisations }),
    rateLimit,
    limits,
    useTrustedDocuments({ mode: trusted.mode, documents: trusted.documents, apq: apqStoreFor(config, log), metrics }),
    ...(responseCache ? [responseCache.plugin] : []),
    ...(options.plugins ?? []),
  ];

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(contextualLogger(log)),
    includeStacktraceInErrorResponses: false,
    // Persisted queries are use-trusted-documents' (Redis-shared APQ, trusted ids, refusals).
    persistedQueries: false,
    // Arrays are admitted here and sized by use-limits (GATEWAY_MAX_BATCH_SIZE, 1 by default).
    allowBatchedHttpRequests: true,
    introspection: !production,
    nodeEnv: config.nodeEnv,
    logger: contextualLogger(log.child({ component: 'apollo-server' }), { component: 'apollo-server' }),
    // index.ts owns the signals: it drains HTTP before Apollo stops.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's landing page loads from a CDN; the request handler serves the offline playground.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...plugins.flatMap((plugin) => (plugin.apollo ? [plugin.apollo] : [])),
    ],
  });

  let ready = false;
  let started = false;
  let draining = false;
  // Answers not yet sent: told at shutdown that they are their connection's last.
  const unanswered = new Set<ServerResponse>();
  // Only to report Redis on /readyz; every feature keeps its own connection and memory fallback.
  let redis: RedisConnection | undefined;
  const documents = createDocumentsHandler({
    documentsUrl: config.documentsUrl,
    keys: config.party.keys,
    plugins,
    maxUploadBytes: config.maxUploadBytes,
    timeoutMs: config.subgraphTimeoutMs,
  });
  const playground = production ? undefined : createPlayground(options.playground, { log: log.child({ component: 'playground' }) });
  const registryHandler = createRegistryHandler({ registry, production, maxBodyBytes: config.maxBodyBytes });
  const readiness = createReadinessHandler({
    isReady: () => ready,
    subgraphs: () =>
      Object.entries(readRoutingUrls(registry.current().supergraphSdl)).flatMap(([name, url]) => {
        const target = targetOf(name, url);
        return target ? [{ name, url: target }] : [];
      }),
    fetchFor: (name) => links.get(name).pool.fetch,
    ...(config.redisUrl ? { redis: () => (redis?.client.isReady ? 'ready' : 'unavailable') } : {}),
  });
  const cors = createCors(config.corsOrigins);
  const handle = withRequestScope(createRequestHandler({ apollo, plugins, log, planExecutor: config.executor, maxBodyBytes: config.maxBodyBytes, trustedProxies: config.trustedProxies, isReady: () => ready, documents, playground, registry: registryHandler, metrics: metrics.registry, readiness, cors, checkRequest, bodyTooLarge: limits.bodyTooLarge }));

  return {
    async listen(port = config.port, host = config.host) {
      if (started) throw new Error('This gateway is already listening; create another one');
      started = true;
      const serve = (req: IncomingMessage, res: ServerResponse) => {
        // Draining: this answer is the connection's last, so keep-alive clients reconnect elsewhere.
        if (draining) res.setHeader('connection', 'close');
        unanswered.add(res);
        res.once('close', () => unanswered.delete(res));
        void handle(req, res);
      };
      const http = createServer(serve);
      http.keepAliveTimeout = 65_000;
      answerClientErrors(http);
      // "Expect: 100-continue": an upload is told to go on only once it passed the size and token
      // checks (the documents handler answers 100 itself); everything else at once, as Node would.
      http.on('checkContinue', (req, res) => {
        if (!isDocumentsPath(new URL(req.url ?? '/', 'http://localhost').pathname)) res.writeContinue();
        serve(req, res);
      });
      // Listen first so /healthz answers while the supergraph loads; /readyz waits for it.
      const url = await listen(http, port, host);
      try {
        await apollo.start();
      } catch (error) {
        await closeServer(http, 0);
        throw error;
      }
      // Read before the first request: a gateway started after a revocation refuses its tokens too.
      await endedFeed.start();
      ready = true;
      responseCache?.start();
      if (config.redisUrl) redis = connectRedis(config.redisUrl, log.child({ component: 'redis-health' }));
      return {
        url,
        graphqlUrl: `${url}/graphql`,
        async close() {
          // New connections are refused at once; requests in flight finish (up to the grace period).
          ready = false;
          draining = true;
          for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
          await closeServer(http, config.shutdownGraceMs);
          await apollo.stop();
          links.close();
          await endedFeed.close();
          await responseCache?.close();
          await tracer?.close();
          await redis?.close();
        },
      };
    },
  };
}
