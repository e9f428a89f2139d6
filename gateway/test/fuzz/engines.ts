import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions, type ServiceMap } from '@apollo/gateway';
import { createLogger } from '@govgraph/kit';
import { testParties } from '@govgraph/kit/testing';
import { TrustHeader } from '@govgraph/kit/trust';
import type { GatewayContext } from '../../src/context.js';
import { SignedDataSource } from '../../src/engine/signed-data-source.js';
import { loadPlanExecutors } from '../../src/engine/execute/install-executor.js';
import type { ExecuteQueryPlan } from '../../src/engine/execute/plan-executor.js';
import { SubgraphLinks, type ResilienceSettings } from '../../src/resilience/subgraph-link.js';
import { ZOO_ORIGIN, type InProcessSubgraphs } from './in-process-subgraphs.js';

/** One way of running a plan: an executor over one data source per subgraph. */
export interface Engine {
  /** e.g. "govgraph executor, batch on, dedupe off, share on" */
  name: string;
  executor: ExecuteQueryPlan;
  serviceMap: ServiceMap;
  planExecutor: GatewayContext['planExecutor'];
  /** Subgraph requests this engine sent. */
  counter: { requests: number };
}

export interface Switches {
  executor: GatewayContext['planExecutor'];
  batchEntityFetches: boolean;
  dedupeRepresentations: boolean;
  sharePublicFetches: boolean;
}

export const silentLog = createLogger('differential-fuzz', 'silent');
const gatewayKeys = testParties(['gateway']).gateway.keys;
/** One attempt, no retries, a breaker that never opens: a fetch either answers or the run shows why. */
const SETTINGS: ResilienceSettings = {
  timeoutMs: 30_000,
  timeoutsMs: {},
  retries: 0,
  retryDelayMs: 1,
  breakerFailures: Number.MAX_SAFE_INTEGER,
  breakerOpenMs: 1,
  maxConnections: 1,
  idleMs: 1_000,
};

/** The 16 combinations: executor × batchEntityFetches × dedupeRepresentations × sharePublicFetches. */
export const ALL_SWITCHES: readonly Switches[] = (['govgraph', 'apollo'] as const).flatMap((executor) =>
  [true, false].flatMap((batchEntityFetches) =>
    [true, false].flatMap((dedupeRepresentations) => [true, false].map((sharePublicFetches) => ({ executor, batchEntityFetches, dedupeRepresentations, sharePublicFetches }))),
  ),
);

export function switchesName(switches: Switches): string {
  const onOff = (value: boolean) => (value ? 'on' : 'off');
  return `${switches.executor} executor, batch ${onOff(switches.batchEntityFetches)}, dedupe ${onOff(switches.dedupeRepresentations)}, share ${onOff(switches.sharePublicFetches)}`;
}

/** Stock @apollo/gateway: its executor over its own RemoteGraphQLDataSource, the answer everything is compared with. */
export function stockEngine(subgraphs: InProcessSubgraphs, names: readonly string[]): Engine {
  const serviceMap: ServiceMap = Object.create(null);
  const counter = { requests: 0 };
  const fetch = subgraphs.fetchCounting(counter);
  for (const name of names) serviceMap[name] = new ForwardingRequestId({ url: `${ZOO_ORIGIN}/${name}`, fetcher: fetch as never });
  return { name: 'stock @apollo/gateway', executor: loadPlanExecutors().stock, serviceMap, planExecutor: 'apollo', counter };
}

/** govgraph's data source with `switches`, under the executor they name. */
export function govgraphEngine(subgraphs: InProcessSubgraphs, names: readonly string[], switches: Switches): Engine & { close(): void } {
  const links = new SubgraphLinks(SETTINGS, silentLog);
  const serviceMap: ServiceMap = Object.create(null);
  const counter = { requests: 0 };
  const fetch = subgraphs.fetchCounting(counter);
  for (const name of names) {
    serviceMap[name] = new SignedDataSource({ name, url: `${ZOO_ORIGIN}/${name}`, keys: gatewayKeys, link: links.get(name), log: silentLog, fetch, ...switches });
  }
  const executors = loadPlanExecutors();
  const executor = switches.executor === 'govgraph' ? executors.govgraph : executors.stock;
  return { name: switchesName(switches), executor, serviceMap, planExecutor: switches.executor, counter, close: () => links.close() };
}

/** Stock's data source, telling the in-process subgraphs which run a fetch belongs to (for mutation serials), as govgraph's does. */
export class ForwardingRequestId extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if ('incomingRequestContext' in options) options.request.http?.headers.set(TrustHeader.requestId, options.context.requestId);
  }
}
