import type { ObservedFetch, SubgraphFetchObserver } from '../engine/fetch-observer.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { failureOf } from '../resilience/subgraph-failure.js';
import { traceparentOf } from '@govgraph/kit';
import { SpanKind, SpanStatusCode, trace, ROOT_CONTEXT, type Tracer } from '@opentelemetry/api';
import { observationOf, requestObservationOf } from './request-scope.js';

/** Where the engine's fetch-observer types were first defined; kept for code that imports them from here. */
export type { ObservedFetch, SubgraphFetchObserver };

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

export type FetchOutcome = 'ok' | 'error' | 'timeout';

/**
 * ok: the department answered — a 400 for the caller's input included, as the circuit breaker
 * sees it; timeout; error: refused, unreachable, 5xx, not GraphQL.
 */
export function outcomeOf(error: unknown): FetchOutcome {
  const failure = failureOf(error);
  if (!failure) return 'ok';
  return failure.kind === 'timeout' ? 'timeout' : 'error';
}

/**
 * Counts and times every subgraph fetch attempt per subgraph and outcome, traces it as a client span
 * under the request's span (and hands the subgraph the trace context), and notes on the request
 * which subgraphs it read and wrote, for the response cache.
 */
export function createSubgraphFetchObserver(options: { metrics: GatewayMetrics; tracer?: () => Tracer | undefined }): SubgraphFetchObserver {
  const { metrics } = options;
  return {
    start(subgraph, context, operationType) {
      const observation = observationOf(context);
      observation.fetched.add(subgraph);
      if (operationType === 'mutation') observation.written.add(subgraph);
      const started = performance.now();
      const parent = requestObservationOf(context).span;
      const tracer = parent ? options.tracer?.() : undefined;
      const span =
        tracer && parent
          ? tracer.startSpan(
              `subgraph ${subgraph}`,
              { kind: SpanKind.CLIENT, attributes: { 'govgraph.subgraph': subgraph, 'govgraph.request_id': context.requestId } },
              trace.setSpan(ROOT_CONTEXT, parent),
            )
          : undefined;
      let done = false;
      const finish = (outcome: FetchOutcome) => {
        if (done) return;
        done = true;
        // The subgraph's link counts timeouts (and breaker_open, which never reaches a fetch).
        if (outcome !== 'timeout') metrics.subgraphFetches.inc({ outcome, subgraph });
        metrics.subgraphFetchSeconds.observe({ subgraph }, (performance.now() - started) / 1000);
        if (!span) return;
        span.setAttribute('govgraph.outcome', outcome);
        if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        span.end();
      };
      return {
        headers: span ? { traceparent: traceparentOf(span) } : NO_HEADERS,
        succeeded: () => finish('ok'),
        failed: (error) => finish(outcomeOf(error)),
      };
    },
  };
}
