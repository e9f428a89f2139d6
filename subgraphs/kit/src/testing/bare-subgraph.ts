import type { GraphQLSchema } from 'graphql';
import { createSubgraph, type RunningSubgraph, type SubgraphOptions } from '../create-subgraph.js';
import { createLogger } from '../logger.js';
import { MemoryNonceStore } from '../trust/replay-guard.js';
import type { TrustStore } from '../trust/trust-store.js';

/**
 * A subgraph named `catalog` around any schema, on port 0, with no services: for tests of what
 * the kit does around resolvers (signature checks, input checks, /metrics).
 */
export async function startBareSubgraph(
  schema: GraphQLSchema,
  trust: TrustStore,
  options: Pick<SubgraphOptions<unknown, unknown>, 'pipeline' | 'requestChecks'> = {},
): Promise<RunningSubgraph> {
  const subgraph = await createSubgraph<unknown, unknown>({
    ...options,
    name: 'catalog',
    schema,
    trust,
    nonces: new MemoryNonceStore(),
    log: createLogger('test', 'silent'),
    services: {},
    createLoaders: (): unknown => ({}),
  });
  return subgraph.listen(0, '127.0.0.1');
}
