import { context, createContextKey, propagation, ROOT_CONTEXT, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { Logger } from '../logger.js';
import type { TracingSettings } from './tracing-settings.js';

/** One service's tracer (the OpenTelemetry SDK) and what stops it. */
export interface ServiceTracing {
  tracer: Tracer;
  /** Exports what is queued now. */
  flush(): Promise<void>;
  /** Flushes and stops the exporter. */
  close(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK for one service (sdk-tracing.ts). Loaded on demand: a service
 * without an endpoint never loads the SDK or the exporter, and has nothing that could phone home.
 */
export async function createServiceTracing(settings: TracingSettings, log: Logger): Promise<ServiceTracing> {
  const { startSdkTracing } = await import('./sdk-tracing.js');
  return startSdkTracing(settings, log);
}

const headerGetter = {
  keys: (carrier: Record<string, string | string[] | undefined>) => Object.keys(carrier),
  get: (carrier: Record<string, string | string[] | undefined>, key: string) => carrier[key],
};

/**
 * The caller's trace from its `traceparent` (the W3C propagator the SDK installs; malformed or
 * all-zero ones are ignored), or the root context.
 */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers, headerGetter);
}

/** The `traceparent` naming `span` as the parent of whatever the receiver does. */
export function traceparentOf(span: { spanContext(): { traceId: string; spanId: string; traceFlags: number } }): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-0${(traceFlags & 1).toString(16)}`;
}

/** The tracer of each traced service in this process, for code that knows only the service's name (its database, its HTTP server). */
const tracers = new Map<string, Tracer>();

export function registerServiceTracer(service: string, tracer: Tracer): () => void {
  tracers.set(service, tracer);
  return () => {
    if (tracers.get(service) === tracer) tracers.delete(service);
  };
}

/** The service's tracer, or undefined when it does not trace. */
export function serviceTracer(service: string): Tracer | undefined {
  return tracers.get(service);
}

/** The span active here (the request's, a resolver's), if any. */
export function activeSpan(): Span | undefined {
  return trace.getSpan(context.active());
}

const TRACER = createContextKey('govgraph.tracer');

/** Runs `fn` with `span` active and `tracer` (its service's) carried along, for the spans made beneath it. */
export function withServiceSpan<T>(span: Span, tracer: Tracer, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span).setValue(TRACER, tracer), fn);
}

/** Where else a traced request's span may be found: the gateway keeps its own in its request scope. */
type SpanSource = () => { span: Span; tracer: Tracer } | undefined;
const sources = new Set<SpanSource>();

export function addActiveSpanSource(source: SpanSource): void {
  sources.add(source);
}

/**
 * The traced request this code runs for, if any: its service's tracer and the context to start a
 * child span in. Statements and Redis commands outside any traced request make no span.
 */
export function currentTrace(): { tracer: Tracer; context: Context } | undefined {
  const active = context.active();
  const tracer = active.getValue(TRACER) as Tracer | undefined;
  if (tracer && trace.getSpan(active)) return { tracer, context: active };
  for (const source of sources) {
    const found = source();
    if (found) return { tracer: found.tracer, context: trace.setSpan(active, found.span) };
  }
  return undefined;
}
