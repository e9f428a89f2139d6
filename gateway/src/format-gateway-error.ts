import type { GraphQLFormattedError } from 'graphql';
import { createErrorFormatter, type Logger } from '@govgraph/kit';
import { serviceNameOf } from './downstream-error.js';

/**
 * Apollo Server's formatError for the gateway. Errors answered by a subgraph keep their message
 * and code (the subgraph already masked its own surprises) plus serviceName; the gateway's own
 * errors go through kit's formatter, which masks anything unexpected. No stack traces.
 */
export function createGatewayErrorFormatter(log: Logger) {
  const formatOwnError = createErrorFormatter(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (serviceNameOf(error) === undefined) return formatOwnError(formatted, error);
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}
