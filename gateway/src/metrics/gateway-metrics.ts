import { LATENCY_BUCKETS } from '@govgraph/kit';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every series the gateway exposes on /metrics (prom-client), in one place so each plugin
 * increments the same names, beside Node's runtime metrics (process_*, nodejs_*). Label values are
 * bounded: operation names come from trusted documents or are "anonymous"/"other"; subgraph names
 * from the supergraph.
 */
export interface GatewayMetrics {
  registry: Registry;
  /** labels: operation, status (ok | error) */
  requests: Counter<'operation' | 'status'>;
  /** labels: operation */
  requestSeconds: Histogram<'operation'>;
  /** labels: subgraph, outcome (ok | error | timeout | breaker_open) */
  subgraphFetches: Counter<'subgraph' | 'outcome'>;
  /** labels: subgraph */
  subgraphFetchSeconds: Histogram<'subgraph'>;
  /** labels: subgraph; 0 closed, 1 half-open, 2 open */
  breakerState: Gauge<'subgraph'>;
  /** labels: subgraph: TCP connections opened to it (kept alive and reused: compare with its fetches) */
  connectionsOpened: Counter<'subgraph'>;
  /** labels: result (hit | miss | bypass) */
  cacheLookups: Counter<'result'>;
  /** labels: scope (account | address) */
  rateLimitRejections: Counter<'scope'>;
  /** labels: limit (depth | aliases | rootFields | tokens | cost | measure | batch | body) */
  limitRejections: Counter<'limit'>;
  /** labels: result (hit | miss | registered | refused) */
  persistedQueries: Counter<'result'>;
  /** labels: stream, reason: events the gateway refused before acting on them (forged, unsigned, replayed, …) */
  eventsRefused: Counter<'stream' | 'reason'>;
}

/** One registry per gateway (tests start several in one process), with the runtime metrics. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Histogram<L>({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] });
  return {
    registry,
    requests: counter('govgraph_gateway_requests_total', 'GraphQL requests by operation name and outcome.', ['operation', 'status']),
    requestSeconds: histogram('govgraph_gateway_request_duration_seconds', 'GraphQL request latency by operation name.', ['operation']),
    subgraphFetches: counter('govgraph_subgraph_fetches_total', 'Fetches to subgraphs by subgraph and outcome.', ['subgraph', 'outcome']),
    subgraphFetchSeconds: histogram('govgraph_subgraph_fetch_duration_seconds', 'Subgraph fetch latency by subgraph.', ['subgraph']),
    breakerState: new Gauge({
      name: 'govgraph_subgraph_breaker_state',
      help: 'Circuit breaker per subgraph: 0 closed, 1 half-open, 2 open.',
      labelNames: ['subgraph'],
      registers: [registry],
    }),
    connectionsOpened: counter(
      'govgraph_subgraph_connections_opened_total',
      'TCP connections the gateway opened to each subgraph (kept alive and reused: compare with its fetches).',
      ['subgraph'],
    ),
    cacheLookups: counter('govgraph_response_cache_lookups_total', 'Response cache lookups by result.', ['result']),
    rateLimitRejections: counter('govgraph_rate_limit_rejections_total', 'Requests refused with RATE_LIMITED, by budget.', ['scope']),
    limitRejections: counter('govgraph_limit_rejections_total', 'Requests refused by an operation limit, by limit.', ['limit']),
    persistedQueries: counter('govgraph_persisted_queries_total', 'Persisted and trusted document lookups by result.', ['result']),
    eventsRefused: counter('govgraph_events_refused_total', 'Events refused before any handler saw them (forged, unsigned, replayed, …), by stream and reason.', [
      'stream',
      'reason',
    ]),
  };
}

/** A counter's value for exactly these labels (0 before the first count): for tests and checks. */
export async function counterValue(counter: Counter<string>, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  const wanted = Object.entries(labels);
  const found = values.find((value) => {
    const own = Object.entries(value.labels);
    return own.length === wanted.length && wanted.every(([name, v]) => value.labels[name] === v);
  });
  return found?.value ?? 0;
}
