import type { GraphQLSchema } from 'graphql';
import { createSubgraph, type RunningSubgraph } from '../create-subgraph.js';
import { createLogger } from '../logger.js';
import { MemoryNonceStore } from '../trust/replay-guard.js';
import type { TrustStore } from '../trust/trust-store.js';

/**
 * A subgraph named `catalog` around any schema, on port 0, with no services: for tests of what
 * the kit does around resolvers (signature checks, input checks, /metrics).
 */
export async function startBareSubgraph(schema: GraphQLSchema, trust: TrustStore): Promise<RunningSubgraph> {
  const subgraph = await createSubgraph({
    name: 'catalog',
    schema,
    trust,
    nonces: new MemoryNonceStore(),
    log: createLogger('test', 'silent'),
    services: {},
    createLoaders: () => ({}),
  });
  return subgraph.listen(0, '127.0.0.1');
}
