import { GraphQLError } from 'graphql';
import { ErrorCode } from '@govgraph/kit';

/**
 * The error a client sees when a department's subgraph did not answer properly. It names the
 * department (clients show which part is missing) but never its URL, status body or stack.
 */
export function downstreamError(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service is unavailable`, {
    extensions: { code: ErrorCode.DOWNSTREAM_SERVICE_ERROR, serviceName },
  });
}

/** Errors answered by a subgraph carry serviceName (set by @apollo/gateway or downstreamError). */
export function serviceNameOf(error: unknown): string | undefined {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  return typeof extensions?.serviceName === 'string' ? extensions.serviceName : undefined;
}

/** Request errors a subgraph answers with HTTP 400: the caller's input, not the department, is at fault. */
const CLIENT_ERROR_CODES = new Set([ErrorCode.BAD_USER_INPUT, 'GRAPHQL_VALIDATION_FAILED']);

/**
 * A subgraph that rejects the input (a custom scalar such as Date that only it can parse) answers
 * 400 with coded errors; the client gets that error, naming the department, not "unavailable".
 */
export function clientErrorFrom(error: unknown, serviceName: string): GraphQLError | null {
  const response = (error as { extensions?: { response?: { status?: number; body?: unknown } } } | null)?.extensions?.response;
  if (response?.status !== 400) return null;
  const errors = (response.body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown; field?: unknown } }> } | null)?.errors;
  const first = errors?.[0];
  const code = first?.extensions?.code;
  if (typeof first?.message !== 'string' || typeof code !== 'string' || !CLIENT_ERROR_CODES.has(code)) return null;
  return new GraphQLError(first.message.slice(0, 500), {
    extensions: { code: ErrorCode.BAD_USER_INPUT, serviceName, ...(typeof first.extensions?.field === 'string' ? { field: first.extensions.field } : {}) },
  });
}
