import { fileURLToPath } from 'node:url';
import { spawnServer } from '../workloads/spawn-server.js';
import type { Contender } from './contender.js';
import { glueEnv } from './portal-glue.js';
import { processTree } from './process-tree.js';

const SERVER = fileURLToPath(new URL('./apollo-stock-server.ts', import.meta.url));

/** Stock @apollo/gateway in stock @apollo/server (apollo-stock-server.ts), default options. */
export const apolloStock: Contender = {
  id: 'apollo-stock',
  label: 'Apollo Gateway (stock)',
  unavailable: () => null,
  async start(workload) {
    const server = await spawnServer({
      label: 'stock Apollo gateway',
      args: ['--import', 'tsx', SERVER],
      env: {
        NODE_ENV: 'production',
        SUPERGRAPH_PATH: workload.supergraphPath,
        PORT: '0',
        HOST: '127.0.0.1',
        // Nothing leaves the machine: no telemetry, no usage reporting (that needs a key).
        APOLLO_TELEMETRY_DISABLED: 'true',
        APOLLO_KEY: undefined,
        APOLLO_GRAPH_REF: undefined,
        ...glueEnv(workload),
      },
    });
    return {
      id: 'apollo-stock',
      label: 'Apollo Gateway (stock)',
      graphqlUrl: server.url,
      pid: server.pid,
      pids: () => processTree(server.pid),
      stop: () => server.stop(),
    };
  },
};
