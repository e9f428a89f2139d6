import type { GatewayConfig } from '../config.js';
import type { ServedSubgraph } from '../http/readiness.js';
import type { SupergraphRegistry } from '../registry/supergraph-registry.js';
import { resolveSubgraphTrust, type SubgraphTrust } from '../subgraph-config/subgraph-settings.js';
import { isDepartment } from '../subgraph-config/subgraph-variables.js';
import { readRoutingUrls } from '../supergraph-routing.js';

/** Where each subgraph is reached and what its requests carry, as of now (departments publish live). */
export interface SubgraphTargets {
  /** Its published URL (the department's latest word), else its configured one, else `routingUrl`. */
  urlOf(name: string, routingUrl?: string): string | undefined;
  /** Signing, claims and Authorization for its requests; one published through the registry counts as a department. */
  trustOf(name: string): SubgraphTrust;
  /** Every subgraph of the supergraph served now, where it is reached (the readiness probes). */
  served(): ServedSubgraph[];
}

export function createSubgraphTargets(config: Pick<GatewayConfig, 'subgraphUrls' | 'subgraphTrust'>, registry: SupergraphRegistry): SubgraphTargets {
  const urlOf = (name: string, routingUrl?: string) => registry.publishedUrl(name) ?? config.subgraphUrls[name] ?? routingUrl;
  return {
    urlOf,
    trustOf: (name) => resolveSubgraphTrust(config.subgraphTrust[name], isDepartment(name) || registry.publishedUrl(name) !== undefined),
    served: () =>
      Object.entries(readRoutingUrls(registry.current().supergraphSdl)).flatMap(([name, routingUrl]) => {
        const url = urlOf(name, routingUrl);
        return url ? [{ name, url }] : [];
      }),
  };
}
