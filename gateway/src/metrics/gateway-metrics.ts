import { MetricsRegistry, type Counter, type Gauge, type Histogram } from './metrics-registry.js';

/**
 * Every series the gateway exposes on /metrics, in one place so each plugin increments the same
 * names. Label values are bounded: operation names come from trusted documents or are "anonymous"/
 * "other"; subgraph names from the supergraph.
 */
export interface GatewayMetrics {
  registry: MetricsRegistry;
  /** labels: operation, status (ok | error) */
  requests: Counter;
  /** labels: operation */
  requestSeconds: Histogram;
  /** labels: subgraph, outcome (ok | error | timeout | breaker_open) */
  subgraphFetches: Counter;
  /** labels: subgraph */
  subgraphFetchSeconds: Histogram;
  /** labels: subgraph; 0 closed, 1 half-open, 2 open */
  breakerState: Gauge;
  /** labels: result (hit | miss | bypass) */
  cacheLookups: Counter;
  /** labels: scope (account | address) */
  rateLimitRejections: Counter;
  /** labels: limit (depth | aliases | rootFields | tokens | cost | measure | batch | body) */
  limitRejections: Counter;
  /** labels: result (hit | miss | registered | refused) */
  persistedQueries: Counter;
  /** labels: stream, reason: events the gateway refused before acting on them (forged, unsigned, replayed, …) */
  eventsRefused: Counter;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new MetricsRegistry();
  return {
    registry,
    requests: registry.counter('govgraph_gateway_requests_total', 'GraphQL requests by operation name and outcome.'),
    requestSeconds: registry.histogram('govgraph_gateway_request_duration_seconds', 'GraphQL request latency by operation name.'),
    subgraphFetches: registry.counter('govgraph_subgraph_fetches_total', 'Fetches to subgraphs by subgraph and outcome.'),
    subgraphFetchSeconds: registry.histogram('govgraph_subgraph_fetch_duration_seconds', 'Subgraph fetch latency by subgraph.'),
    breakerState: registry.gauge('govgraph_subgraph_breaker_state', 'Circuit breaker per subgraph: 0 closed, 1 half-open, 2 open.'),
    cacheLookups: registry.counter('govgraph_response_cache_lookups_total', 'Response cache lookups by result.'),
    rateLimitRejections: registry.counter('govgraph_rate_limit_rejections_total', 'Requests refused with RATE_LIMITED, by budget.'),
    limitRejections: registry.counter('govgraph_limit_rejections_total', 'Requests refused by an operation limit, by limit.'),
    persistedQueries: registry.counter('govgraph_persisted_queries_total', 'Persisted and trusted document lookups by result.'),
    eventsRefused: registry.counter('govgraph_events_refused_total', 'Events refused before any handler saw them (forged, unsigned, replayed, …), by stream and reason.'),
  };
}
