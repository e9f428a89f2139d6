import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import { createDocumentsHandler } from '../documents/documents-handler.js';
import type { Engine } from '../engine/create-engine.js';
import type { SubgraphTargets } from '../engine/subgraph-targets.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { withRequestScope } from '../observability/request-scope.js';
import { createPlayground } from '../playground/create-playground.js';
import type { PlaygroundOptions } from '../playground/playground-options.js';
import type { PluginPipeline } from '../plugins/plugin-pipeline.js';
import { createReportsHandler } from '../reports/reports-handler.js';
import { createRegistryHandler } from '../registry/registry-handler.js';
import type { SupergraphRegistry } from '../registry/supergraph-registry.js';
import { createCors } from './cors.js';
import { createRequestHandler } from './handle-request.js';
import { createReadinessHandler } from './readiness.js';
import type { RedisHealth } from './redis-health.js';

export interface GatewayHandlerDeps {
  apollo: ApolloServer<GatewayContext>;
  pipeline: PluginPipeline;
  engine: Pick<Engine, 'links'>;
  targets: SubgraphTargets;
  registry: SupergraphRegistry;
  metrics: GatewayMetrics;
  log: Logger;
  /** True once the supergraph is loaded and every plugin started; false again while shutting down. */
  isReady(): boolean;
  redisHealth?: RedisHealth;
  playground?: PlaygroundOptions;
}

/** Every path the gateway serves, each request in its own scope (observability/request-scope.ts). */
export function createGatewayHandler(config: GatewayConfig, deps: GatewayHandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { log } = deps;
  const production = config.nodeEnv === 'production';
  const documents = createDocumentsHandler({
    documentsUrl: config.documentsUrl,
    keys: config.party.keys,
    pipeline: deps.pipeline,
    maxUploadBytes: config.maxUploadBytes,
    timeoutMs: config.subgraphTimeoutMs,
  });
  const readiness = createReadinessHandler({
    isReady: deps.isReady,
    subgraphs: deps.targets.served,
    fetchFor: (name) => deps.engine.links.get(name).pool.fetch,
    ...(deps.redisHealth ? { redis: deps.redisHealth.state } : {}),
  });
  return withRequestScope(
    createRequestHandler({
      apollo: deps.apollo,
      pipeline: deps.pipeline,
      log,
      planExecutor: config.executor,
      maxBodyBytes: config.maxBodyBytes,
      trustedProxies: config.trustedProxies,
      isReady: deps.isReady,
      documents,
      reports: createReportsHandler({ apollo: deps.apollo, pipeline: deps.pipeline }),
      playground: production ? undefined : createPlayground(deps.playground, { log: log.child({ component: 'playground' }) }),
      registry: createRegistryHandler({ registry: deps.registry, production, maxBodyBytes: config.maxBodyBytes }),
      metrics: deps.metrics.registry,
      readiness,
      cors: createCors(config.corsOrigins),
      // Only when some subgraph is to receive it: otherwise the token is not kept past the auth plugin.
      keepAuthorization: Object.values(config.subgraphTrust).some((trust) => trust.forwardAuthorization),
    }),
  );
}
