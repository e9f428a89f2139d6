import { newSpanId, newTraceId, type SpanContext } from './trace-context.js';

export type SpanKind = 'server' | 'client' | 'internal';
export type AttributeValue = string | number | boolean;

/** A span once it has ended, as exporters receive it. */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKind;
  /** Unix epoch, nanoseconds. */
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Record<string, AttributeValue>;
  status: 'unset' | 'ok' | 'error';
  statusMessage?: string;
}

export interface SpanExporter {
  /** Takes an ended span; never throws, never blocks the request. */
  export(span: FinishedSpan): void;
  /** Sends what is queued now. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

/** Wall-clock nanoseconds with the monotonic clock's resolution. */
function nowUnixNano(): bigint {
  const ms = performance.timeOrigin + performance.now();
  return BigInt(Math.floor(ms)) * 1_000_000n + BigInt(Math.round((ms % 1) * 1_000_000));
}

export class Span {
  readonly context: SpanContext;
  private readonly attributes: Record<string, AttributeValue> = {};
  private readonly start = nowUnixNano();
  private ended = false;

  constructor(
    private readonly exporter: SpanExporter,
    private name: string,
    readonly kind: SpanKind,
    readonly parentSpanId: string | null,
    traceId: string,
    attributes: Record<string, AttributeValue | undefined> = {},
  ) {
    this.context = { traceId, spanId: newSpanId() };
    this.setAttributes(attributes);
  }

  /** Once more is known, e.g. the operation's name after parsing. */
  updateName(name: string): this {
    this.name = name;
    return this;
  }

  setAttribute(key: string, value: AttributeValue | undefined): this {
    if (value !== undefined) this.attributes[key] = value;
    return this;
  }

  setAttributes(attributes: Record<string, AttributeValue | undefined>): this {
    for (const [key, value] of Object.entries(attributes)) this.setAttribute(key, value);
    return this;
  }

  /** Ends the span once (later calls are ignored); an error message marks it failed. */
  end(outcome: { error?: string } = {}): void {
    if (this.ended) return;
    this.ended = true;
    this.exporter.export({
      traceId: this.context.traceId,
      spanId: this.context.spanId,
      parentSpanId: this.parentSpanId,
      name: this.name,
      kind: this.kind,
      startTimeUnixNano: this.start,
      endTimeUnixNano: nowUnixNano(),
      attributes: this.attributes,
      status: outcome.error === undefined ? 'unset' : 'error',
      ...(outcome.error === undefined ? {} : { statusMessage: outcome.error }),
    });
  }
}

/**
 * Starts spans and hands the ended ones to an exporter. Every span is recorded (no sampling):
 * tracing is on only where an operator configured a collector, which samples if it wants to.
 */
export class Tracer {
  constructor(private readonly exporter: SpanExporter) {}

  /** A span under `parent` (the caller's trace, e.g. from its traceparent), or the root of a new trace. */
  startSpan(name: string, options: { kind: SpanKind; parent?: SpanContext | null; attributes?: Record<string, AttributeValue | undefined> }): Span {
    const parent = options.parent ?? null;
    return new Span(this.exporter, name, options.kind, parent?.spanId ?? null, parent?.traceId ?? newTraceId(), options.attributes);
  }

  flush(): Promise<void> {
    return this.exporter.flush();
  }

  close(): Promise<void> {
    return this.exporter.close();
  }
}
