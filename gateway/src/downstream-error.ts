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
