import { join } from 'node:path';
import { freePorts } from '../../src/free-ports.js';
import { REPO_ROOT } from '../workloads/spawn-server.js';
import type { Contender } from './contender.js';
import { startLoggedContender } from './logged-process.js';

/**
 * govgraph's gateway as shipped: gateway/src/index.ts through tsx with the root tsconfig, every
 * setting from the workload's govgraphEnv (supergraph, subgraph URLs, shared secret, and the
 * comparison's switches: no response cache, no rate limits). Its JSON log goes to a file, so
 * the benchmark's own process never carries it.
 */
export const govgraph: Contender = {
  id: 'govgraph',
  label: 'govgraph gateway',
  unavailable: () => null,
  async start(workload) {
    const [port] = await freePorts(1);
    return startLoggedContender(govgraph, {
      label: 'govgraph gateway',
      args: ['--import', 'tsx', 'src/index.ts'],
      cwd: join(REPO_ROOT, 'gateway'),
      env: { ...workload.govgraphEnv, GATEWAY_PORT: String(port), HOST: '127.0.0.1' },
      url: `http://127.0.0.1:${port}/graphql`,
    });
  },
};
