import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { currentTrace } from './service-tracing.js';

type Send = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/** A command's name for the span (GET, EVALSHA, …): never its keys or values. */
function commandName(args: unknown): string {
  const first = Array.isArray(args) ? args[0] : undefined;
  const name = typeof first === 'string' ? first : Buffer.isBuffer(first) ? first.toString('latin1') : '';
  return /^[A-Za-z][A-Za-z.]{0,31}$/.test(name) ? name.toUpperCase() : 'COMMAND';
}

function traced(operation: (args: unknown[]) => string, original: Send): Send {
  return function (this: unknown, ...args: unknown[]) {
    const current = currentTrace();
    if (!current) return original.apply(this, args);
    const name = operation(args);
    const span = current.tracer.startSpan(`${name} redis`, { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'redis', 'db.operation.name': name } }, current.context);
    return original.apply(this, args).then(
      (reply) => {
        span.end();
        return reply;
      },
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        span.end();
        throw error;
      },
    );
  };
}

/**
 * A client span per Redis command, MULTI and pipeline, under the traced request it is sent for
 * (none outside one: the event bus's reads, reconnects). node-redis 5 sends every command through
 * `sendCommand`, transactions through `_executeMulti` and pipelines through `_executePipeline`: the
 * client's own methods (on `_self`, the client behind createClient's proxy) are wrapped, so no require hook or ESM loader is needed. The span carries the
 * command's name only, never a key or a value.
 */
export function traceRedisCommands(client: object): void {
  // createClient answers a proxy over the client itself (`_self`), where commands end up.
  const target = ((client as { _self?: object })._self ?? client) as Record<string, unknown>;
  const wrap = (method: string, operation: (args: unknown[]) => string) => {
    const original = target[method];
    if (typeof original === 'function') target[method] = traced(operation, original as Send);
  };
  wrap('sendCommand', (args) => commandName(args[0]));
  wrap('_executeMulti', () => 'MULTI');
  wrap('_executePipeline', () => 'PIPELINE');
}
