import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import { installPlanExecutor } from './execute/install-executor.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { contextualLogger } from '../observability/request-scope.js';
import type { SupergraphRegistry } from '../registry/supergraph-registry.js';
import { SubgraphLinks } from '../resilience/subgraph-link.js';
import { subgraphVariable } from '../subgraph-config/subgraph-variables.js';
import type { SubgraphFetchObserver } from './fetch-observer.js';
import { SignedDataSource } from './signed-data-source.js';
import type { SubgraphTargets } from './subgraph-targets.js';

export interface EngineDeps {
  registry: SupergraphRegistry;
  targets: SubgraphTargets;
  metrics: GatewayMetrics;
  log: Logger;
  /** The plugins' `onSubgraphFetch` hooks, as one observer (plugins/plugin-pipeline.ts). */
  observer: SubgraphFetchObserver | undefined;
  didResolveQueryPlan?: Experimental_DidResolveQueryPlanCallback;
}

/** What plans and runs operations over the subgraphs: ApolloGateway, its data sources, and their links. */
export interface Engine {
  gateway: ApolloGateway;
  /** One pool, timeout and circuit breaker per subgraph, kept across supergraph swaps (src/resilience/). */
  links: SubgraphLinks;
  /** Closes the links' connections (after Apollo stopped). */
  close(): void;
}

/**
 * ApolloGateway over the registry's live supergraph, each subgraph called through a
 * SignedDataSource (signed, or as its settings say for a subgraph that is not govgraph's).
 */
export function createEngine(config: GatewayConfig, deps: EngineDeps): Engine {
  const { registry, targets, log } = deps;
  // ApolloGateway reads this in its constructor and would otherwise export telemetry.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Throws at start, naming both versions, when @apollo/gateway is not the release it was written for.
  if (config.executor === 'govgraph') installPlanExecutor();
  const links = new SubgraphLinks(config.resilience, log.child({ component: 'subgraphs' }), deps.metrics);
  const gateway = new ApolloGateway({
    supergraphSdl: registry.supergraphSdlHook,
    buildService: ({ name, url }) => {
      const target = targets.urlOf(name, url);
      if (!target) throw new Error(`No URL for subgraph "${name}"; set ${subgraphVariable(name, 'URL')}`);
      const trust = targets.trustOf(name);
      return new SignedDataSource({
        name,
        url: target,
        keys: config.party.keys,
        link: links.get(name),
        log,
        observer: deps.observer,
        batchEntityFetches: config.batchEntityFetches,
        sharePublicFetches: config.sharePublicFetches,
        dedupeRepresentations: config.dedupeRepresentations,
        sign: trust.sign,
        forwardClaims: trust.forwardClaims,
        forwardAuthorization: trust.forwardAuthorization,
      });
    },
    experimental_didResolveQueryPlan: deps.didResolveQueryPlan,
    __exposeQueryPlanExperimental: false,
    // Inside a request, these loggers write with its request id (observability/request-scope.ts).
    logger: contextualLogger(log.child({ component: 'apollo-gateway' }), { component: 'apollo-gateway' }),
  });
  return { gateway, links, close: () => links.close() };
}
