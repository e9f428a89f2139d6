import { randomBytes } from 'node:crypto';

/** W3C Trace Context: which trace a span belongs to and which span is its parent. */
export interface SpanContext {
  /** 32 lower-case hex digits, not all zero. */
  traceId: string;
  /** 16 lower-case hex digits, not all zero. */
  spanId: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Reads a client's `traceparent` header (version 00 or a later one we read as 00). Anything
 * malformed, all-zero or version ff is ignored: the gateway then starts a trace of its own.
 */
export function parseTraceparent(header: string | string[] | undefined): SpanContext | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (!value || value.length > 512) return null;
  // Later versions may append fields; the first four keep their meaning.
  const match = TRACEPARENT.exec(value.length > 55 && value[55] === '-' && !value.startsWith('00') ? value.slice(0, 55) : value);
  if (!match) return null;
  const [, version, traceId, spanId] = match as unknown as [string, string, string, string];
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return null;
  return { traceId, spanId };
}

/** The header a subgraph fetch carries: this trace, the fetch's span as parent, sampled. */
export function formatTraceparent(context: SpanContext): string {
  return `00-${context.traceId}-${context.spanId}-01`;
}

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}
