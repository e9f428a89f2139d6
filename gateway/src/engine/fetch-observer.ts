import type { GatewayContext } from '../context.js';

/** One attempt of a fetch to a subgraph, until its answer or failure. */
export interface ObservedFetch {
  /** Headers to add to the fetch: `traceparent` when tracing is on. */
  headers: Readonly<Record<string, string>>;
  /** The subgraph answered with JSON (GraphQL errors inside still count as an answer). */
  succeeded(): void;
  /** The attempt threw: a failure marked by the data source (src/resilience/subgraph-failure.ts), or an answer it turned into an error. */
  failed(error: unknown): void;
}

/**
 * What SignedDataSource calls for every fetch attempt of a client operation; the gateway builds
 * one from its plugins' `onSubgraphFetch` hooks (plugins/plugin-pipeline.ts).
 */
export interface SubgraphFetchObserver {
  /** `operationType` is the fetch's own (a mutation's plan also fetches `_entities` queries). */
  start(subgraph: string, context: GatewayContext, operationType: string | undefined): ObservedFetch;
}
