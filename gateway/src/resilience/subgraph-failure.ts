import { PoolQueueTimeout } from './subgraph-pool.js';

/**
 * Why a fetch to a subgraph produced no GraphQL answer, as the retry and breaker see it.
 *
 * - `connection`: nothing answered (refused, reset, unreachable) — transient;
 * - `timeout`: no whole answer within the subgraph's timeout — transient;
 * - `server`: HTTP 5xx — transient;
 * - `refused`: another HTTP error (a 401 when the secrets differ, a 404 at a wrong URL) — not
 *   transient: sending it again gets the same answer;
 * - `invalid`: a 2xx that is not a GraphQL answer (not JSON) — not transient;
 * - `saturated`: the timeout ran out while the fetch waited for a free pooled connection — the
 *   gateway is overloaded, the subgraph never saw it: not retried (that would add load) and not
 *   held against the department.
 *
 * Every other kind counts against the department's circuit breaker; only transient ones are retried.
 */
export type FailureKind = 'connection' | 'timeout' | 'server' | 'refused' | 'invalid' | 'saturated';

export interface SubgraphFailure {
  kind: FailureKind;
  transient: boolean;
  status?: number;
  /** The underlying error, for the log only. */
  cause: unknown;
}

const FAILURE = Symbol('govgraph.subgraphFailure');

/** Socket-level error codes, from node:http and from undici (the global fetch). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

export function classifyFailure(error: unknown, response?: { status: number }): SubgraphFailure {
  if (response) {
    if (response.status >= 500) return { kind: 'server', transient: true, status: response.status, cause: error };
    if (response.status >= 400) return { kind: 'refused', transient: false, status: response.status, cause: error };
    return { kind: 'invalid', transient: false, status: response.status, cause: error };
  }
  if (causeOf(error) instanceof PoolQueueTimeout || error instanceof PoolQueueTimeout) return { kind: 'saturated', transient: false, cause: error };
  if (isTimeout(error)) return { kind: 'timeout', transient: true, cause: error };
  // No answer at all: a socket error is worth a new connection; anything else (a bug) is not.
  return { kind: 'connection', transient: isConnectionError(error), cause: causeOf(error) };
}

/** Marks the error a client will see (DOWNSTREAM_SERVICE_ERROR) with why the fetch failed. */
export function withFailure<E extends Error>(error: E, failure: SubgraphFailure): E {
  Object.defineProperty(error, FAILURE, { value: failure, enumerable: false });
  return error;
}

/** The failure an error was marked with; undefined when the subgraph did answer (e.g. a 400 for bad input). */
export function failureOf(error: unknown): SubgraphFailure | undefined {
  return typeof error === 'object' && error !== null ? (error as { [FAILURE]?: SubgraphFailure })[FAILURE] : undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const causeName = (causeOf(error) as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || causeName === 'TimeoutError';
}

function isConnectionError(error: unknown): boolean {
  for (const candidate of [error, causeOf(error)]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  }
  return error instanceof TypeError && error.message === 'fetch failed';
}

function causeOf(error: unknown): unknown {
  return (error as { cause?: unknown } | null)?.cause ?? error;
}
