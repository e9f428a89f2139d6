import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { createLogger, type Logger } from '@govgraph/kit';
import type { TokenVerifier } from './auth/verify-token.js';
import type { GatewayConfig } from './config.js';
import { createApolloServer } from './engine/create-apollo-server.js';
import { createEngine } from './engine/create-engine.js';
import { createSubgraphTargets } from './engine/subgraph-targets.js';
import { createGatewayHandler } from './http/create-gateway-handler.js';
import { listenHttp } from './http/http-listener.js';
import { useRedisHealth } from './http/redis-health.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics.js';
import type { PlaygroundOptions } from './playground/playground-options.js';
import { createGatewayPlugins } from './plugins/create-gateway-plugins.js';
import type { GatewayPlugin } from './plugins/gateway-plugin.js';
import { PluginPipeline } from './plugins/plugin-pipeline.js';
import { createSupergraphRegistry } from './registry/create-supergraph-registry.js';
import { warnAboutTrust } from './subgraph-config/trust-warnings.js';

export type { GatewayConfig } from './config.js';
export { loadGatewayConfig } from './config.js';
export type { GatewayContext } from './context.js';
export type { GatewayPlugin, ParsedOperations, SubgraphFetch, SubgraphFetchWatch } from './plugins/gateway-plugin.js';
export { RequestRefusal } from './plugins/gateway-plugin.js';

export interface CreateGatewayOptions {
  log?: Logger;
  /** Sees every query plan before it runs (tests assert on waves and fetches). */
  didResolveQueryPlan?: Experimental_DidResolveQueryPlanCallback;
  /** Extra features, run after the gateway's own (plugins/create-gateway-plugins.ts), in order. */
  plugins?: GatewayPlugin[];
  /** Replaces JWKS verification at config.jwksUrl (tests without an identity service); unused with GATEWAY_TOKEN_VERIFICATION=off. */
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
  /** Stops taking requests (readyz answers 503), drains, stops Apollo, then closes the plugins in reverse order. */
  close(): Promise<void>;
}

export interface Gateway {
  /** Loads the supergraph, then listens; port 0 picks a free port. Defaults from config. */
  listen(port?: number, host?: string): Promise<RunningGateway>;
}

/**
 * The gateway without a port: config → plugins → engine → handler (docs/architecture.md). Apollo
 * Server 5 over ApolloGateway with the registry's supergraph (the committed one, and what
 * departments publish), each subgraph called as its settings say, nothing sent anywhere else.
 */
export function createGateway(config: GatewayConfig, options: CreateGatewayOptions = {}): Gateway {
  const log = options.log ?? createLogger('gateway');
  warnAboutTrust(config, log);
  const metrics = options.metrics ?? createGatewayMetrics();
  const registry = createSupergraphRegistry(config, log);
  const targets = createSubgraphTargets(config, registry);
  const redisHealth = config.redisUrl ? useRedisHealth(config.redisUrl, log) : undefined;
  const features = createGatewayPlugins(config, {
    log,
    metrics,
    verifyToken: options.verifyToken,
    identityUrl: () => targets.urlOf('identity'),
    supergraphSdl: () => registry.current().supergraphSdl,
  });
  const pipeline = new PluginPipeline([...features, ...(options.plugins ?? []), ...(redisHealth ? [redisHealth] : [])], log);
  const engine = createEngine(config, { registry, targets, metrics, log, observer: pipeline.fetchObserver(), didResolveQueryPlan: options.didResolveQueryPlan });
  const apollo = createApolloServer(config, { gateway: engine.gateway, plugins: pipeline.apolloPlugins(), log });
  let ready = false;
  const handle = createGatewayHandler(config, { apollo, pipeline, engine, targets, registry, metrics, log, isReady: () => ready, redisHealth, playground: options.playground });
  let listening = false;

  return {
    async listen(port = config.port, host = config.host) {
      if (listening) throw new Error('This gateway is already listening; create another one');
      listening = true;
      // Listen first so /healthz answers while the supergraph loads; /readyz waits for it.
      const http = await listenHttp(handle, port, host, log);
      const abandon = async (error: unknown, stopApollo: boolean): Promise<never> => {
        await http.close(0);
        if (stopApollo) await apollo.stop();
        engine.close();
        throw error;
      };
      await apollo.start().catch((error: unknown) => abandon(error, false));
      // Before ready: e.g. identity's list of ended authorisations is read before the first request.
      await pipeline.start().catch((error: unknown) => abandon(error, true));
      ready = true;
      return {
        url: http.url,
        graphqlUrl: `${http.url}/graphql`,
        async close() {
          // New connections are refused at once; requests in flight finish (up to the grace period).
          ready = false;
          await http.close(config.shutdownGraceMs);
          await apollo.stop();
          await pipeline.close();
          engine.close();
        },
      };
    },
  };
}
