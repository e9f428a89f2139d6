import type { Logger } from '@govgraph/kit';
import type { AttributeValue, FinishedSpan, SpanExporter } from './tracer.js';

export interface OtlpHttpExporterOptions {
  /** Full traces URL, e.g. http://collector:4318/v1/traces. */
  url: string;
  /** Resource attribute service.name. */
  serviceName: string;
  /** Extra request headers (OTEL_EXPORTER_OTLP_HEADERS), e.g. an API key for the collector. */
  headers?: Readonly<Record<string, string>>;
  log: Logger;
  /** How often queued spans are sent. Default 1000 ms. */
  flushIntervalMs?: number;
  /** Spans per request. Default 512. */
  maxBatchSize?: number;
  /** Spans kept while the collector is slow or down; newer ones are dropped beyond it. Default 4096. */
  maxQueueSize?: number;
  /** Default 5000 ms. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

const KIND = { internal: 1, server: 2, client: 3 } as const;
const STATUS = { unset: 0, ok: 1, error: 2 } as const;

function anyValue(value: AttributeValue): Record<string, unknown> {
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  return { stringValue: value };
}

function keyValues(attributes: Readonly<Record<string, AttributeValue>>): Array<{ key: string; value: Record<string, unknown> }> {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

/** The OTLP/JSON body of one export request (trace and span ids in hex, times as decimal strings). */
export function otlpTraceRequest(serviceName: string, spans: readonly FinishedSpan[]): unknown {
  return {
    resourceSpans: [
      {
        resource: { attributes: keyValues({ 'service.name': serviceName, 'telemetry.sdk.name': 'govgraph', 'telemetry.sdk.language': 'nodejs' }) },
        scopeSpans: [
          {
            scope: { name: 'govgraph-gateway' },
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              name: span.name,
              kind: KIND[span.kind],
              startTimeUnixNano: span.startTimeUnixNano.toString(),
              endTimeUnixNano: span.endTimeUnixNano.toString(),
              attributes: keyValues(span.attributes),
              status: { code: STATUS[span.status], ...(span.statusMessage ? { message: span.statusMessage } : {}) },
            })),
          },
        ],
      },
    ],
  };
}

/**
 * A minimal OTLP/HTTP exporter with the JSON encoding, so tracing needs no dependency: spans are
 * queued, sent in batches every second (and on close), and dropped — counted, logged once per
 * outage — when the collector does not take them. A request never waits for the collector.
 */
export function createOtlpHttpExporter(options: OtlpHttpExporterOptions): SpanExporter & { dropped(): number } {
  const send = options.fetch ?? globalThis.fetch;
  const maxBatch = options.maxBatchSize ?? 512;
  const maxQueue = options.maxQueueSize ?? 4096;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const log = options.log;
  let queue: FinishedSpan[] = [];
  let dropped = 0;
  let failing = false;
  let inFlight: Promise<void> = Promise.resolve();

  async function post(batch: FinishedSpan[]): Promise<void> {
    try {
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify(otlpTraceRequest(options.serviceName, batch)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain the body so the connection is reused.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`collector answered ${response.status}`);
      if (failing) log.info({ url: options.url }, 'trace export recovered');
      failing = false;
    } catch (error) {
      dropped += batch.length;
      if (!failing) log.warn({ err: error, url: options.url, spans: batch.length }, 'trace export failed; dropping spans until the collector answers');
      failing = true;
    }
  }

  function flush(): Promise<void> {
    // One export at a time, in order; each takes what is queued when its turn comes.
    inFlight = inFlight.then(async () => {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        await post(batch);
      }
    });
    return inFlight;
  }

  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  return {
    export(span) {
      if (queue.length >= maxQueue) {
        dropped += 1;
        return;
      }
      queue.push(span);
      if (queue.length >= maxBatch) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
    dropped: () => dropped,
  };
}
