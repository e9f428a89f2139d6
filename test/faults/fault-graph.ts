import { KNOWN_SUBGRAPHS, subgraphEnvPrefix } from '@govgraph/kit';
import { startFaultProxy, type FaultProxy } from '../src/fault-proxy.js';
import { startProcessGraph, type ProcessGraph, type ProcessGraphOptions } from '../src/process-graph.js';

/** The gateway settings every fault run shares: no cache hiding a department, no budget in the way. */
export const FAULT_GATEWAY_ENV: Record<string, string> = {
  GATEWAY_RESPONSE_CACHE: 'off',
  GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
  GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
};

export interface FaultGraph {
  graph: ProcessGraph;
  gatewayGraphqlUrl: string;
  /** A fault proxy per subgraph named in `proxied`: the gateway reaches that subgraph through it. */
  proxies: Record<string, FaultProxy>;
  /** Services whose process has died since it was last started (a crash nobody asked for). */
  dead(): string[];
  /** The gateway's /metrics text. */
  metrics(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The graph as separate processes (test/src/process-graph.ts), optionally with a fault proxy on
 * 127.0.0.1 between the gateway and some subgraphs, so a test can slow or cut one department.
 */
export async function startFaultGraph(options: ProcessGraphOptions & { proxied?: string[]; gatewayEnv?: Record<string, string> } = {}): Promise<FaultGraph> {
  const proxies: Record<string, FaultProxy> = {};
  for (const name of options.proxied ?? []) proxies[name] = await startFaultProxy({ port: 0 });
  const proxyEnv = Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [`${subgraphEnvPrefix(name)}_URL`, `http://127.0.0.1:${proxy.port}/graphql`]));
  let graph: ProcessGraph;
  try {
    graph = await startProcessGraph({
      // The fault workloads (portal pages: MyHome, SearchCatalog, Me, Login) reach the four core departments only.
      subgraphs: KNOWN_SUBGRAPHS,
      // What the global setup compiled: a process starts on half the CPU of tsx compiling it again,
      // and these files start and restart dozens.
      compiled: true,
      ...options,
      serviceEnv: {
        ...options.serviceEnv,
        gateway: { ...FAULT_GATEWAY_ENV, ...options.gatewayEnv, ...proxyEnv, ...options.serviceEnv?.gateway },
      },
    });
  } catch (error) {
    await Promise.all(Object.values(proxies).map((p) => p.close()));
    throw error;
  }
  for (const [name, proxy] of Object.entries(proxies)) proxy.retarget(Number(new URL(graph.urls[name]!).port));
  return {
    graph,
    gatewayGraphqlUrl: graph.graphqlUrls.gateway!,
    proxies,
    dead: () =>
      Object.entries(graph.pids())
        .filter(([, pid]) => !alive(pid))
        .map(([name]) => name),
    metrics: async () => (await fetch(`${graph.urls.gateway}/metrics`)).text(),
    async close() {
      await graph.stop();
      await Promise.all(Object.values(proxies).map((p) => p.close()));
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
