import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { closeServer, createLogger, listen, subgraphEnvPrefix, type Logger } from '@govgraph/kit';
import { createTokenVerifier, type TokenVerifier } from './auth/verify-token.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { createDocumentsHandler, isDocumentsPath } from './documents/documents-handler.js';
import { createGatewayErrorFormatter } from './format-gateway-error.js';
import { createRequestHandler } from './http/handle-request.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics.js';
import { createPlayground } from './playground/create-playground.js';
import type { PlaygroundOptions } from './playground/playground-options.js';
import type { GatewayPlugin } from './plugins/gateway-plugin.js';
import { useAuth } from './plugins/use-auth.js';
import { createSupergraphRegistry } from './registry/create-supergraph-registry.js';
import { createRegistryHandler } from './registry/registry-handler.js';
import { SignedDataSource } from './signed-data-source.js';

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
  const gateway = new ApolloGateway({
    supergraphSdl: registry.supergraphSdlHook,
    buildService: ({ name, url }) => {
      // A published routing URL is the department's latest word; <NAME>_URL overrides the committed ones.
      const target = registry.publishedUrl(name) ?? config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"; set ${subgraphEnvPrefix(name)}_URL`);
      return new SignedDataSource({ name, url: target, secret: config.secret, timeoutMs: config.subgraphTimeoutMs, log });
    },
    experimental_didResolveQueryPlan: options.didResolveQueryPlan,
    __exposeQueryPlanExperimental: false,
    logger: log.child({ component: 'apollo-gateway' }),
  });

  const production = config.nodeEnv === 'production';
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({ jwksUrl: config.jwksUrl, issuer: config.jwt.issuer, audience: config.jwt.audience });
  const metrics = options.metrics ?? createGatewayMetrics();
  const plugins: GatewayPlugin[] = [useAuth({ verifyToken }), ...(options.plugins ?? [])];

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    nodeEnv: config.nodeEnv,
    logger: log.child({ component: 'apollo-server' }),
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
  const documents = createDocumentsHandler({
    documentsUrl: config.documentsUrl,
    secret: config.secret,
    plugins,
    maxUploadBytes: config.maxUploadBytes,
    timeoutMs: config.subgraphTimeoutMs,
  });
  const playground = production ? undefined : createPlayground(options.playground, { log: log.child({ component: 'playground' }) });
  const registryHandler = createRegistryHandler({ registry, secret: config.secret, production, maxBodyBytes: config.maxBodyBytes });
  const handle = createRequestHandler({ apollo, plugins, log, maxBodyBytes: config.maxBodyBytes, trustedProxies: config.trustedProxies, isReady: () => ready, documents, playground, registry: registryHandler, metrics: metrics.registry });

  return {
    async listen(port = config.port, host = config.host) {
      if (started) throw new Error('This gateway is already listening; create another one');
      started = true;
      const http = createServer((req, res) => void handle(req, res));
      http.keepAliveTimeout = 65_000;
      // "Expect: 100-continue": an upload is told to go on only once it passed the size and token
      // checks (the documents handler answers 100 itself); everything else at once, as Node would.
      http.on('checkContinue', (req, res) => {
        if (!isDocumentsPath(new URL(req.url ?? '/', 'http://localhost').pathname)) res.writeContinue();
        void handle(req, res);
      });
      // Listen first so /healthz answers while the supergraph loads; /readyz waits for it.
      const url = await listen(http, port, host);
      try {
        await apollo.start();
      } catch (error) {
        await closeServer(http, 0);
        throw error;
      }
      ready = true;
      return {
        url,
        graphqlUrl: `${url}/graphql`,
        async close() {
          ready = false;
          await closeServer(http);
          await apollo.stop();
        },
      };
    },
  };
}
