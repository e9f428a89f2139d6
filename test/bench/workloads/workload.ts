/**
 * What the benchmark measures against: running subgraphs, the supergraph that routes to them,
 * and the requests of the mix with the answer every correct gateway gives. The runner
 * (test/bench/run-bench.ts) codes against these types only.
 */
export interface BenchRequest {
  /** e.g. 'MyHome', 'deep-query'. */
  name: string;
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
  /** e.g. authorization for the signed-in portal mix. */
  headers: Record<string, string>;
  /** The full JSON answer every correct gateway returns (VARIES at the `volatile` paths). */
  expected: unknown;
  /**
   * Paths whose values legitimately change from call to call, e.g. StartForm's
   * `data.prefill.fields[].provenance.retrievedAt` (when identity read the fact: now). Compare
   * `maskVolatile(actual, request.volatile)` (volatile-fields.ts) with `expected`.
   */
  volatile?: string[];
}

export interface Workload {
  name: 'portal-mix' | 'deep-query';
  /** Supergraph SDL file whose routing URLs point at the running subgraphs. */
  supergraphPath: string;
  /** Subgraph name → its GraphQL URL. */
  subgraphUrls: Record<string, string>;
  /** The mix, cycled round-robin by the load generator. */
  requests: BenchRequest[];
  /** Env govgraph's gateway process needs for this workload. */
  govgraphEnv: Record<string, string>;
  /**
   * Portal mix: subgraphs need requests signed with the gateway's key (the kit's signRequest with
   * the gateway's key from this folder, GOVGRAPH_KEYS_DIR's layout), tokens verify against the JWKS.
   */
  signing: { gatewayKeysDir: string; jwksUrl: string } | null;
  /** Subgraph name → base URL of its `/stats` counters (deep query only; the portal mix has none). */
  statsUrls?: Record<string, string>;
  subgraphPids(): number[];
  /**
   * Portal mix with BENCH_BASELINE_DIR: that checkout's subgraphs, run the same way on a copy of
   * the same data (same requests, same answers), for rows routed to them instead.
   */
  baselineSubgraphs?: BaselineSubgraphs;
  /** Subgraph name → pid (portal mix: govgraph's departments, for the profile). */
  subgraphPidsByName?(): Record<string, number>;
  close(): Promise<void>;
}

/** Another checkout's subgraphs beside the workload's own (see Workload.baselineSubgraphs). */
export interface BaselineSubgraphs {
  /** The checkout (BENCH_BASELINE_DIR). */
  checkout: string;
  /** The supergraph routed to them. */
  supergraphPath: string;
  /** Subgraph name → its GraphQL URL. */
  subgraphUrls: Record<string, string>;
  /** The workload's govgraphEnv routed to them. */
  govgraphEnv: Record<string, string>;
  subgraphPids(): number[];
  subgraphPidsByName(): Record<string, number>;
}
