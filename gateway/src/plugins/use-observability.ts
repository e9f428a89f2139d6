import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { operationLabel } from '../observability/operation-names.js';
import { observationOf, requestObservationOf, requestScope } from '../observability/request-scope.js';
import { createSubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import { addActiveSpanSource, createServiceTracing, extractTraceContext, type Logger, type ServiceTracing, type TracingSettings } from '@govgraph/kit';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { GatewayPlugin } from './gateway-plugin.js';

export interface UseObservabilityOptions {
  metrics: GatewayMetrics;
  /** Set only when an OTLP endpoint is configured: the SDK is started with the gateway, flushed and closed with the plugin. */
  tracing?: TracingSettings | null;
  log: Logger;
  /** Operation names that become label values (the contract operations); others count as "other". */
  knownOperations: ReadonlySet<string>;
}

let spanSourceAdded = false;

/**
 * The gateway's request span, for the kit's Redis command spans (tracing/redis-spans.ts): the
 * gateway parents its spans explicitly rather than through OpenTelemetry's active context, and
 * finds the request through its own request scope.
 */
function addRequestSpanSource(): void {
  if (spanSourceAdded) return;
  spanSourceAdded = true;
  addActiveSpanSource(() => {
    const context = requestScope.getStore()?.context;
    const observation = context ? requestObservationOf(context) : undefined;
    return observation?.span && observation.tracer ? { span: observation.span, tracer: observation.tracer } : undefined;
  });
}

/**
 * Requests and latency per operation on /metrics, and the request's server span: started when
 * the HTTP request reaches the plugins (so token checks count), continuing the client's trace
 * when it sent a valid `traceparent`, ended when the GraphQL response goes out. Every subgraph
 * fetch attempt is counted, timed and traced under it (observability/subgraph-fetch-observer.ts).
 * Runs first, so it is closed last: the spans of the other plugins' work are flushed.
 */
export function useObservability(options: UseObservabilityOptions): GatewayPlugin {
  const { metrics, knownOperations } = options;
  let tracing: ServiceTracing | undefined;
  const fetches = createSubgraphFetchObserver({ metrics, tracer: () => tracing?.tracer });
  return {
    name: 'observability',
    onSubgraphFetch: ({ subgraph, context, operationType }) => fetches.start(subgraph, context, operationType),
    async start() {
      if (!options.tracing || tracing) return;
      tracing = await createServiceTracing(options.tracing, options.log.child({ component: 'tracing' }));
      addRequestSpanSource();
    },
    async close() {
      await tracing?.close();
      tracing = undefined;
    },
    onRequest(req, context) {
      // Lets loggers that were handed out at start (Apollo's, the error formatter's) find this request.
      const scope = requestScope.getStore();
      if (scope) scope.context = context;
      const observation = requestObservationOf(context);
      observation.startedAt = performance.now();
      if (!tracing || new URL(req.url ?? '/', 'http://localhost').pathname !== '/graphql') return;
      observation.span = tracing.tracer.startSpan(
        `${req.method ?? 'POST'} /graphql`,
        { kind: SpanKind.SERVER, attributes: { 'govgraph.request_id': context.requestId, 'http.request.method': req.method ?? 'POST', 'url.path': '/graphql' } },
        extractTraceContext(req.headers),
      );
      observation.tracer = tracing.tracer;
      context.log = context.log.child({ traceId: observation.span.spanContext().traceId });
    },
    apollo: {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, operationName, operation, request, response }) {
            const observation = requestObservationOf(contextValue);
            const operationObservation = observationOf(contextValue);
            const label = operationLabel(operationName ?? request.operationName, knownOperations);
            const body = response.body;
            const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
            const failed = (errors?.length ?? 0) > 0;
            metrics.requests.inc({ operation: label, status: failed ? 'error' : 'ok' });
            metrics.requestSeconds.observe({ operation: label }, (performance.now() - observation.startedAt) / 1000);
            const span = observation.span;
            if (!span) return;
            const type = operation?.operation;
            if (type) span.updateName(`${type} ${label}`);
            span.setAttributes({
              'graphql.operation.name': label,
              ...(type ? { 'graphql.operation.type': type } : {}),
              'http.response.status_code': response.http.status ?? 200,
              ...(operationObservation.cache ? { 'govgraph.cache': operationObservation.cache } : {}),
              'govgraph.subgraphs': [...operationObservation.fetched].sort().join(','),
            });
            const code = errors?.[0]?.extensions?.code;
            if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
            span.end();
          },
        };
      },
    },
  };
}
