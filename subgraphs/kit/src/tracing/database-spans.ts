import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { LogEvent } from 'kysely';
import { currentTrace } from './service-tracing.js';

const OPERATIONS: Readonly<Record<string, string>> = {
  SelectQueryNode: 'SELECT',
  InsertQueryNode: 'INSERT',
  UpdateQueryNode: 'UPDATE',
  DeleteQueryNode: 'DELETE',
  MergeQueryNode: 'MERGE',
};

/**
 * A client span per statement, under the span active where Kysely ran it (the subgraph's request
 * or resolver), for SQLite and PostgreSQL alike: Kysely reports each statement with its duration
 * once it has run (or failed), and the span is drawn back to when it started. No instrumentation
 * library or loader hook is needed, and better-sqlite3 has none. Statements outside any traced
 * request (migrations, the seed, the event bus's polling) make no span. The SQL text is the
 * statement with placeholders: parameter values — personal data — are never put on a span.
 */
export function recordDatabaseSpan(system: 'sqlite' | 'postgresql', event: LogEvent): void {
  const current = currentTrace();
  if (!current) return;
  const { tracer, context: parent } = current;
  const kind = event.query.query.kind;
  const operation = OPERATIONS[kind] ?? (kind === 'RawNode' ? event.query.sql.trim().split(/\s+/, 1)[0]!.toUpperCase() : kind.replace(/Node$/, ''));
  const end = performance.timeOrigin + performance.now();
  const span = tracer.startSpan(
    `${operation} ${system}`,
    {
      kind: SpanKind.CLIENT,
      startTime: end - event.queryDurationMillis,
      attributes: { 'db.system.name': system, 'db.operation.name': operation, 'db.query.text': event.query.sql.slice(0, 2_000) },
    },
    parent,
  );
  if (event.level === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: event.error instanceof Error ? event.error.name : 'error' });
  span.end(end);
}
