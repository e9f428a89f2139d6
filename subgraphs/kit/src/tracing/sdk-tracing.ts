import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../logger.js';
import type { ServiceTracing } from './service-tracing.js';
import type { TracingSettings } from './tracing-settings.js';

let installed = false;

/**
 * The context manager spans follow through awaits (AsyncLocalStorage) and the W3C propagator,
 * installed once per process, when the first service starts tracing.
 */
function installGlobals(): void {
  if (installed) return;
  installed = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

/**
 * The OpenTelemetry SDK for one service: a tracer provider of its own (several services may share
 * a test process), every span recorded (sample in the collector), batched to the OTLP/HTTP JSON
 * exporter every second. A request never waits for the collector; while it is down spans are
 * dropped (4,096 queued at most) with one warning per outage. No global tracer provider is
 * registered: code gets its service's tracer from here.
 */
export function startSdkTracing(settings: TracingSettings, log: Logger): ServiceTracing {
  installGlobals();
  const exporter = new OTLPTraceExporter({ url: settings.tracesUrl, headers: { ...settings.headers }, timeoutMillis: 5_000 });
  let failing = false;
  const send = exporter.export.bind(exporter);
  exporter.export = (spans, done) =>
    send(spans, (result) => {
      if (result.code === ExportResultCode.SUCCESS) {
        if (failing) log.info({ url: settings.tracesUrl }, 'trace export recovered');
        failing = false;
      } else {
        if (!failing) log.warn({ err: result.error, url: settings.tracesUrl, spans: spans.length }, 'trace export failed; dropping spans until the collector answers');
        failing = true;
      }
      done(result);
    });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000, maxExportBatchSize: 512, maxQueueSize: 4_096, exportTimeoutMillis: 5_000 })],
  });
  return {
    tracer: provider.getTracer('govgraph'),
    flush: () => provider.forceFlush(),
    close: () => provider.shutdown(),
  };
}
