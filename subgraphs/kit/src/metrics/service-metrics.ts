import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from a cached read to a slow statement; the gateway's too. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A service's Prometheus series, served on its /metrics (create-subgraph.ts). One registry per
 * service name, made on first use: the event bus and the HTTP server of one service count into
 * the same one, and tests that start several services in one process keep them apart.
 */
export interface ServiceMetrics {
  registry: Registry;
  /** labels: stream, reason (verify-event.ts: unsigned, bad-signature, replayed, …) */
  eventsRefused: Counter<'stream' | 'reason'>;
  /** labels: reason (signed-request-refusal.ts: missing, bad-signature, replayed, …) */
  signedRequestsRefused: Counter<'reason'>;
  /** labels: route (/graphql, /healthz, …, a declared route's path, or "other"), method, status */
  requests: Counter<'route' | 'method' | 'status'>;
  /** labels: route */
  requestSeconds: Histogram<'route'>;
}

const byService = new Map<string, ServiceMetrics & { defaults: boolean }>();

export function serviceMetrics(service: string): ServiceMetrics {
  let metrics = byService.get(service);
  if (!metrics) {
    const registry = new Registry();
    registry.setDefaultLabels({ service });
    metrics = {
      registry,
      eventsRefused: new Counter({
        name: 'govgraph_events_refused_total',
        help: 'Events refused before any handler saw them (forged, unsigned, replayed, …), by stream and reason.',
        labelNames: ['stream', 'reason'],
        registers: [registry],
      }),
      signedRequestsRefused: new Counter({
        name: 'govgraph_signed_requests_refused_total',
        help: 'Requests refused for a missing, bad or replayed gateway signature, by reason.',
        labelNames: ['reason'],
        registers: [registry],
      }),
      requests: new Counter({
        name: 'govgraph_service_requests_total',
        help: 'HTTP requests this service answered, by route, method and status.',
        labelNames: ['route', 'method', 'status'],
        registers: [registry],
      }),
      requestSeconds: new Histogram({
        name: 'govgraph_service_request_duration_seconds',
        help: 'HTTP request latency by route, from the request to the end of the answer.',
        labelNames: ['route'],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
      defaults: false,
    };
    byService.set(service, metrics);
  }
  return metrics;
}

/** Adds Node's process metrics (memory, CPU, event loop) to a serving service's registry, once. */
export function withProcessMetrics(service: string): ServiceMetrics {
  const metrics = serviceMetrics(service);
  const entry = byService.get(service)!;
  if (!entry.defaults) {
    collectDefaultMetrics({ register: metrics.registry });
    entry.defaults = true;
  }
  return metrics;
}
