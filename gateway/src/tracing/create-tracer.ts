import type { Logger } from '@govgraph/kit';
import type { TracingSettings } from '../observability/observability-config.js';
import { createOtlpHttpExporter } from './otlp-http-exporter.js';
import { Tracer } from './tracer.js';

/** A tracer exporting to the configured collector, or null: no endpoint, no spans, no traceparent. */
export function createTracer(settings: TracingSettings | null, log: Logger): Tracer | null {
  if (!settings) return null;
  const exporter = createOtlpHttpExporter({
    url: settings.tracesUrl,
    serviceName: settings.serviceName,
    headers: settings.headers,
    log: log.child({ component: 'tracing' }),
  });
  return new Tracer(exporter);
}
