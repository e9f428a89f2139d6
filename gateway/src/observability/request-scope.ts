import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '@govgraph/kit';
import type { GatewayContext } from '../context.js';
import type { Span, Tracer } from '@opentelemetry/api';

/**
 * What the gateway learns about one HTTP request, for metrics and traces. Kept on the context
 * under a symbol (no other feature has to know): Apollo Server hands each operation a shallow
 * copy of the context, and the copy carries the same observation.
 */
export interface RequestObservation {
  /** performance.now() when the request reached the plugins. */
  startedAt: number;
  /** The request's server span, when tracing is on. */
  span?: Span;
  /** The tracer that made it: Redis commands sent for the request are traced with it. */
  tracer?: Tracer;
}

/** What the gateway learns about one operation (a batch has several per request). */
export interface OperationObservation {
  /** Subgraphs this operation fetched from. */
  fetched: Set<string>;
  /** Subgraphs this operation sent a mutation to. */
  written: Set<string>;
  /** The response cache's verdict: hit, miss, bypass; absent when it did not look. */
  cache?: 'hit' | 'miss' | 'bypass';
}

const REQUEST = Symbol('govgraph.requestObservation');

/** The request's observation, made on first use (by the observability plugin as the request arrives). */
export function requestObservationOf(context: GatewayContext): RequestObservation {
  const holder = context as GatewayContext & { [REQUEST]?: RequestObservation };
  // A plain (enumerable) property, so Apollo's copy of the context keeps it.
  holder[REQUEST] ??= { startedAt: performance.now() };
  return holder[REQUEST];
}

const operations = new WeakMap<object, OperationObservation>();

/** The operation's observation: keyed by Apollo's copy of the context, which the data sources get too. */
export function observationOf(contextValue: GatewayContext): OperationObservation {
  let observation = operations.get(contextValue);
  if (!observation) {
    observation = { fetched: new Set(), written: new Set() };
    operations.set(contextValue, observation);
  }
  return observation;
}

/** The HTTP request being served; its context once the plugins have seen it. */
export interface RequestScope {
  context?: GatewayContext;
}

/** Entered for every HTTP request (server.ts), so code without the context still logs with it. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);

/**
 * A logger that, inside a request, writes through that request's logger (request id, account),
 * and outside one through `base`. For code that is handed a logger once, at start — Apollo
 * Server, the gateway, the error formatter — but logs while serving a request.
 */
export function contextualLogger(base: Logger, bindings?: Record<string, unknown>): Logger {
  const current = (): Logger => {
    const log = requestScope.getStore()?.context?.log;
    if (!log) return base;
    return bindings ? log.child(bindings) : log;
  };
  return new Proxy(base, {
    get(target, property, receiver) {
      if (typeof property === 'string' && LEVELS.has(property)) {
        const log = current();
        const method = log[property as 'info'];
        return method.bind(log);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Runs each HTTP request of `handle` in its own scope. */
export function withRequestScope<Args extends unknown[], R>(handle: (...args: Args) => R): (...args: Args) => R {
  return (...args) => requestScope.run({}, () => handle(...args));
}
