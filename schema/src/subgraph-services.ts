import { applicationsService } from '@govgraph/applications';
import { catalogService } from '@govgraph/catalog';
import { identityService } from '@govgraph/identity';
import { licencesService } from '@govgraph/licences';
import { DEFAULT_PORTS, type SubgraphService } from '@govgraph/kit';

/** The graph's departments, in composition order. */
export const SUBGRAPH_SERVICES: SubgraphService<any>[] = [catalogService, identityService, licencesService, applicationsService];

/** Routing URL written into the committed supergraph; the gateway can override each one. */
export function defaultRoutingUrl(name: keyof typeof DEFAULT_PORTS): string {
  return `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
}
